import { beforeAll, describe, expect, it } from "vitest";
import { offersToHsdsServices, offerToHsdsService, organisationToHsds } from "./hsds.js";
import type { HsdsService } from "./hsds-types.js";
import {
  allOffers,
  baseUrl,
  copdFilm,
  diabetesCourse,
  frisklivMolde,
  kidCourse,
  moldeKommune,
  now,
  withOffer,
} from "./testing/fixtures.js";
import { type HsdsSchemaName, hsdsValidator, type SchemaCheck } from "./testing/validators.js";

const options = { baseUrl, now };
let check: Record<HsdsSchemaName, (document: unknown) => SchemaCheck>;

beforeAll(() => {
  check = {
    service: hsdsValidator("service"),
    organization: hsdsValidator("organization"),
    service_at_location: hsdsValidator("service_at_location"),
  };
});

function expectValid(name: HsdsSchemaName, document: unknown) {
  const result = check[name](document);
  expect(result.errors).toEqual([]);
  expect(result.valid).toBe(true);
}

describe("HSDS 3 services", () => {
  const services = offersToHsdsServices(allOffers, options);

  it("validates every offer against the official service schema", () => {
    expect(services).toHaveLength(3);
    for (const service of services) expectValid("service", service);
  });

  it("validates every service_at_location against its official schema", () => {
    const links = services.flatMap((s) => s.service_at_locations ?? []);
    expect(links.length).toBeGreaterThanOrEqual(3);
    for (const link of links) expectValid("service_at_location", link);
  });

  it("rejects a broken service, so the validator is really wired up", () => {
    const service = offerToHsdsService(diabetesCourse, options);
    const { name: _name, ...nameless } = service;
    expect(check.service(nameless).valid).toBe(false);
    expect(check.service({ ...service, status: "open" }).valid).toBe(false);
    expect(check.service({ ...service, id: "diabetes-course" }).errors.join()).toMatch(/uuid/);
    expect(check.service({ ...service, url: "not a url" }).valid).toBe(false);
    expect(check.service({ ...service, languages: [{ name: "Bokmål", code: "nb" }] }).valid).toBe(false);
  });

  it("maps the hospital trust's hybrid diabetes course", () => {
    const service = offerToHsdsService(diabetesCourse, options);
    expect(service).toMatchObject({
      id: diabetesCourse.id,
      organization_id: diabetesCourse.provider.id,
      name: "Diabetesskolen: leve godt med diabetes type 2",
      status: "active",
      url: `${baseUrl}/offers/${diabetesCourse.id}`,
      email: "lms.alesund@helse-mr.no",
      assured_date: "2024-11-15",
      last_modified: "2025-04-20T09:00:00.456Z",
    });
    expect(service.organization?.name).toBe("Helse Møre og Romsdal HF");
    expect(service.eligibility_description).toContain("Diabetes (ICD-10 E11)");
    expect(service.application_process).toContain("https://helse-mr.no/pamelding/diabetes");
    expect(service.languages?.map((l) => l.code)).toEqual(["nb", "nn"]);
    expect(service.service_areas?.map((a) => a.name)).toEqual(["Molde", "Ålesund"]);
    expect(service.service_areas?.[0]?.description).toContain("1506");
    expect(service.phones?.[0]?.number).toBe("+47 70 10 50 00");
    expect(service.contacts?.[0]).toMatchObject({ name: "Kari Nordmann", email: "lms.alesund@helse-mr.no" });
  });

  it("keeps user HTML as literal text", () => {
    const service = offerToHsdsService(diabetesCourse, options);
    expect(service.description).toContain("<b>Velkommen!</b>");
  });

  it("says the summary once when the description opens with it (or is it)", () => {
    const summary = diabetesCourse.summary;
    const same = offerToHsdsService(withOffer(diabetesCourse, { description: summary }), options);
    expect(same.description).toBe(summary);
    const longer = withOffer(diabetesCourse, { description: `${summary}\n\nTa med matpakke.` });
    expect(offerToHsdsService(longer, options).description).toBe(`${summary}\n\nTa med matpakke.`);
  });

  it("turns held sessions into dated schedules and cancelled ones into an alert", () => {
    const service = offerToHsdsService(diabetesCourse, options);
    expect(service.schedules).toHaveLength(1);
    expect(service.schedules?.[0]).toMatchObject({
      valid_from: "2025-05-14",
      valid_to: "2025-05-14",
      dtstart: "2025-05-14",
      opens_at: "09:00+02:00",
      closes_at: "15:00+02:00",
      timezone: 2,
      notes: "Dag 1: mat, blodsukker; aktivitet",
    });
    expect(service.alert).toBe("Avlyst: 21.05.2025 kl. 09:00–15:00.");
    const later = offerToHsdsService(diabetesCourse, { baseUrl, now: new Date("2025-06-01T00:00:00Z") });
    expect(later.alert).toBeUndefined();
  });

  it("uses the winter offset for a January session", () => {
    const service = offerToHsdsService(kidCourse, options);
    expect(service.schedules?.[0]).toMatchObject({ opens_at: "18:00+01:00", timezone: 1 });
  });

  it("describes physical and virtual places with the accessibility that fits each", () => {
    const diabetes = offerToHsdsService(diabetesCourse, options).service_at_locations ?? [];
    expect(diabetes.map((l) => l.location.location_type)).toEqual(["physical", "virtual"]);
    const [physical, virtual] = diabetes;
    expect(physical?.location.accessibility?.map((a) => a.description)).toEqual(["Teleslynge", "Teksting"]);
    expect(virtual?.location.accessibility?.map((a) => a.description)).toEqual(["Teksting"]);

    const kid = offerToHsdsService(kidCourse, options);
    const kidPlace = kid.service_at_locations?.[0]?.location;
    expect(kidPlace).toMatchObject({ location_type: "physical", name: "Kirkebakken 1, 6413 Molde" });
    expect(kidPlace?.accessibility?.map((a) => a.description)).toContain("Trinnfri adkomst");
    expect(kid.interpretation_services).toBe("Tolk kan bestilles.");
    expect(kid.languages?.map((l) => l.code)).toEqual(["nb", "en", "ar"]);

    const film = offerToHsdsService(copdFilm, options);
    expect(film.service_at_locations?.map((l) => l.location)).toMatchObject([
      { location_type: "virtual", url: "https://stolav.no/film/kols-pust" },
    ]);
    expect(film.schedules).toEqual([]);
  });

  it("writes Norwegian Sign Language as the ISO 639-3 code nsi", () => {
    const film = offerToHsdsService(copdFilm, options);
    expect(film.languages?.map((l) => [l.code, l.name])).toEqual([
      ["nb", "Bokmål"],
      ["sma", "Sørsamisk"],
      ["nsi", "Norsk tegnspråk"],
    ]);
  });

  it("classifies with ICD-10 and the hub's vocabularies as taxonomy terms", () => {
    const service = offerToHsdsService(diabetesCourse, options);
    const terms = (service.attributes ?? []).map((a) => [a.link_type, a.taxonomy_term?.code]);
    expect(terms).toContainEqual(["diagnosis", "E11"]);
    expect(terms).toContainEqual(["offer_kind", "GROUP_COURSE"]);
    expect(terms).toContainEqual(["priority_group", "MULTIPLE_CHRONIC_CONDITIONS"]);
    expect(terms).toContainEqual(["user_involvement", "EVALUATION"]);
    const icd = service.attributes?.find((a) => a.taxonomy_term?.code === "E11")?.taxonomy_term;
    expect(icd?.taxonomy).toBe("ICD-10");
    expect(icd?.term_uri).toBe("https://icd.who.int/browse10/2019/en#/E11");
  });

  it("maps offer status to HSDS status", () => {
    const paused = offerToHsdsService(withOffer(kidCourse, { status: "PAUSED" }), options);
    expect(paused.status).toBe("temporarily closed");
    expect(paused.alert).toBe("Tilbudet er satt på pause.");
    expect(offerToHsdsService(withOffer(kidCourse, { status: "ARCHIVED" }), options).status).toBe("defunct");
  });

  it("gives nested records ids that are unique in a document and stable between exports", () => {
    const ids = (service: HsdsService) => JSON.stringify(service).match(/"id":"[^"]+"/g) ?? [];
    const first = offerToHsdsService(diabetesCourse, options);
    const again = offerToHsdsService(diabetesCourse, options);
    expect(ids(again)).toEqual(ids(first));
    const serviceLevel = [
      ...(first.languages ?? []),
      ...(first.schedules ?? []),
      ...(first.service_areas ?? []),
      ...(first.attributes ?? []),
    ].map((r) => r.id);
    expect(new Set(serviceLevel).size).toBe(serviceLevel.length);
  });
});

