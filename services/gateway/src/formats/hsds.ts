import type { Organisation, Unit } from "@samspill/database";
import type { OfferStatus } from "@samspill/domain";
import { offerAttributes } from "./hsds-attributes.js";
import type {
  HsdsContact,
  HsdsLocation,
  HsdsOrganization,
  HsdsOrganizationIdentifier,
  HsdsSchedule,
  HsdsService,
  HsdsServiceAtLocation,
  HsdsServiceStatus,
} from "./hsds-types.js";
import { derivedUuid } from "./ids.js";
import {
  accessibilityLabels,
  languageName,
  organisationKindLabels,
  physicalAccessibility,
  standardLanguageCode,
} from "./labels.js";
import {
  eligibilityText,
  isHttpUrl,
  offerContact,
  offerDescription,
  offerLastModified,
  offerOnlineUrl,
  offerPlace,
  upcomingCancelledSessions,
} from "./offer-facts.js";
import { dateOnly, osloSpan, osloTime } from "./oslo-time.js";
import { type ExportOptions, type OfferForExport, offerPageUrl, type SessionForExport } from "./types.js";

export type * from "./hsds-types.js";

// Offers → Open Referral HSDS 3 `service` objects (the compiled schema's nested form, with the
// provider embedded as `organization`). All text is plain text: nothing here emits markup.

const statusOf: Record<OfferStatus, HsdsServiceStatus> = {
  PUBLISHED: "active",
  PAUSED: "temporarily closed",
  ARCHIVED: "defunct",
  DRAFT: "inactive",
};

export function offersToHsdsServices(
  offers: readonly OfferForExport[],
  options: ExportOptions,
): HsdsService[] {
  return offers.map((offer) => offerToHsdsService(offer, options));
}

export function offerToHsdsService(offer: OfferForExport, options: ExportOptions): HsdsService {
  const now = options.now ?? new Date();
  const contact = offerContact(offer);
  const service: HsdsService = {
    id: offer.id,
    organization_id: offer.providerId,
    name: offer.title,
    description: offerDescription(offer),
    url: offerPageUrl(options.baseUrl, offer.id),
    status: statusOf[offer.status],
    eligibility_description: eligibilityText(offer),
    last_modified: offerLastModified(offer).toISOString(),
    organization: organisationToHsds(offer.provider),
    languages: offer.languages.map((code) => ({
      id: derivedUuid(offer.id, "language", code),
      service_id: offer.id,
      name: languageName(code),
      code: standardLanguageCode(code),
    })),
    schedules: offer.sessions.filter((s) => !s.cancelled).map((s) => schedule(offer, s, options)),
    service_areas: offer.municipalities.map(({ municipality: m }) => ({
      id: derivedUuid(offer.id, "service-area", m.number),
      service_id: offer.id,
      name: m.name,
      description: `Kommunenummer ${m.number}, ${m.county}`,
    })),
    service_at_locations: serviceAtLocations(offer),
    contacts: offerContacts(offer),
    attributes: offerAttributes(offer),
  };
  if (contact.email) service.email = contact.email;
  if (contact.phone) {
    service.phones = [
      { id: derivedUuid(offer.id, "phone"), service_id: offer.id, number: contact.phone, type: "voice" },
    ];
  }
  const interpretation = [
    offer.accessibility.includes("INTERPRETER") && "Tolk kan bestilles.",
    offer.accessibility.includes("SIGN_LANGUAGE") && "Tegnspråktolk kan bestilles.",
  ].filter((t): t is string => typeof t === "string");
  if (interpretation.length > 0) service.interpretation_services = interpretation.join(" ");
  const application = [
    offer.howToJoin,
    isHttpUrl(offer.registrationUrl) ? `Påmelding: ${offer.registrationUrl}` : null,
  ].filter((t): t is string => !!t);
  if (application.length > 0) service.application_process = application.join("\n\n");
  if (offer.lastReviewedOn) service.assured_date = dateOnly(offer.lastReviewedOn);
  const alert = alertText(offer, now);
  if (alert) service.alert = alert;
  return service;
}

/** One provider as an HSDS `organization`; its units with an address become its locations. */
export function organisationToHsds(organisation: Organisation & { units?: Unit[] }): HsdsOrganization {
  const org: HsdsOrganization = {
    id: organisation.id,
    name: organisation.name,
    description: organisationKindLabels[organisation.kind],
    organization_identifiers: organisationIdentifiers(organisation),
  };
  if (organisation.shortName) org.alternate_name = organisation.shortName;
  if (organisation.email) org.email = organisation.email;
  if (isHttpUrl(organisation.website)) org.website = organisation.website;
  if (organisation.orgNumber) {
    org.uri = `https://data.brreg.no/enhetsregisteret/api/enheter/${organisation.orgNumber}`;
  }
  if (organisation.parentId) org.parent_organization_id = organisation.parentId;
  const units = organisation.units ?? [];
  const contacts = units.filter((u) => u.email || u.phone).map((u) => unitContact(organisation.id, u));
  if (contacts.length > 0) org.contacts = contacts;
  const locations = units
    .filter((u) => u.address)
    .map(
      (u): HsdsLocation => ({
        id: derivedUuid(u.id, "location"),
        location_type: "physical",
        organization_id: organisation.id,
        name: u.name,
        description: u.address ?? "",
      }),
    );
  if (locations.length > 0) org.locations = locations;
  return org;
}

