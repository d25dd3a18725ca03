import { randomBytes } from "node:crypto";
import { cancelSignUpByToken, signUpForSession, unitOf } from "@samspill/commands";
import { queueNames } from "@samspill/events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, useSeededDatabase } from "../../support/seeded.js";
import { courseWithSession, deliverOutbox, lastOutboxSequence, person } from "../../support/sign-ups.js";
import { type MailHarness, startMailHarness } from "../summaries/mail-harness.js";

// An offered seat nobody accepts (issue 14, item 2): the worker's scheduled expiry job lapses
// the offer, and the events it writes move the seat to the next in line, who gets the offer
// mail; the person who let it lapse is told so. Run on a real worker (BullMQ, SMTP).

useSeededDatabase();
let mail: MailHarness;
beforeAll(async () => {
  mail = await startMailHarness(db, "sign-up-offer-expiry");
});
afterAll(() => mail.stop());

const deliverEvents = (after: bigint) =>
  deliverOutbox(db, (name, data) => mail.run(queueNames.events, name, data), after);

const tag = randomBytes(4).toString("hex").replace(/\d/g, "e");
const who = (sessionId: string, n: number) => ({
  ...person(sessionId, n),
  email: `expiry-${n}-${tag}@test.samspill.no`,
});

describe("seat offer expiry", () => {
  it("passes a lapsed offer to the next in line, who gets the offer mail", async () => {
    const course = await courseWithSession(db, { title: `Utløpskurs ${tag}`, capacity: 1 });
    let sequence = await lastOutboxSequence(db);
    const unit = unitOf(db);
    // person 1 (nn) takes the seat; 2 (en) and 4 (nn) wait in that order.
    const signUps: Awaited<ReturnType<typeof signUpForSession>>[] = [];
    for (const n of [1, 2, 4])
      signUps.push(await signUpForSession(unit, null, who(course.sessionId, n), { retentionMonths: 6 }));
    expect(signUps.map((s) => s.status)).toEqual(["CONFIRMED", "WAITING", "WAITING"]);
    await cancelSignUpByToken(unit, null, { token: signUps[0]!.token });
    sequence = await deliverEvents(sequence);
    const offeredTo = (n: number) =>
      mail
        .to(who(course.sessionId, n).email)
        .filter((m) => /^(A seat is free for you|Ein plass er ledig for deg)/.test(m.subject));
    expect(offeredTo(2)).toHaveLength(1);
    expect(offeredTo(4)).toHaveLength(0);

    // The offer's deadline passes; the worker's scheduled job lapses it.
    await db.sessionSignUp.update({
      where: { id: signUps[1]!.id },
      data: { offeredUntil: new Date(Date.now() - 60_000) },
    });
    const result = (await mail.run(queueNames.maintenance, "signup.offer_expiry")) as Record<
      string,
      { expired: number }
    >;
    expect(result["signup.offer_expiry"]?.expired).toBeGreaterThanOrEqual(1);
    await deliverEvents(sequence);

    const statuses = await db.sessionSignUp.findMany({
      where: { sessionId: course.sessionId },
      orderBy: { sequence: "asc" },
      select: { status: true },
    });
    expect(statuses.map((s) => s.status)).toEqual(["CANCELLED", "EXPIRED", "OFFERED"]);
    const next = offeredTo(4);
    expect(next).toHaveLength(1);
    expect(next[0]!.to).toEqual([who(course.sessionId, 4).email]);
    expect(next[0]!.subject).toBe(`Ein plass er ledig for deg: Utløpskurs ${tag}`);
    const lapsed = mail.to(who(course.sessionId, 2).email).map((m) => m.subject);
    expect(lapsed).toContain(`The deadline for your seat has passed: Utløpskurs ${tag}`);
  });
});