describe("HSDS 3 organization", () => {
  it("validates a provider with its units against the official organization schema", () => {
    const organization = organisationToHsds({ ...moldeKommune, units: [frisklivMolde] });
    expectValid("organization", organization);
    expect(organization).toMatchObject({
      id: moldeKommune.id,
      name: "Molde kommune",
      description: "Kommune",
      website: "https://www.molde.kommune.no",
      uri: "https://data.brreg.no/enhetsregisteret/api/enheter/864980512",
    });
    expect(organization.organization_identifiers?.map((i) => [i.identifier_type, i.identifier])).toEqual([
      ["Organisasjonsnummer (Enhetsregisteret)", "864980512"],
      ["Kommunenummer (SSB)", "1506"],
    ]);
    expect(organization.locations?.[0]).toMatchObject({
      location_type: "physical",
      name: "Frisklivssentralen i Molde",
      description: "Kirkebakken 1, 6413 Molde",
    });
    expect(organization.contacts?.[0]?.email).toBe("frisklivsentralen@molde.kommune.no");
  });

  it("rejects an organization without its required description", () => {
    const { description: _description, ...broken } = organisationToHsds(moldeKommune);
    expect(check.organization(broken).valid).toBe(false);
  });

  it("leaves out a website that is not an absolute http(s) URL", () => {
    const organization = organisationToHsds({ ...moldeKommune, website: "www.molde.kommune.no" });
    expect(organization.website).toBeUndefined();
    expectValid("organization", organization);
  });
});
