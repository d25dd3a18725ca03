import { randomUUID } from "node:crypto";
import type { Database } from "@samspill/database";
import { graphql } from "@samspill/graphql";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { testGateway } from "../../support/gateway.js";

// The A0099 indicator (issue 14, item 8): held course runs of hospital trusts' A0099-eligible,
// interdisciplinary offers, per trust, unit, primary diagnosis group and grid period; the CSV,
// the JSON and the GraphQL query publish the same figures, people suppressed (read from the
// offers' participation reports, as the participation summary publishes them).

let db: Database;
let trust: string;
beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  trust = (
    await db.organisation.create({ data: { kind: "HOSPITAL_TRUST", name: `A0099 HF ${randomUUID()}` } })
  ).id;
});
afterAll(() => db.$disconnect());

const get = (path: string) => testGateway(db).app.fetch(new Request(`http://gateway.test${path}`));

// A0099-eligible offers are interdisciplinary by a CHECK in the database.
async function offer(name: string, a0099: boolean, unitId: string | null) {
  return (
    await db.offer.create({
      data: {
        providerId: trust,
        unitId,
        title: name,
        summary: "Kurs",
        kind: "GROUP_COURSE",
        diagnosisScope: "DIAGNOSIS_SPECIFIC",
        diagnosisGroups: ["DIABETES", "HEART_DISEASE"],
        format: "PHYSICAL",
        audiences: ["PATIENTS", "CARERS"],
        a0099Eligible: a0099,
        interdisciplinary: a0099,
        status: "PUBLISHED",
        publishedAt: new Date(),
      },
    })
  ).id;
}

async function run(
  offerId: string,
  startsAt: string,
  attended: ("PATIENT" | "RELATIVE")[],
  cancelled = false,
) {
  const s = await db.offerSession.create({
    data: {
      offerId,
      startsAt: new Date(startsAt),
      endsAt: new Date(Date.parse(startsAt) + 7_200_000),
      cancelled,
    },
  });
  // Attendance as the provider's list records it; one more who did not come.
  const people = [
    ...attended.map((role) => ({ role, attended: true })),
    { role: "PATIENT" as const, attended: false },
  ];
  await db.sessionSignUp.createMany({
    data: people.map((p, i) => ({
      sessionId: s.id,
      status: "CONFIRMED" as const,
      sequence: i + 1,
      role: p.role,
      name: "Test",
      email: `p${i}@example.org`,
      consentedAt: new Date(),
      retentionMonths: 6,
      attended: p.attended,
    })),
  });
  // Confirming a held run's attendance files it as the offer's participation report, which is
  // where A0099 reads people from (packages/commands/src/attendance/file-report.ts).
  if (!cancelled && Date.parse(startsAt) < Date.now())
    await db.participationReport.create({
      data: {
        reporterId: trust,
        offerId,
        periodStart: new Date(startsAt.slice(0, 10)),
        periodEnd: new Date(startsAt.slice(0, 10)),
        patients: attended.filter((r) => r === "PATIENT").length,
        carers: attended.filter((r) => r === "RELATIVE").length,
      },
    });
  return s.id;
}

const query = graphql(`query A0099Test($period: String!, $hospitalTrustId: ID) {
  a0099Activity(period: $period, hospitalTrustId: $hospitalTrustId) {
    period
    rows { hospitalTrust { id } unitName diagnosisGroup activities patients relatives participants }
    total { activities patients relatives participants }
  }
}`);

