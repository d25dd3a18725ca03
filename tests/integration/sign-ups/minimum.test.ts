import { checkMinimumParticipants, signUpForSession, unitOf } from "@samspill/commands";
import { queueNames, toEventJob } from "@samspill/events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, useSeededDatabase } from "../../support/seeded.js";
import { courseWithSession, person } from "../../support/sign-ups.js";
import { type MailHarness, startMailHarness } from "../summaries/mail-harness.js";

// Minimum participants: a set time before the start the hub decides once whether a session with
// a minimum goes ahead. The provider is told either way; when it is cancelled, everyone signed up
// or waiting gets a mail of their own, in their language, and a second run decides nothing again.

useSeededDatabase();
let mail: MailHarness;
beforeAll(async () => {
  mail = await startMailHarness(db, "sign-up-minimum");
});
afterAll(() => mail.stop());

/** Runs the event jobs for the outbox rows of `sessionId` written after `after`. */
async function deliverEvents(after: bigint) {
  const rows = await db.outboxEvent.findMany({
    where: { sequence: { gt: after } },
    orderBy: { sequence: "asc" },
  });
  for (const row of rows) {
    const job = toEventJob(row);
    await mail.run(queueNames.events, job.name, job.data);
  }
  return rows;
}

describe("minimum participants", () => {
  it("cancels a session with too few, telling the provider and every person once", async () => {
    const soon = new Date(Date.now() + 48 * 3_600_000);
    const thin = await courseWithSession(db, {
      title: "Tynt kurs",
      capacity: 1,
      minimumParticipants: 3,
      startsAt: soon,
    });
    const full = await courseWithSession(db, {
      title: "Fullt kurs",
      capacity: 5,
      minimumParticipants: 1,
      startsAt: soon,
    });
    const later = await courseWithSession(db, { title: "Senere kurs", capacity: 5, minimumParticipants: 3 });
    const unit = unitOf(db);
    await signUpForSession(unit, null, person(thin.sessionId, 1), { retentionMonths: 6 });
    await signUpForSession(unit, null, person(thin.sessionId, 2), { retentionMonths: 6 });
    await signUpForSession(unit, null, person(full.sessionId, 3), { retentionMonths: 6 });
    const before = (await db.outboxEvent.aggregate({ _max: { sequence: true } }))._max.sequence ?? 0n;

    const decided = await checkMinimumParticipants(unit, new Date(), 72);
    const ours = decided.filter((d) =>
      [thin.sessionId, full.sessionId, later.sessionId].includes(d.sessionId),
    );
    expect(ours.sort((a, b) => Number(a.goesAhead) - Number(b.goesAhead))).toEqual([
      { sessionId: thin.sessionId, goesAhead: false, participants: 1 },
      { sessionId: full.sessionId, goesAhead: true, participants: 1 },
    ]);
    expect((await db.offerSession.findUniqueOrThrow({ where: { id: thin.sessionId } })).cancelled).toBe(true);
    expect((await db.offerSession.findUniqueOrThrow({ where: { id: full.sessionId } })).cancelled).toBe(
      false,
    );
    // Decided once: a second run leaves them be.
    const again = await checkMinimumParticipants(unit, new Date(), 72);
    expect(again.map((d) => d.sessionId)).not.toContain(thin.sessionId);

    const events = await deliverEvents(before);
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(["session.minimum_checked", "session.cancelled"]),
    );
    // Delivered twice (a redelivered event): still one mail each.
    await deliverEvents(before);
    const cancelledMails = (to: string) => mail.to(to).filter((m) => /avlyst|cancelled/i.test(m.subject));
    // Person 1 (nn) had the seat, person 2 (en) was waiting: each gets one mail in their language.
    expect(cancelledMails("deltaker1@example.no").map((m) => m.subject)).toEqual([
      "Kurset er avlyst: Tynt kurs",
    ]);
    expect(cancelledMails("deltaker2@example.no").map((m) => m.subject)).toEqual([
      "The course is cancelled: Tynt kurs",
    ]);
    expect(cancelledMails("deltaker3@example.no")).toEqual([]);
    const provider = mail.to("kurs@molde.example").map((m) => m.subject);
    expect(provider.filter((s) => s.includes("Tynt kurs"))).toEqual([
      "Kurset er avlyst (for få påmeldte): Tynt kurs",
    ]);
    expect(provider.filter((s) => s.includes("Fullt kurs"))).toEqual(["Kurset blir gjennomført: Fullt kurs"]);
  });
});
