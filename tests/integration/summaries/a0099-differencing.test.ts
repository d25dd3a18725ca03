import { randomUUID } from "node:crypto";
import type { Database } from "@samspill/database";
import { graphql } from "@samspill/graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attendees, heldRun } from "../../support/attendance.js";
import { testDatabase } from "../../support/db.js";
import { testGateway } from "../../support/gateway.js";

// Issue 12, item 2: A0099 and the participation summary publish the same people (a run's
// attendance becomes the offer's participation report). Suppressed in patterns of their own,
// they could be subtracted: a trust holds runs X (3 patients) and Y (9) in one month, the
// participation summary hides both offers but shows their total 12, and if A0099's row for Y
// showed 9, 12 − 9 would give X's 3 away.

const YEAR = 2022;
let db: Database;
const trustId = randomUUID();

/** An A0099 offer of the trust with one held run in March: its attendance, and the report of it. */
async function offerWithRun(title: string, group: "DIABETES" | "COPD", patients: number) {
  const offer = await db.offer.create({
    data: {
      providerId: trustId,
      title,
      summary: "Kurs for differansetesten",
      kind: "GROUP_COURSE",
      diagnosisScope: "DIAGNOSIS_SPECIFIC",
      diagnosisGroups: [group],
      format: "PHYSICAL",
      languages: ["nb"],
      audiences: ["PATIENTS"],
      a0099Eligible: true,
      interdisciplinary: true,
      status: "PUBLISHED",
      publishedAt: new Date(Date.UTC(YEAR - 1, 0, 1)),
    },
  });
  await heldRun(db, offer.id, new Date(Date.UTC(YEAR, 2, 8, 9)), attendees(patients));
  // What confirming the attendance files (packages/commands/src/attendance/file-report.ts).
  await db.participationReport.create({
    data: {
      reporterId: trustId,
      offerId: offer.id,
      periodStart: new Date(Date.UTC(YEAR, 2, 8)),
      periodEnd: new Date(Date.UTC(YEAR, 2, 8)),
      patients,
    },
  });
}

beforeAll(async () => {
  db = testDatabase();
  await db.organisation.create({
    data: { id: trustId, kind: "HOSPITAL_TRUST", name: `Differanse HF ${randomUUID().slice(0, 8)}` },
  });
  await offerWithRun("Kurs X", "DIABETES", 3);
  await offerWithRun("Kurs Y", "COPD", 9);
});
afterAll(() => db.$disconnect());

const summary = graphql(`query A0099DiffSummary($provider: ID!, $period: String!) {
  participationSummary(providerId: $provider, period: $period) {
    participants { patients total }
    offers { offer { id } participants { patients total } }
  }
}`);
const a0099 = graphql(`query A0099DiffActivity($trust: ID!, $period: String!) {
  a0099Activity(hospitalTrustId: $trust, period: $period) {
    rows { diagnosisGroup patients participants }
    total { patients participants }
  }
}`);

describe("A0099 beside the participation summary", () => {
  it.each([`${YEAR}-03`, `${YEAR}-Q1`, String(YEAR)])(
    "in %s, give no way to X's 3 patients by subtraction",
    async (period) => {
      const gateway = testGateway(db);
      const s = (await gateway.query(summary, { provider: trustId, period })).data!.participationSummary;
      const a = (await gateway.query(a0099, { trust: trustId, period })).data!.a0099Activity;
      const shown = (v: number | null | undefined) => v !== null && v !== undefined;
      // The summary hides both offers' figures and shows their sum, as the example says.
      expect(s.offers.map((o) => o.participants.patients)).toEqual([null, null]);
      expect(s.participants.patients).toBe(12);
      const row = (group: string) => a.rows.find((r) => r.diagnosisGroup === group)!;
      const x = row("DIABETES");
      const y = row("COPD");
      // Not X itself, and not Y beside a total of both (12 − 9), in A0099 or the summary.
      expect([x.patients, x.participants].filter(shown)).toEqual([]);
      expect([y.patients, y.participants].filter(shown)).toEqual([]);
      // A0099's total of both is the summary's published total (or hidden), never another figure.
      expect([12, null]).toContain(a.total.patients);
    },
  );
});
