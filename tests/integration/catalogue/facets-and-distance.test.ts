import type { Database } from "@samspill/database";
import { graphql, type VariablesOf } from "@samspill/graphql";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { orgId, testGateway } from "../../support/gateway.js";

// Facet counts for the search as filtered, weekday and time-of-day filters on upcoming sessions
// (Oslo time), and distance from a place, nearest first. Three offers share a made-up word so
// the seeded catalogue does not blur the counts.

let db: Database;
const word = "Vikerfjellkurs";

/** The first date at least a week ahead on this UTC weekday (0 Sunday … 6 Saturday), at `utcHour`. */
function next(weekday: number, utcHour: number): Date {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 7);
  while (d.getUTCDay() !== weekday) d.setUTCDate(d.getUTCDate() + 1);
  d.setUTCHours(utcHour, 0, 0, 0);
  return d;
}
const hours = (d: Date, h: number) => new Date(d.getTime() + h * 3_600_000);

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  const base = {
    summary: "Et kurs for deg som lever med langvarig sykdom.",
    kind: "GROUP_COURSE" as const,
    diagnosisScope: "DIAGNOSIS_INDEPENDENT" as const,
    status: "PUBLISHED" as const,
    publishedAt: new Date(),
    diagnosisCodes: [],
  };
  // 17:00 UTC is evening in Oslo summer and winter, 08:00 UTC morning.
  const tuesdayEvening = next(2, 17);
  const thursdayMorning = next(4, 8);
  const offers = [
    {
      title: `${word} i Molde`,
      provider: "mun:1506",
      format: "PHYSICAL",
      languages: ["nb"],
      audiences: ["PATIENTS"],
      at: tuesdayEvening,
      cancelled: false,
    },
    {
      title: `${word} i Trondheim`,
      provider: "mun:5001",
      format: "DIGITAL",
      languages: ["nb", "en"],
      audiences: ["CARERS"],
      at: thursdayMorning,
      cancelled: false,
    },
    {
      title: `${word} i Ålesund`,
      provider: "mun:1508",
      format: "PHYSICAL",
      languages: ["se"],
      audiences: ["PATIENTS"],
      at: next(2, 8),
      cancelled: true,
    },
  ] as const;
  for (const o of offers)
    await db.offer.create({
      data: {
        ...base,
        title: o.title,
        providerId: orgId(o.provider),
        format: o.format,
        languages: [...o.languages],
        audiences: [...o.audiences],
        municipalities: { create: [{ municipalityNumber: o.provider.slice(4) }] },
        sessions: { create: [{ startsAt: o.at, endsAt: hours(o.at, 2), cancelled: o.cancelled }] },
      },
    });
});
afterAll(() => db.$disconnect());

const search = graphql(`query FacetSearch($filter: OfferFilter) {
  offers(filter: $filter, first: 50) { totalCount edges { node { title } } }
  offerFacets(filter: $filter) {
    formats { value count } languages { value count } audiences { value count }
    municipalities { value count } daysOfWeek { value count } timesOfDay { value count }
    origin { name latitude longitude }
  }
}`);
type Filter = NonNullable<VariablesOf<typeof search>["filter"]>;

async function run(filter: Filter) {
  const result = await testGateway(db).query(search, { filter: { text: word, ...filter } });
  expect(result.errors).toBeUndefined();
  const counts = (list: { value: string; count: number }[]) =>
    Object.fromEntries(list.map((f) => [f.value, f.count]));
  const facets = result.data!.offerFacets;
  return {
    titles: result.data!.offers.edges.map((e) => e.node.title.replace(`${word} i `, "")),
    formats: counts(facets.formats),
    languages: counts(facets.languages),
    audiences: counts(facets.audiences),
    municipalities: counts(facets.municipalities),
    days: counts(facets.daysOfWeek),
    times: counts(facets.timesOfDay),
    origin: facets.origin,
  };
}

describe("catalogue facets and filters", () => {
  it("counts the search's offers per format, language, audience, municipality, weekday and time", async () => {
    const r = await run({});
    expect(r.titles.sort()).toEqual(["Molde", "Trondheim", "Ålesund"]);
    expect(r.formats).toEqual({ PHYSICAL: 2, DIGITAL: 1 });
    expect(r.languages).toEqual({ nb: 2, en: 1, se: 1 });
    expect(r.audiences).toEqual({ PATIENTS: 2, CARERS: 1 });
    expect(r.municipalities).toEqual({ "1506": 1, "5001": 1, "1508": 1 });
    // Ålesund's only session is cancelled: it has no weekday or time.
    expect(r.days).toEqual({ TUESDAY: 1, THURSDAY: 1 });
    expect(r.times).toEqual({ EVENING: 1, MORNING: 1 });
  });

  it("counts under the filters applied", async () => {
    const r = await run({ formats: ["PHYSICAL"] });
    expect(r.formats).toEqual({ PHYSICAL: 2 });
    expect(r.languages).toEqual({ nb: 1, se: 1 });
  });

  it("filters by weekday and time of day of upcoming sessions, not cancelled ones", async () => {
    expect((await run({ daysOfWeek: ["TUESDAY"] })).titles).toEqual(["Molde"]);
    expect((await run({ timesOfDay: ["MORNING"] })).titles).toEqual(["Trondheim"]);
    expect((await run({ daysOfWeek: ["TUESDAY"], timesOfDay: ["MORNING"] })).titles).toEqual([]);
    expect((await run({ daysOfWeek: ["SUNDAY", "THURSDAY"] })).titles).toEqual(["Trondheim"]);
  });

  it("orders by distance from a place, nearest first, and limits by distance", async () => {
    const fromMolde = await run({ near: { place: "Molde" } });
    expect(fromMolde.titles).toEqual(["Molde", "Ålesund", "Trondheim"]);
    expect(fromMolde.origin?.name).toBe("Molde");
    expect((await run({ near: { place: "Trondheim kommune" } })).titles).toEqual([
      "Trondheim",
      "Molde",
      "Ålesund",
    ]);
    expect((await run({ near: { place: "molde", withinKm: 100 } })).titles).toEqual(["Molde", "Ålesund"]);
    // A point: Ålesund's harbour.
    const fromPoint = await run({ near: { latitude: 62.47, longitude: 6.15 } });
    expect(fromPoint.titles).toEqual(["Ålesund", "Molde", "Trondheim"]);
  });

  it("refuses an unknown place naming the field", async () => {
    const result = await testGateway(db).query(search, { filter: { near: { place: "Atlantis" } } });
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.message).toMatch(/near\.place/);
  });
});
