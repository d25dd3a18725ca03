import type { Database } from "@samspill/database";
import { queueNames } from "@samspill/events";
import { halfYearOf } from "@samspill/mail";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { type MailHarness, startMailHarness, subscriber } from "./mail-harness.js";

// The half-yearly poster summary and the annual report, sent by the real jobs.

let db: Database;
let mail: MailHarness;
const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  mail = await startMailHarness(db, "periodic");
});

afterAll(async () => {
  await mail.stop();
  await db.$disconnect();
});

describe("half-yearly summary of offers (2.4.4 c)", () => {
  it("lists the published offers in the subscriber's municipalities, once per half-year", async () => {
    const reader = await subscriber(db, "poster", "HALF_YEARLY_SUMMARY", { municipalityNumbers: ["1506"] });
    const inMolde = await db.offer.findFirstOrThrow({
      where: { status: "PUBLISHED", municipalities: { some: { municipalityNumber: "1506" } } },
      orderBy: { id: "asc" },
    });
    const notInMolde = await db.offer.findFirstOrThrow({
      where: { status: "PUBLISHED", municipalities: { none: { municipalityNumber: "1506" } } },
      orderBy: { id: "asc" },
    });
    await mail.run(queueNames.summaries, "summary.half-yearly");
    await mail.run(queueNames.summaries, "summary.half-yearly");

    const messages = mail.to(reader.email);
    expect(messages).toHaveLength(1);
    const half = halfYearOf(new Date());
    expect(messages[0]!.subject).toBe(
      `Samspill: lærings- og mestringstilbud ${half.half === 1 ? "første" : "andre"} halvår ${half.year}`,
    );
    expect(messages[0]!.text).toContain(inMolde.title);
    expect(messages[0]!.text).not.toContain(notInMolde.title);
  });
});

