import type { Database } from "@samspill/database";
import { fhirValidator, hsdsValidator } from "@samspill/gateway/formats/validators";
import { seedDemoData } from "@samspill/seed";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { testGateway, viewerWith } from "../../support/gateway.js";

let db: Database;

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

const get = (path: string, viewer = null as ReturnType<typeof viewerWith> | null) =>
  testGateway(db, viewer).app.fetch(new Request(`http://gateway.test${path}`));

describe("open-format exports over HTTP", () => {
  it("serves the filtered catalogue as HSDS 3 services that validate against the official schema", async () => {
    const response = await get("/export/offers.hsds.json?municipality=5001&format=HYBRID");
    expect(response.status).toBe(200);
    const services = (await response.json()) as { id: string; name: string }[];
    expect(services.length).toBeGreaterThan(0);
    expect(Number(response.headers.get("x-total-count"))).toBe(services.length);
    const validate = hsdsValidator("service");
    for (const service of services) expect(validate(service).errors).toEqual([]);
  });

  it("serves a FHIR R4 searchset bundle of HealthcareService that validates", async () => {
    const response = await get("/export/offers.fhir.json?diagnosisCode=E11");
    expect(response.headers.get("content-type")).toMatch(/application\/fhir\+json/);
    const bundle = (await response.json()) as {
      resourceType: string;
      type: string;
      entry: { resource: { resourceType: string } }[];
    };
    expect(bundle.resourceType).toBe("Bundle");
    expect(bundle.type).toBe("searchset");
    expect(bundle.entry.length).toBeGreaterThanOrEqual(3);
    expect(fhirValidator()(bundle).errors).toEqual([]);
  });

  it("serves search results as CSV for Norwegian Excel", async () => {
    const response = await get("/export/offers.csv?language=sma");
    expect(response.headers.get("content-disposition")).toMatch(/attachment/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const lines = text.trim().split(/\r?\n/);
    expect(lines.length).toBe(
      1 + (await db.offer.count({ where: { status: "PUBLISHED", languages: { has: "sma" } } })),
    );
  });

  it("answers a bad filter with 400 naming the parameter", async () => {
    const response = await get("/export/offers.csv?municipality=12");
    expect(response.status).toBe(400);
    const body = (await response.json()) as { issues: { field: string }[] };
    expect(body.issues[0]?.field).toBe("municipality.0");
  });

  it("gives a published offer's sessions as an iCalendar file, and nothing for a draft", async () => {
    const offer = await db.offer.findFirstOrThrow({
      where: { status: "PUBLISHED", sessions: { some: {} } },
      include: { sessions: true },
    });
    const response = await get(`/calendar/offers/${offer.id}.ics`);
    expect(response.headers.get("content-type")).toMatch(/text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    expect(calendar.getAllSubcomponents("vevent")).toHaveLength(offer.sessions.length);
    const draft = await db.offer.findFirstOrThrow({ where: { status: "DRAFT" } });
    expect((await get(`/calendar/offers/${draft.id}.ics`)).status).toBe(404);
  });

  it("gives meeting points only to signed-in participants", async () => {
    expect((await get("/calendar/meeting-points.ics")).status).toBe(401);
    const response = await get(
      "/calendar/meeting-points.ics",
      viewerWith([{ org: "hf:hnt", role: "VIEWER" }]),
    );
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    const titles = calendar
      .getAllSubcomponents("vevent")
      .map((e) => String(e.getFirstPropertyValue("summary")));
    expect(titles.some((t) => /Innherred/.test(t))).toBe(true);
    expect(titles.some((t) => /Møre og Romsdal – vår/.test(t))).toBe(false);
  });
});
