import type { Municipality, Organisation } from "@samspill/database";
import type { OrganisationKind } from "@samspill/domain";
import { diagnosisGroupOf } from "@samspill/domain";
import type {
  Bundle,
  CodeableConcept,
  ContactPoint,
  HealthcareService,
  Identifier,
  Location,
  Organization,
} from "./fhir-types.js";
import {
  accessibilityLabels,
  audienceLabels,
  diagnosisGroupLabels,
  diagnosisScopeLabels,
  labelsOf,
  languageName,
  offerFormatLabels,
  offerKindLabels,
  organisationKindLabels,
  priorityGroupLabels,
  standardLanguageCode,
} from "./labels.js";
import {
  descriptionBeyondSummary,
  isHttpUrl,
  offerContact,
  offerLastModified,
  offerOnlineUrl,
  offerPlace,
} from "./offer-facts.js";
import { osloSpan } from "./oslo-time.js";
import { plainTextAsMarkdown } from "./plain-markdown.js";
import { type ExportOptions, type OfferForExport, offerPageUrl, trimSlash } from "./types.js";

export type * from "./fhir-types.js";

// Offers → FHIR R4 HealthcareService. Each resource is self-contained: the provider and the
// municipalities served travel as contained resources, so one GET or one bundle entry is enough.
// Codes are used only where a real code system fits; everything else is CodeableConcept.text.

/** Enhetsregisteret organisation number (ENH), as HL7 Norway's no-basis profiles identify it. */
export const orgNumberSystem = "urn:oid:2.16.578.1.12.4.1.4.101";
/** Volven code list 3402, Kommunenummer (SSB), used by HL7 Norway's no-basis-municipalitycode. */
export const municipalityNumberSystem = "urn:oid:2.16.578.1.12.4.1.1.3402";
export const icd10System = "http://hl7.org/fhir/sid/icd-10";
const municipalityCodeExtension = "http://hl7.no/fhir/StructureDefinition/no-basis-municipalitycode";

const patientEducation: CodeableConcept = {
  coding: [{ system: "http://snomed.info/sct", code: "311401005", display: "Patient education (procedure)" }],
  text: "Lærings- og mestringstilbud",
};

const organisationTypeCodes: Record<OrganisationKind, string> = {
  REGIONAL_HEALTH_AUTHORITY: "govt",
  HOSPITAL_TRUST: "prov",
  MUNICIPALITY: "govt",
  USER_ORGANISATION: "cg",
  UNIVERSITY: "edu",
  HEALTH_COMMUNITY: "other",
};

export interface FhirExportOptions extends ExportOptions {
  bundleType?: "collection" | "searchset";
  /** Where the hub serves FHIR resources; defaults to `${baseUrl}/fhir`. */
  fhirBaseUrl?: string;
  /** For a searchset that is one page of a larger result: the number of all matches. */
  total?: number;
  /** For a searchset: the URL of this search, as its `self` link. */
  selfUrl?: string;
  /** For a searchset that is one page: `first`, `previous`, `next` and `last`, after `self`. */
  pageLinks?: { relation: "first" | "previous" | "next" | "last"; url: string }[];
}

export function offersToFhirBundle(offers: readonly OfferForExport[], options: FhirExportOptions): Bundle {
  const type = options.bundleType ?? "collection";
  const base = trimSlash(options.fhirBaseUrl ?? `${trimSlash(options.baseUrl)}/fhir`);
  const bundle: Bundle = {
    resourceType: "Bundle",
    type,
    timestamp: (options.now ?? new Date()).toISOString(),
    entry: offers.map((offer) => ({
      fullUrl: `${base}/HealthcareService/${offer.id}`,
      resource: offerToHealthcareService(offer, options),
      ...(type === "searchset" ? { search: { mode: "match" as const } } : {}),
    })),
  };
  if (type === "searchset") {
    bundle.total = options.total ?? offers.length;
    const links = [
      ...(options.selfUrl ? [{ relation: "self", url: options.selfUrl }] : []),
      ...(options.pageLinks ?? []),
    ];
    if (links.length > 0) bundle.link = links;
  }
  return bundle;
}

