import type { Database } from "@samspill/database";
import { createGateway } from "@samspill/gateway";
import { seedDemoData } from "@samspill/seed";
import fc from "fast-check";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { createProvider } from "../../support/providers.js";
import { derivableHidden, type PublishedTable, smallPublished } from "../../support/suppression-oracle.js";

// The public summaries with the deployment's threshold (SMALL_COUNT_THRESHOLD): for random
// tables of reports, no published figure counts fewer people than the threshold, and no hidden
// one can be worked out from the rows and totals that are published.

let db: Database;

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

const period = "2025";
const inPeriod = { periodStart: new Date("2025-03-01"), periodEnd: new Date("2025-03-31") };

function publicGateway(smallCountThreshold: number) {
  return createGateway({
    db,
    log: pino({ level: "silent" }),
    production: false,
    webOrigin: "http://web.test",
    smallCountThreshold,
  }).app;
}

async function query<T>(app: ReturnType<typeof publicGateway>, document: string, variables: object) {
  const response = await app.fetch(
    new Request("http://gateway.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: document, variables }),
    }),
  );
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data!;
}

type Audience = Record<
  "patients" | "carers" | "childrenAndYouth" | "parents" | "others" | "total",
  number | null
>;
const audienceFields = ["patients", "carers", "childrenAndYouth", "parents", "others"] as const;

const participationSummary = `query($providerId: ID!, $period: String!) {
  participationSummary(providerId: $providerId, period: $period) {
    smallCountThreshold
    participants { patients carers childrenAndYouth parents others total }
    offers { offer { id } participants { patients carers childrenAndYouth parents others total } }
  }
}`;

const pamSummary = `query($providerId: ID!, $period: String!) {
  pamSummary(providerId: $providerId, period: $period) {
    smallCountThreshold
    before { respondents meanScore levels }
    after { respondents meanScore levels }
    offers { offer { id } before { respondents meanScore levels } after { respondents meanScore levels } }
  }
}`;

const count = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 9 }) },
  { weight: 4, arbitrary: fc.integer({ min: 10, max: 40 }) },
);
const threshold = fc.constantFrom(5, 7, 10);

describe("public summaries with a configured threshold", () => {
  it("participationSummary publishes no count below it and gives no hidden count away", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(count, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 4 }),
        threshold,
        async (table, limit) => {
          const provider = await createProvider(db, `Terskel${run++}`, table.length);
          await db.participationReport.createMany({
            data: table.map((row, i) => ({
              reporterId: provider.id,
              offerId: provider.offerIds[i]!,
              ...inPeriod,
              ...Object.fromEntries(audienceFields.map((k, j) => [k, row[j]!])),
            })),
          });
          const data = await query<{
            participationSummary: {
              smallCountThreshold: number;
              participants: Audience;
              offers: { offer: { id: string }; participants: Audience }[];
            };
          }>(publicGateway(limit), participationSummary, { providerId: provider.id, period });
          const s = data.participationSummary;
          expect(s.smallCountThreshold).toBe(limit);
          // Rows in the order of the table (offers are listed by id, as createProvider made them).
          const rows = provider.offerIds.map((id) => s.offers.find((o) => o.offer.id === id)!.participants);
          const published: PublishedTable = {
            cells: rows.map((r) => audienceFields.map((k) => r[k])),
            rowTotals: rows.map((r) => r.total),
            columnTotals: audienceFields.map((k) => s.participants[k]),
            total: s.participants.total,
          };
          expect(smallPublished(published, limit)).toEqual([]);
          expect(derivableHidden(published)).toEqual([]);
          // What is shown is true.
          expect(published.cells).toEqual(
            table.map((row, i) => row.map((v, j) => (published.cells[i]![j] === null ? null : v))),
          );
        },
      ),
      { numRuns: 8 },
    );
  });

  it("pamSummary publishes no respondent count below it, and no mean without its respondents", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(count, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
        threshold,
        async (levels, limit) => {
          const provider = await createProvider(db, `PamTerskel${run++}`, levels.length);
          await db.pamEvaluation.createMany({
            data: levels.map((row, i) => {
              const respondents = row.reduce((a, b) => a + b, 0);
              return {
                reporterId: provider.id,
                offerId: provider.offerIds[i]!,
                ...inPeriod,
                respondentsBefore: respondents,
                respondentsAfter: respondents,
                meanScoreBefore: "50.0",
                meanScoreAfter: "60.0",
                levelsBefore: row,
                levelsAfter: row,
              };
            }),
          });
          type Side = { respondents: number | null; meanScore: number | null; levels: (number | null)[] };
          const data = await query<{
            pamSummary: {
              smallCountThreshold: number;
              before: Side;
              after: Side;
              offers: { offer: { id: string }; before: Side; after: Side }[];
            };
          }>(publicGateway(limit), pamSummary, { providerId: provider.id, period });
          const s = data.pamSummary;
          expect(s.smallCountThreshold).toBe(limit);
          const rows = provider.offerIds
            .map((id) => s.offers.find((o) => o.offer.id === id))
            .filter((o) => o !== undefined);
          for (const pick of ["before", "after"] as const) {
            const published: PublishedTable = {
              cells: rows.map((r) => r[pick].levels),
              rowTotals: rows.map((r) => r[pick].respondents),
              columnTotals: s[pick].levels,
              total: s[pick].respondents,
            };
            expect(smallPublished(published, limit)).toEqual([]);
            expect(derivableHidden(published)).toEqual([]);
            for (const side of [...rows.map((r) => r[pick]), s[pick]])
              if (side.respondents === null) expect(side.meanScore).toBeNull();
          }
        },
      ),
      { numRuns: 8 },
    );
  });
});
