import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
// By path: the bench package is a tool, not a dependency of the test suites.
import { generateDataset, scales } from "../../../bench/src/generate/index.js";

// The benchmark's data generator at a tiny scale, so it cannot rot between benchmark runs: it
// writes through the migrated schema (constraints, triggers) and every table gets its rows.

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

beforeAll(async () => {
  client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
});
afterAll(() => client.end());

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
    await generateDataset(client, scale, { tag: `smoke-a-${tag}` });
    const before = await countRows();
    const dataset = await generateDataset(client, scale, { tag: `smoke-b-${tag}` });
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