describe("annual report", () => {
  let trustId: string;
  let reader: { email: string };

  beforeAll(async () => {
    const trust = await db.organisation.create({
      data: { kind: "HOSPITAL_TRUST", name: `Testforetaket ${suffix}` },
    });
    trustId = trust.id;
    const person = await subscriber(db, "annual", "ANNUAL_REPORT");
    await db.membership.create({ data: { personId: person.id, organisationId: trust.id, role: "VIEWER" } });
    reader = person;
    const offer = (title: string, a0099: boolean) =>
      db.offer.create({
        data: {
          providerId: trust.id,
          title,
          summary: "Kurs",
          kind: "GROUP_COURSE",
          diagnosisScope: "DIAGNOSIS_SPECIFIC",
          format: "PHYSICAL",
          languages: ["nb"],
          a0099Eligible: a0099,
          interdisciplinary: a0099,
          userRepPlanning: a0099,
        },
      });
    const small = await offer(`Lite kurs ${suffix}`, true);
    const large = await offer(`Stort kurs ${suffix}`, false);
    await db.offerSession.createMany({
      data: [
        {
          offerId: small.id,
          startsAt: new Date("2025-04-01T08:00:00Z"),
          endsAt: new Date("2025-04-01T14:00:00Z"),
        },
        {
          offerId: small.id,
          startsAt: new Date("2025-05-06T08:00:00Z"),
          endsAt: new Date("2025-05-06T14:00:00Z"),
        },
        // Another year: not in the 2025 report.
        {
          offerId: small.id,
          startsAt: new Date("2026-02-03T08:00:00Z"),
          endsAt: new Date("2026-02-03T14:00:00Z"),
        },
      ],
    });
    const period = { periodStart: new Date("2025-03-01"), periodEnd: new Date("2025-06-30") };
    await db.participationReport.create({
      data: {
        reporterId: trust.id,
        offerId: small.id,
        ...period,
        patients: 3,
        carers: 12,
        userRepsPlanning: 2,
      },
    });
    // Starting in 2024 and running into 2025: it belongs to 2024 on the grid of periods, as in
    // the summaries, or this report minus the 2025 summary would publish it.
    await db.participationReport.create({
      data: {
        reporterId: trust.id,
        offerId: large.id,
        periodStart: new Date("2024-12-01"),
        periodEnd: new Date("2025-01-31"),
        patients: 40,
      },
    });
    await db.pamEvaluation.createMany({
      data: [
        {
          offerId: small.id,
          reporterId: trust.id,
          ...period,
          respondentsBefore: 4,
          respondentsAfter: 3,
          meanScoreBefore: "50.0",
          meanScoreAfter: "55.0",
          levelsBefore: [1, 1, 1, 1],
          levelsAfter: [0, 1, 1, 1],
        },
        {
          offerId: large.id,
          reporterId: trust.id,
          ...period,
          respondentsBefore: 20,
          respondentsAfter: 18,
          meanScoreBefore: "51.5",
          meanScoreAfter: "60.0",
          levelsBefore: [5, 5, 5, 5],
          levelsAfter: [2, 4, 6, 6],
        },
      ],
    });
  });

  it("reports last year's A0099 activity, participation and PAM per hospital trust, once", async () => {
    await mail.run(queueNames.summaries, "summary.annual-report", { at: "2026-01-15T06:00:00Z" });
    await mail.run(queueNames.summaries, "summary.annual-report", { at: "2026-01-15T06:00:00Z" });
    const messages = mail.to(reader.email);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.subject).toBe(`Samspill: årsrapport 2025 for Testforetaket ${suffix}`);
    const claim = await db.sentSummary.findFirstOrThrow({
      where: { kind: "ANNUAL_REPORT", recipient: reader.email },
    });
    expect(claim.periodKey).toBe(`2025:${trustId}`);

    const html = messages[0]!.html!;
    const row = (label: string, ...values: string[]) =>
      new RegExp(`${label}</td>${values.map((v) => `<td[^>]*>${v}</td>`).join("")}`);
    expect(html).toMatch(row("Tilbud med A0099-koding i bruk", "1"));
    expect(html).toMatch(row("Gjennomførte samlinger", "2"));
    // 3 patients is a small count; 12 carers is hidden with it, or 15 − 3 would give it away.
    expect(html).toMatch(row("Pasienter", "færre enn 5"));
    expect(html).toMatch(row("Pårørende", "skjult"));
    expect(html).toMatch(row("Totalt", "15"));
    expect(html).toMatch(row("Planlegging", "færre enn 5", "1 av 1", "0"));
    // PAM: 24 before (4 + 20), weighted mean (4 × 50 + 20 × 51.5) / 24 = 51.25 → 51,3.
    expect(html).toMatch(row("Svar", "24", "21"));
    expect(html).toMatch(/Gjennomsnittlig PAM-skår \(0–100\)<\/td><td[^>]*>51,3<\/td><td[^>]*>59,3<\/td>/);
    // The small course's own PAM figures: counts and scores withheld. The large course's are
    // hidden with them, or 24 − 20 would give the small course's 4 respondents away.
    expect(html).toMatch(row(`Lite kurs ${suffix}`, "færre enn 5", "–", "færre enn 5", "–"));
    expect(html).toMatch(row(`Stort kurs ${suffix}`, "skjult", "–", "skjult", "–"));
    expect(html).toMatch(row("Nivå 1", "6", "færre enn 5"));
  });
});

describe("schedules", () => {
  it("keeps BullMQ job schedulers for every summary and the daily reminders, in Oslo time", async () => {
    const { summaries, reminders } = mail.worker.queues;
    const schedulers = [...(await summaries.getJobSchedulers()), ...(await reminders.getJobSchedulers())];
    const byName = new Map(schedulers.map((s) => [s.name, s]));
    expect(byName.get("summary.weekly-digest")).toMatchObject({ pattern: "0 7 * * 1", tz: "Europe/Oslo" });
    expect(byName.get("summary.half-yearly")).toMatchObject({ pattern: "0 7 1 1,7 *", tz: "Europe/Oslo" });
    expect(byName.get("summary.annual-report")).toMatchObject({ pattern: "0 7 15 1 *", tz: "Europe/Oslo" });
    expect(byName.get("reminders.daily")).toMatchObject({ pattern: "30 6 * * *", tz: "Europe/Oslo" });
    // The next weekly run is a Monday at 07:00 on the Oslo clock.
    const next = new Date(byName.get("summary.weekly-digest")!.next!);
    const oslo = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Oslo",
      weekday: "long",
      hour: "2-digit",
      minute: "2-digit",
    }).format(next);
    expect(oslo).toBe("Monday 07:00");
  });
});
