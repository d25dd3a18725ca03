import { beforeAll, describe, expect, it } from "vitest";
import {
  icd10System,
  municipalityNumberSystem,
  offersToFhirBundle,
  offerToHealthcareService,
  orgNumberSystem,
} from "./fhir.js";
import type { HealthcareService, Location } from "./fhir-types.js";
import { allOffers, baseUrl, copdFilm, diabetesCourse, kidCourse, now } from "./testing/fixtures.js";
import { fhirValidator, type SchemaCheck } from "./testing/validators.js";

const options = { baseUrl, now };
let check: (resource: unknown) => SchemaCheck;

beforeAll(() => {
  check = fhirValidator();
}, 60_000);

function expectValid(resource: unknown) {
  const result = check(resource);
  expect(result.errors).toEqual([]);
  expect(result.valid).toBe(true);
}

function contained<T>(service: HealthcareService, reference: string | undefined): T {
  const found = service.contained?.find((r) => `#${r.id}` === reference);
  if (!found) throw new Error(`no contained resource ${reference}`);
  return found as unknown as T;
}

describe("FHIR R4 bundle of HealthcareService", () => {
  it("validates a collection and a searchset against fhir.schema.json", () => {
    const collection = offersToFhirBundle(allOffers, options);
    expect(collection.type).toBe("collection");
    expect(collection.entry).toHaveLength(3);
    expectValid(collection);

    const searchset = offersToFhirBundle(allOffers, {
      ...options,
      bundleType: "searchset",
      total: 42,
      selfUrl: `${baseUrl}/fhir/HealthcareService?_count=3`,
    });
    expect(searchset).toMatchObject({ type: "searchset", total: 42 });
    expect(searchset.entry.every((e) => e.search?.mode === "match")).toBe(true);
    expectValid(searchset);
  });

  it("validates each HealthcareService on its own", () => {
    for (const offer of allOffers) expectValid(offerToHealthcareService(offer, options));
  });

  it("rejects broken resources, so the validator is really wired up", () => {
    const bundle = offersToFhirBundle([diabetesCourse], options);
    expect(check({ ...bundle, type: "box" }).valid).toBe(false);
    const service = offerToHealthcareService(diabetesCourse, options);
    expect(check({ ...service, appointmentRequired: "ja" }).valid).toBe(false);
    expect(check({ ...service, website: "https://example.no" }).valid).toBe(false);
    expect(check({ ...bundle, entry: [{ resource: { ...service, id: "has spaces" } }] }).valid).toBe(false);
  });

  it("points fullUrl at the hub's FHIR base", () => {
    const bundle = offersToFhirBundle([kidCourse], {
      ...options,
      fhirBaseUrl: "https://api.example.no/fhir/",
    });
    expect(bundle.entry[0]?.fullUrl).toBe(`https://api.example.no/fhir/HealthcareService/${kidCourse.id}`);
    expect(offersToFhirBundle([kidCourse], options).entry[0]?.fullUrl).toBe(
      `${baseUrl}/fhir/HealthcareService/${kidCourse.id}`,
    );
  });

  it("contains every resource it references, and references every resource it contains", () => {
    for (const offer of allOffers) {
      const service = offerToHealthcareService(offer, options);
      const references = [
        service.providedBy,
        ...(service.location ?? []),
        ...(service.coverageArea ?? []),
      ].map((r) => r?.reference);
      expect(new Set(references)).toEqual(new Set(service.contained?.map((r) => `#${r.id}`)));
    }
  });

  it("maps the hospital trust's diabetes course", () => {
    const service = offerToHealthcareService(diabetesCourse, options);
    expect(service).toMatchObject({
      id: diabetesCourse.id,
      active: true,
      name: diabetesCourse.title,
      comment: diabetesCourse.summary,
      appointmentRequired: true,
      category: [{ coding: [{ system: "http://snomed.info/sct", code: "311401005" }] }],
      type: [{ text: "Gruppekurs" }],
      meta: { lastUpdated: "2025-04-20T09:00:00.456Z" },
    });
    const provider = contained<{ name: string; identifier: { system: string; value: string }[] }>(
      service,
      service.providedBy?.reference,
    );
    expect(provider.name).toBe("Helse Møre og Romsdal HF");
    expect(provider.identifier).toContainEqual({
      use: "official",
      system: orgNumberSystem,
      value: "997005562",
    });
    expect(service.eligibility).toContainEqual({
      code: { coding: [{ system: icd10System, code: "E11" }], text: "Diabetes" },
    });
    expect(service.telecom).toContainEqual({ system: "phone", value: "+47 70 10 50 00", use: "work" });
    expect(service.program?.[0]?.text).toContain("A0099");
    expect(service.communication?.map((c) => c.coding?.[0])).toEqual([
      { system: "urn:ietf:bcp:47", code: "nb", display: "Bokmål" },
      { system: "urn:ietf:bcp:47", code: "nn", display: "Nynorsk" },
    ]);
  });

  it("lists held sessions as text and cancelled ones as notAvailable periods", () => {
    const service = offerToHealthcareService(diabetesCourse, options);
    expect(service.availabilityExceptions).toBe("Samlinger: 14.05.2025 kl. 09:00–15:00.");
    expect(service.notAvailable).toEqual([
      {
        description: "Avlyst: 21.05.2025 kl. 09:00–15:00",
        during: { start: "2025-05-21T07:00:00.000Z", end: "2025-05-21T13:00:00.000Z" },
      },
    ]);
  });

  it("writes municipalities served as contained Locations with the municipality number", () => {
    const service = offerToHealthcareService(diabetesCourse, options);
    const areas = (service.coverageArea ?? []).map((r) => contained<Location>(service, r.reference));
    expect(areas.map((a) => a.identifier?.[0])).toEqual([
      { system: municipalityNumberSystem, value: "1506" },
      { system: municipalityNumberSystem, value: "1508" },
    ]);
    expect(areas[0]?.address?._district?.extension[0]?.valueCoding).toEqual({
      system: municipalityNumberSystem,
      code: "1506",
      display: "Molde",
    });
  });

  it("maps the municipality's KiD course with languages and accessibility", () => {
    const service = offerToHealthcareService(kidCourse, options);
    expect(service.communication?.map((c) => c.coding?.[0]?.code)).toEqual(["nb", "en", "ar"]);
    expect(service.characteristic?.map((c) => c.text)).toEqual(
      expect.arrayContaining(["Diagnoseuavhengig", "Trinnfri adkomst", "Tolk"]),
    );
    expect(contained<Location>(service, service.location?.[0]?.reference).name).toBe(
      "Kirkebakken 1, 6413 Molde",
    );
    expect(service.eligibility).toEqual([{ code: { text: "Pasienter" } }]);
  });

  it("maps the digital film without sessions or place", () => {
    const service = offerToHealthcareService(copdFilm, options);
    expect(service.location).toBeUndefined();
    expect(service.appointmentRequired).toBe(false);
    expect(service.availabilityExceptions).toBe("Tilgjengelig digitalt når som helst.");
    expect(service.notAvailable).toBeUndefined();
    expect(service.telecom).toContainEqual({
      system: "url",
      value: "https://stolav.no/film/kols-pust",
      use: "work",
    });
    expect(service.communication?.map((c) => c.coding?.[0]?.code)).toEqual(["nb", "sma", "nsi"]);
  });

  it("escapes user text in markdown so HTML stays text", () => {
    const service = offerToHealthcareService(diabetesCourse, options);
    expect(service.extraDetails).toContain("\\<b\\>Velkommen\\!\\</b\\>");
    expect(service.extraDetails).not.toMatch(/(^|[^\\])</);
    expect(service.extraDetails).toContain("deltar \\& deler");
  });
});