function organisationIdentifiers(organisation: Organisation): HsdsOrganizationIdentifier[] {
  const ids: HsdsOrganizationIdentifier[] = [];
  if (organisation.orgNumber) {
    ids.push({
      id: derivedUuid(organisation.id, "identifier", "NO-BRC"),
      organization_id: organisation.id,
      identifier_scheme: "NO-BRC",
      identifier_type: "Organisasjonsnummer (Enhetsregisteret)",
      identifier: organisation.orgNumber,
    });
  }
  if (organisation.municipalityNumber) {
    ids.push({
      id: derivedUuid(organisation.id, "identifier", "kommunenummer"),
      organization_id: organisation.id,
      identifier_type: "Kommunenummer (SSB)",
      identifier: organisation.municipalityNumber,
    });
  }
  return ids;
}

function unitContact(organisationId: string, unit: Unit): HsdsContact {
  const contact: HsdsContact = {
    id: derivedUuid(unit.id, "contact"),
    organization_id: organisationId,
    name: unit.name,
    department: unit.name,
  };
  if (unit.email) contact.email = unit.email;
  if (unit.phone) {
    contact.phones = [
      { id: derivedUuid(unit.id, "phone"), contact_id: contact.id, number: unit.phone, type: "voice" },
    ];
  }
  return contact;
}

function offerContacts(offer: OfferForExport): HsdsContact[] {
  const contact = offerContact(offer);
  if (!contact.name && !contact.email && !contact.phone) return [];
  const out: HsdsContact = { id: derivedUuid(offer.id, "contact"), service_id: offer.id };
  if (contact.name) out.name = contact.name;
  if (offer.unit) out.department = offer.unit.name;
  if (contact.email) out.email = contact.email;
  if (contact.phone) {
    out.phones = [
      {
        id: derivedUuid(offer.id, "contact-phone"),
        contact_id: out.id,
        number: contact.phone,
        type: "voice",
      },
    ];
  }
  return [out];
}

// HSDS 3 has no one-off event type: a dated session is a schedule valid for that day only,
// with local opening hours and the Oslo UTC offset of that date.
function schedule(offer: OfferForExport, session: SessionForExport, options: ExportOptions): HsdsSchedule {
  const start = osloTime(session.startsAt);
  const end = osloTime(session.endsAt);
  const place = session.location ?? offerPlace(offer);
  const online = session.onlineUrl ?? offerOnlineUrl(offer);
  const attending = [place && `Oppmøte: ${place}`, online && `Digitalt: ${online}`]
    .filter(Boolean)
    .join(". ");
  const out: HsdsSchedule = {
    id: derivedUuid(session.id, "schedule"),
    service_id: offer.id,
    valid_from: start.date,
    valid_to: end.date,
    dtstart: start.date,
    timezone: start.offsetHours,
    opens_at: `${start.time}${start.offset}`,
    closes_at: `${end.time}${end.offset}`,
    description: osloSpan(session.startsAt, session.endsAt),
    schedule_link: isHttpUrl(offer.registrationUrl)
      ? offer.registrationUrl
      : offerPageUrl(options.baseUrl, offer.id),
  };
  if (attending) out.attending_type = attending;
  if (session.note) out.notes = session.note;
  return out;
}

function serviceAtLocations(offer: OfferForExport): HsdsServiceAtLocation[] {
  const out: HsdsServiceAtLocation[] = [];
  const place = offerPlace(offer);
  const online = offerOnlineUrl(offer);
  if (place) {
    // Keyed by provider and place text, so the same venue gets one id across offers.
    const id = derivedUuid(offer.providerId, "place", place.trim().toLowerCase());
    out.push(at(offer, { id, location_type: "physical", organization_id: offer.providerId, name: place }));
  }
  if (isHttpUrl(online)) {
    const id = derivedUuid(offer.id, "online");
    out.push(at(offer, { id, location_type: "virtual", url: online, name: "Digitalt" }));
  }
  return out;
}

function at(offer: OfferForExport, location: HsdsLocation): HsdsServiceAtLocation {
  const features = offer.accessibility.filter(
    (f) => location.location_type === "physical" || !physicalAccessibility.has(f),
  );
  if (features.length > 0) {
    location.accessibility = features.map((f) => ({
      id: derivedUuid(location.id, offer.id, "accessibility", f),
      location_id: location.id,
      description: accessibilityLabels[f],
    }));
  }
  return {
    id: derivedUuid(offer.id, "service-at-location", location.id),
    service_id: offer.id,
    location_id: location.id,
    location,
  };
}

function alertText(offer: OfferForExport, now: Date): string | undefined {
  const lines = upcomingCancelledSessions(offer, now).map(
    (s) => `Avlyst: ${osloSpan(s.startsAt, s.endsAt)}.`,
  );
  if (offer.status === "PAUSED") lines.unshift("Tilbudet er satt på pause.");
  return lines.length > 0 ? lines.join("\n") : undefined;
}
