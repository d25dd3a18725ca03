import type { Database } from "@samspill/database";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
// By path: the bench package is a tool, not a dependency of the test suites.
import { generateDataset, scales } from "../../../bench/src/generate/index.js";
import { testDatabase } from "../../support/db.js";
import { captureWrites } from "../../support/writes.js";

// The benchmark's data generator at a tiny scale, so it cannot rot between benchmark runs: it
// writes through the migrated schema (constraints, triggers) and every table gets its rows,
// through the bulk-load command (audited per batch, no domain events).

const tables = [
  "Organisation",
  "Municipality",
  "Offer",
  "OfferMunicipality",
  "OfferSession",
  "Agreement",
  "AgreementParty",
  "MeetingPoint",
  "MeetingParticipant",
  "ParticipationReport",
] as const;

let client: pg.Client;
let db: Database;

beforeAll(async () => {
  client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  db = testDatabase();
});
afterAll(() => Promise.all([client.end(), db.$disconnect()]));

async function countRows(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`);
    counts[table] = Number(rows[0]?.n);
  }
  return counts;
}

describe("benchmark data generator", () => {
  it("writes the requested number of rows, also into a database that already holds a data set", async () => {
    const scale = scales.tiny;
    const tag = Date.now().toString(36);
    // The same seed twice: names differ by tag, municipality numbers must avoid the taken ones.
    await generateDataset(db, scale, { tag: `smoke-a-${tag}` });
    const before = await countRows();
    const {
      result: dataset,
      audits,
      events,
    } = await captureWrites(db, () => generateDataset(db, scale, { tag: `smoke-b-${tag}` }));
    const after = await countRows();
    const added = (table: (typeof tables)[number]) => after[table]! - before[table]!;

    expect(added("Municipality")).toBe(scale.municipalities);
    expect(added("Offer")).toBe(scale.offers);
    expect(added("OfferSession")).toBe(scale.sessions);
    expect(added("Agreement")).toBe(scale.agreements);
    expect(added("MeetingPoint")).toBe(scale.meetingPoints);
    expect(added("ParticipationReport")).toBe(scale.participationReports);
    // Four regional authorities, the trusts, the municipalities, user organisations, universities
    // and one health community per trust.
    expect(added("Organisation")).toBe(dataset.rows.Organisation);
    expect(dataset.hospitalTrustIds).toHaveLength(scale.hospitalTrusts);
    for (const table of ["OfferMunicipality", "AgreementParty", "MeetingParticipant"] as const)
      expect(added(table), table).toBe(dataset.rows[table]);
    expect(added("OfferMunicipality")).toBeGreaterThanOrEqual(scale.offers);

    // Every business row came through the bulk load: one audit entry per batch, naming the data
    // set and counting rows (the municipalities are reference data, loaded as they are), and no
    // domain events at all.
    expect(events).toEqual([]);
    expect(audits.length).toBeGreaterThan(0);
    const audited: Record<string, number> = {};
    for (const audit of audits) {
      expect(audit).toMatchObject({
        action: "dataset.load",
        entityType: "Dataset",
        entityId: `benchmark data set [smoke-b-${tag}]`,
        organisationId: null,
      });
      const { rows } = audit.changes as { rows: Record<string, number> };
      for (const [table, n] of Object.entries(rows)) if (n > 0) audited[table] = (audited[table] ?? 0) + n;
    }
    const { Municipality, ...business } = dataset.rows;
    expect(audited).toEqual(business);
    expect(Municipality).toBe(scale.municipalities);
  });

  it("gives offers Norwegian full-text vectors and keeps the task-division flag", async () => {
    const { rows } = await client.query<{ searchable: string; flagged_ok: boolean }>(`
      SELECT count(*) FILTER (WHERE "searchVector" @@ websearch_to_tsquery('norwegian', 'kunnskap')) AS searchable,
             bool_and(NOT "flaggedForReview" OR "diagnosisScope" = 'DIAGNOSIS_SPECIFIC') AS flagged_ok
      FROM "Offer" WHERE "summary" LIKE 'Kurset gir kunnskap om %'`);
    expect(Number(rows[0]?.searchable)).toBeGreaterThan(0);
    expect(rows[0]?.flagged_ok).toBe(true);
  });
});