export function offerToHealthcareService(offer: OfferForExport, options: ExportOptions): HealthcareService {
  const place = offerPlace(offer);
  const placeLocation: Location | undefined = place
    ? { resourceType: "Location", id: "place", status: "active", mode: "instance", name: place }
    : undefined;
  const areas = offer.municipalities.map(({ municipality }) => municipalityLocation(municipality));
  // The summary is the `comment`; extraDetails carries only what the description adds to it.
  const description = [descriptionBeyondSummary(offer), offer.howToJoin].filter(
    (t): t is string => !!t?.trim(),
  );
  const service: HealthcareService = {
    resourceType: "HealthcareService",
    id: offer.id,
    meta: { lastUpdated: offerLastModified(offer).toISOString() },
    contained: [
      { ...organisationToFhir(offer.provider), id: "provider" },
      ...(placeLocation ? [placeLocation] : []),
      ...areas,
    ],
    identifier: [{ system: `${trimSlash(options.baseUrl)}/offers`, value: offer.id }],
    active: offer.status === "PUBLISHED",
    providedBy: { reference: "#provider", display: offer.provider.name },
    category: [patientEducation],
    type: [{ text: offerKindLabels[offer.kind] }],
    name: offer.title,
    comment: offer.summary,
    telecom: telecom(offer, options),
    eligibility: eligibility(offer),
    characteristic: characteristics(offer),
    communication: offer.languages.map((code) => ({
      coding: [{ system: "urn:ietf:bcp:47", code: standardLanguageCode(code), display: languageName(code) }],
      text: languageName(code),
    })),
    referralMethod: referralMethods(offer),
  };
  if (placeLocation) service.location = [{ reference: "#place", display: place ?? "" }];
  if (areas.length > 0) {
    service.coverageArea = areas.map((a) => ({ reference: `#${a.id}`, display: a.name ?? "" }));
  }
  if (description.length > 0) service.extraDetails = plainTextAsMarkdown(description.join("\n\n"));
  if (offer.a0099Eligible) {
    service.program = [
      { text: "Pasient- og pårørendeopplæring i spesialisthelsetjenesten (aktivitetskode A0099)" },
    ];
  }
  const appointment = appointmentRequired(offer);
  if (appointment !== undefined) service.appointmentRequired = appointment;
  Object.assign(service, availability(offer));
  return service;
}

export function organisationToFhir(organisation: Organisation): Organization {
  const identifier: Identifier[] = [];
  if (organisation.orgNumber) {
    identifier.push({ use: "official", system: orgNumberSystem, value: organisation.orgNumber });
  }
  if (organisation.municipalityNumber) {
    identifier.push({ system: municipalityNumberSystem, value: organisation.municipalityNumber });
  }
  const telecom: ContactPoint[] = [];
  if (organisation.email) telecom.push({ system: "email", value: organisation.email, use: "work" });
  if (isHttpUrl(organisation.website))
    telecom.push({ system: "url", value: organisation.website, use: "work" });
  const org: Organization = {
    resourceType: "Organization",
    id: organisation.id,
    active: true,
    type: [
      {
        coding: [
          {
            system: "http://terminology.hl7.org/CodeSystem/organization-type",
            code: organisationTypeCodes[organisation.kind],
          },
        ],
        text: organisationKindLabels[organisation.kind],
      },
    ],
    name: organisation.name,
  };
  if (identifier.length > 0) org.identifier = identifier;
  if (organisation.shortName) org.alias = [organisation.shortName];
  if (telecom.length > 0) org.telecom = telecom;
  return org;
}

// HL7 Norway writes a municipality as Address.district with the coded municipality number on it.
function municipalityLocation(municipality: Municipality): Location {
  const coding = { system: municipalityNumberSystem, code: municipality.number, display: municipality.name };
  return {
    resourceType: "Location",
    id: `kommune-${municipality.number}`,
    identifier: [{ system: municipalityNumberSystem, value: municipality.number }],
    status: "active",
    name: municipality.name,
    description: `${municipality.name} kommune, ${municipality.county}`,
    mode: "instance",
    physicalType: {
      coding: [
        {
          system: "http://terminology.hl7.org/CodeSystem/location-physical-type",
          code: "jdn",
          display: "Jurisdiction",
        },
      ],
    },
    address: {
      district: municipality.name,
      _district: { extension: [{ url: municipalityCodeExtension, valueCoding: coding }] },
      country: "NO",
    },
  };
}