describe("A0099 activity", () => {
  it("counts held runs of eligible, interdisciplinary hospital offers per unit and primary diagnosis group", async () => {
    const unit = (
      await db.unit.create({ data: { organisationId: trust, kind: "CLINIC", name: "Medisinsk klinikk" } })
    ).id;
    const counted = await offer("Diabeteskurs", true, unit);
    const noUnit = await offer("Hjertekurs", true, null);
    const notEligible = await offer("Kafé", false, unit);
    await run(counted, "2025-02-03T09:00:00Z", [
      "PATIENT",
      "PATIENT",
      "PATIENT",
      "PATIENT",
      "PATIENT",
      "PATIENT",
      "RELATIVE",
    ]);
    await run(counted, "2025-03-03T09:00:00Z", [
      "PATIENT",
      "PATIENT",
      "PATIENT",
      "PATIENT",
      "PATIENT",
      "RELATIVE",
      "RELATIVE",
      "RELATIVE",
      "RELATIVE",
      "RELATIVE",
    ]);
    await run(counted, "2025-03-10T09:00:00Z", ["PATIENT"], true);
    await run(noUnit, "2025-05-05T09:00:00Z", ["PATIENT", "PATIENT"]);
    await run(notEligible, "2025-02-03T09:00:00Z", ["PATIENT"]);
    await run(counted, new Date(Date.now() + 30 * 86_400_000).toISOString(), []);

    const { data, errors } = await testGateway(db).query(query, { period: "2025", hospitalTrustId: trust });
    expect(errors).toBeUndefined();
    const a = data!.a0099Activity;
    expect(a.rows.map((r) => [r.unitName, r.diagnosisGroup, r.activities])).toEqual([
      [null, "DIABETES", 1],
      ["Medisinsk klinikk", "DIABETES", 2],
    ]);
    // The clinic's first quarter (its February and March runs): 11 patients and 6 relatives,
    // nothing small, all shown. People are the trust's published participation figures, so its
    // months are hidden: February holds a single relative, and March beside the quarter would
    // give it away.
    const q1 = (await testGateway(db).query(query, { period: "2025-Q1", hospitalTrustId: trust })).data!
      .a0099Activity;
    expect(q1.rows).toEqual([
      expect.objectContaining({
        unitName: "Medisinsk klinikk",
        activities: 2,
        patients: 11,
        relatives: 6,
        participants: 17,
      }),
    ]);
    // The February run's single relative is hidden, and so is what would give it away.
    const feb = (await testGateway(db).query(query, { period: "2025-02", hospitalTrustId: trust })).data!
      .a0099Activity;
    expect(feb.rows[0]!.relatives).toBeNull();
    expect([feb.rows[0]!.patients, feb.rows[0]!.participants]).toContain(null);
    const all = [...a.rows, a.total].flatMap((r) => [r.patients, r.relatives, r.participants]);
    expect(all.filter((v) => v !== null && v > 0 && v < 5)).toEqual([]);
    expect(a.total.activities).toBe(3);
  });

  it("exports the same figures as JSON with the indicator's definition, and as CSV", async () => {
    const json = await get(`/export/a0099.json?period=2025&hospitalTrust=${trust}`);
    expect(json.status).toBe(200);
    const body = (await json.json()) as {
      indicator: string;
      definition: { nb: string; source: string };
      rows: { activities: number; patients: number | null }[];
      total: { activities: number };
    };
    expect(body.indicator).toBe("A0099");
    expect(body.definition.nb).toMatch(/tverrfaglige/);
    expect(body.definition.source).toMatch(/2\.1\.3/);
    const gql = (await testGateway(db).query(query, { period: "2025", hospitalTrustId: trust })).data!
      .a0099Activity;
    expect(body.rows.map((r) => [r.activities, r.patients])).toEqual(
      gql.rows.map((r) => [r.activities, r.patients]),
    );

    const csv = await get(`/export/a0099.csv?period=2025&hospitalTrust=${trust}`);
    expect(csv.headers.get("content-disposition")).toContain("samspill-a0099-2025.csv");
    const lines = (await csv.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toMatch(
      /^Indikator;Periode;Helseforetak;Organisasjonsnummer;Enhet;Diagnosegruppe;Aktiviteter/,
    );
    expect(lines).toHaveLength(1 + gql.rows.length + 1);
    expect(lines.at(-1)).toMatch(/^A0099;2025;Totalt;;;;3;/);
    expect(lines[2]).toContain(";Medisinsk klinikk;Diabetes;2;");
  });

  it("answers bad parameters with 400 naming them", async () => {
    for (const [path, field] of [
      ["/export/a0099.csv?period=2025-13", "period"],
      ["/export/a0099.json", "period"],
      ["/export/a0099.json?period=2025&hospitalTrust=x", "hospitalTrust"],
      ["/export/a0099.json?period=2025&foo=1", ""],
    ] as const) {
      const response = await get(path);
      expect([path, response.status]).toEqual([path, 400]);
      const issues = ((await response.json()) as { issues: { field: string }[] }).issues;
      expect(issues.map((i) => i.field)).toContain(field);
    }
  });
});
