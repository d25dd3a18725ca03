// The subset of Open Referral HSDS 3 the hub publishes, typed after the compiled schemas in
// ./schemas/hsds-3 (which stay the authority: the tests validate against them).

export type HsdsServiceStatus = "active" | "inactive" | "defunct" | "temporarily closed";
export type HsdsLocationType = "physical" | "postal" | "virtual";

export interface HsdsPhone {
  id: string;
  service_id?: string;
  organization_id?: string;
  contact_id?: string;
  number: string;
  /** RFC 6350 TYPE: text, voice, fax, cell, video, pager, textphone. */
  type?: string;
  description?: string;
}

export interface HsdsContact {
  id: string;
  service_id?: string;
  organization_id?: string;
  name?: string;
  department?: string;
  email?: string;
  phones?: HsdsPhone[];
}

export interface HsdsLanguage {
  id: string;
  service_id?: string;
  name: string;
  code: string;
}

export interface HsdsSchedule {
  id: string;
  service_id?: string;
  valid_from?: string;
  valid_to?: string;
  dtstart?: string;
  timezone?: number;
  opens_at?: string;
  closes_at?: string;
  description?: string;
  schedule_link?: string;
  attending_type?: string;
  notes?: string;
}

export interface HsdsServiceArea {
  id: string;
  service_id?: string;
  name: string;
  description?: string;
}

export interface HsdsAccessibility {
  id: string;
  location_id?: string;
  description: string;
}

export interface HsdsLocation {
  id: string;
  location_type: HsdsLocationType;
  url?: string;
  organization_id?: string;
  name?: string;
  description?: string;
  accessibility?: HsdsAccessibility[];
}

export interface HsdsServiceAtLocation {
  id: string;
  service_id?: string;
  location_id?: string;
  description?: string;
  location: HsdsLocation;
}

export interface HsdsTaxonomy {
  id: string;
  name: string;
  description: string;
  uri?: string;
  version?: string;
}

export interface HsdsTaxonomyTerm {
  id: string;
  code?: string;
  name: string;
  description: string;
  taxonomy?: string;
  taxonomy_detail?: HsdsTaxonomy;
  language?: string;
  taxonomy_id?: string;
  term_uri?: string;
}

export interface HsdsAttribute {
  id: string;
  link_id?: string;
  taxonomy_term_id?: string;
  link_type?: string;
  link_entity?: string;
  value?: string;
  taxonomy_term?: HsdsTaxonomyTerm;
}

export interface HsdsOrganizationIdentifier {
  id: string;
  organization_id?: string;
  /** An org-id.guide scheme, e.g. NO-BRC for the Brønnøysund Register Centre. */
  identifier_scheme?: string;
  identifier_type: string;
  identifier: string;
}

export interface HsdsOrganization {
  id: string;
  name: string;
  alternate_name?: string;
  description: string;
  email?: string;
  website?: string;
  uri?: string;
  parent_organization_id?: string;
  contacts?: HsdsContact[];
  locations?: HsdsLocation[];
  organization_identifiers?: HsdsOrganizationIdentifier[];
}

export interface HsdsService {
  id: string;
  organization_id?: string;
  name: string;
  description?: string;
  url?: string;
  email?: string;
  status: HsdsServiceStatus;
  interpretation_services?: string;
  application_process?: string;
  eligibility_description?: string;
  assured_date?: string;
  alert?: string;
  last_modified?: string;
  phones?: HsdsPhone[];
  schedules?: HsdsSchedule[];
  service_areas?: HsdsServiceArea[];
  service_at_locations?: HsdsServiceAtLocation[];
  languages?: HsdsLanguage[];
  organization?: HsdsOrganization;
  contacts?: HsdsContact[];
  attributes?: HsdsAttribute[];
}