function telecom(offer: OfferForExport, options: ExportOptions): ContactPoint[] {
  const contact = offerContact(offer);
  const points: ContactPoint[] = [];
  if (contact.phone) points.push({ system: "phone", value: contact.phone, use: "work" });
  if (contact.email) points.push({ system: "email", value: contact.email, use: "work" });
  points.push({ system: "url", value: offerPageUrl(options.baseUrl, offer.id), use: "work" });
  const online = offerOnlineUrl(offer);
  if (isHttpUrl(online)) points.push({ system: "url", value: online, use: "work" });
  return points;
}

function eligibility(offer: OfferForExport): NonNullable<HealthcareService["eligibility"]> {
  const byDiagnosis = offer.diagnosisCodes.map((code) => ({
    code: {
      coding: [{ system: icd10System, code }],
      text: diagnosisGroupLabels[diagnosisGroupOf(code)],
    },
  }));
  const byGroupOnly = offer.diagnosisGroups
    .filter((g) => !offer.diagnosisCodes.some((c) => diagnosisGroupOf(c) === g))
    .map((g) => ({ code: { text: diagnosisGroupLabels[g] } }));
  const byAudience = labelsOf(audienceLabels, offer.audiences).map((text) => ({ code: { text } }));
  return [...byAudience, ...byDiagnosis, ...byGroupOnly];
}

function characteristics(offer: OfferForExport): CodeableConcept[] {
  const texts = [
    diagnosisScopeLabels[offer.diagnosisScope],
    offerFormatLabels[offer.format],
    ...labelsOf(accessibilityLabels, offer.accessibility),
    ...labelsOf(priorityGroupLabels, offer.priorityGroups).map((g) => `Prioritert gruppe: ${g}`),
    offer.interdisciplinary ? "Tverrfaglig" : null,
    offer.userRepPlanning ? "Brukermedvirkning i planlegging" : null,
    offer.userRepDelivery ? "Brukermedvirkning i gjennomføring" : null,
    offer.userRepEvaluation ? "Brukermedvirkning i evaluering" : null,
  ];
  return texts.filter((t): t is string => !!t).map((text) => ({ text }));
}

function referralMethods(offer: OfferForExport): CodeableConcept[] {
  const methods: CodeableConcept[] = [];
  if (isHttpUrl(offer.registrationUrl)) methods.push({ text: `Påmelding på nett: ${offer.registrationUrl}` });
  const contact = offerContact(offer);
  if (contact.phone) {
    methods.push({
      coding: [
        {
          system: "http://terminology.hl7.org/CodeSystem/service-referral-method",
          code: "phone",
          display: "Phone",
        },
      ],
      text: "Telefon",
    });
  }
  if (contact.email) methods.push({ text: "E-post" });
  return methods;
}

/** Courses take registrations; a resource on the web does not. Unknown otherwise. */
function appointmentRequired(offer: OfferForExport): boolean | undefined {
  if (offer.kind === "DIGITAL_RESOURCE") return false;
  if (offer.registrationUrl || offer.sessions.some((s) => s.capacity !== null)) return true;
  return undefined;
}

// `availableTime` describes weekly opening hours; course sessions are dated one-offs, so they are
// listed as text and cancelled ones become `notAvailable` periods with exact instants.
function availability(
  offer: OfferForExport,
): Pick<HealthcareService, "availabilityExceptions" | "notAvailable"> {
  const out: Pick<HealthcareService, "availabilityExceptions" | "notAvailable"> = {};
  const held = offer.sessions.filter((s) => !s.cancelled);
  const cancelled = offer.sessions.filter((s) => s.cancelled);
  if (held.length > 0) {
    out.availabilityExceptions = `Samlinger: ${held.map((s) => osloSpan(s.startsAt, s.endsAt)).join("; ")}.`;
  } else if (offer.kind === "DIGITAL_RESOURCE") {
    out.availabilityExceptions = "Tilgjengelig digitalt når som helst.";
  }
  if (cancelled.length > 0) {
    out.notAvailable = cancelled.map((s) => ({
      description: `Avlyst: ${osloSpan(s.startsAt, s.endsAt)}`,
      during: { start: s.startsAt.toISOString(), end: s.endsAt.toISOString() },
    }));
  }
  return out;
}
