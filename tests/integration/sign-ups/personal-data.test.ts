import { randomBytes } from "node:crypto";
import {
  answerSeatOffer,
  cancelSignUpByToken,
  decideSignUpRequest,
  deleteSignUpByToken,
  promoteWaitingList,
  signUpForSession,
  systemActor,
  unitOf,
  updateSession,
  updateSignUpByToken,
} from "@samspill/commands";
import { queueNames } from "@samspill/events";
import { graphql } from "@samspill/graphql";
import { signUpRetentionJob } from "@samspill/worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testGateway } from "../../support/gateway.js";
import { db, useSeededDatabase } from "../../support/seeded.js";
import { courseWithSession } from "../../support/sign-ups.js";
import { startTestWorker, type TestWorker } from "../../support/worker.js";

// Personal data kept short (issue 14): a sign-up's name, contact and needs are cleared by the
// nightly job a set time after the course, and at once when the person deletes them through
// their link; and they never travel in events (hence webhooks and the change feed) or audit
// entries, which hold ids, statuses and counts only.

useSeededDatabase();
let worker: TestWorker;
beforeAll(async () => {
  worker = await startTestWorker(db, "sign-up-retention", {
    relay: false,
    jobs: [signUpRetentionJob],
    env: { SIGN_UP_RETENTION_MONTHS: "6" },
  });
});
afterAll(() => worker.stop());

const marker = () => randomBytes(4).toString("hex").replace(/\d/g, "x");
const month = 30 * 86_400_000;
const unit = () => unitOf(db);
const system = systemActor("Test");

/** Moves a session into the past (it ended `monthsAgo` months ago). */
async function endedAgo(sessionId: string, monthsAgo: number) {
  const { version } = await db.offerSession.findUniqueOrThrow({ where: { id: sessionId } });
  const endsAt = new Date(Date.now() - monthsAgo * month);
  await updateSession(unit(), system, {
    id: sessionId,
    version,
    startsAt: new Date(endsAt.getTime() - 7_200_000),
    endsAt,
    signUpDeadline: null,
  });
}

async function runRetention(): Promise<{ anonymised: number }> {
  const queue = worker.queues[queueNames.maintenance];
  const job = await queue.add(signUpRetentionJob.name, {}, { attempts: 1 });
  await expect
    .poll(async () => (await queue.getJob(job.id as string))?.getState(), { timeout: 15_000 })
    .toBe("completed");
  return (await queue.getJob(job.id as string))?.returnvalue["signup.retention"];
}

const MySignUp = graphql(`
  query RetentionMySignUp($token: String!) {
    signUpByToken(token: $token) {
      id
      name
    }
  }
`);

describe("sign-up personal data", () => {
  it("is anonymised by the nightly job after the retention period, and only then", async () => {
    const old = await courseWithSession(db, { title: "Gammelt kurs", capacity: 5 });
    const recent = await courseWithSession(db, { title: "Nytt kurs", capacity: 5 });
    const who = marker();
    const a = await signUpForSession(
      unit(),
      null,
      {
        sessionId: old.sessionId,
        role: "PATIENT",
        name: `Gammel ${who}`,
        email: `gammel-${who}@example.no`,
        consent: true,
      },
      { retentionMonths: 6 },
    );
    const b = await signUpForSession(
      unit(),
      null,
      {
        sessionId: recent.sessionId,
        role: "RELATIVE",
        name: `Ny ${who}`,
        phone: "+47 91234567",
        consent: true,
      },
      { retentionMonths: 6 },
    );
    await endedAgo(old.sessionId, 7);
    await endedAgo(recent.sessionId, 5);

    expect((await runRetention()).anonymised).toBeGreaterThanOrEqual(1);
    const [gone, kept] = await Promise.all([
      db.sessionSignUp.findUniqueOrThrow({ where: { id: a.id } }),
      db.sessionSignUp.findUniqueOrThrow({ where: { id: b.id } }),
    ]);
    expect(gone).toMatchObject({
      name: null,
      email: null,
      phone: null,
      otherNeeds: null,
      status: "CONFIRMED",
      role: "PATIENT",
    });
    expect(gone.anonymisedAt).not.toBeNull();
    expect(await db.signUpLink.count({ where: { signUpId: a.id } })).toBe(0);
    expect(kept).toMatchObject({ name: `Ny ${who}`, phone: "+47 91234567", anonymisedAt: null });
    // The link of the anonymised sign-up opens nothing any more; the other still works.
    const gateway = testGateway(db);
    expect((await gateway.query(MySignUp, { token: a.token })).data?.signUpByToken).toBeNull();
    expect((await gateway.query(MySignUp, { token: b.token })).data?.signUpByToken?.name).toBe(`Ny ${who}`);
    // A second run finds nothing more of these.
    await runRetention();
    expect((await db.sessionSignUp.findUniqueOrThrow({ where: { id: b.id } })).name).toBe(`Ny ${who}`);
  });

  it("is deleted at once through the private link, freeing the seat", async () => {
    const { sessionId } = await courseWithSession(db, { title: "Slettekurs", capacity: 1 });
    const who = marker();
    const s = await signUpForSession(
      unit(),
      null,
      { sessionId, role: "PATIENT", name: `Slett ${who}`, email: `slett-${who}@example.no`, consent: true },
      { retentionMonths: 6 },
    );
    await deleteSignUpByToken(unit(), null, { token: s.token });
    expect(await db.sessionSignUp.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({
      name: null,
      email: null,
      status: "CANCELLED",
    });
    expect((await db.offerSession.findUniqueOrThrow({ where: { id: sessionId } })).seatsTaken).toBe(0);
    expect((await testGateway(db).query(MySignUp, { token: s.token })).data?.signUpByToken).toBeNull();
  });

  it("never appears in events or audit entries, whatever happens to the sign-up", async () => {
    const fromSequence = (await db.outboxEvent.aggregate({ _max: { sequence: true } }))._max.sequence ?? 0n;
    const fromAudit = (await db.auditEntry.aggregate({ _max: { id: true } }))._max.id;
    const plain = await courseWithSession(db, { title: "Personvernkurs", capacity: 1 });
    const referral = await courseWithSession(db, {
      title: "Henvisning personvern",
      capacity: 1,
      requiresReferral: true,
    });
    const who = marker();
    const person = (sessionId: string, n: number) => ({
      sessionId,
      role: "PATIENT",
      name: `Hemmelig ${who} ${n}`,
      email: `hemmelig-${who}-${n}@example.no`,
      phone: "+47 98765432",
      needsInterpreter: true,
      interpreterLanguage: "ar",
      otherNeeds: `Behov ${who}`,
      consent: true,
    });
    const first = await signUpForSession(unit(), null, person(plain.sessionId, 1), { retentionMonths: 6 });
    const second = await signUpForSession(unit(), null, person(plain.sessionId, 2), { retentionMonths: 6 });
    await updateSignUpByToken(unit(), null, {
      token: second.token,
      name: `Endret ${who}`,
      email: `endret-${who}@example.no`,
    });
    await cancelSignUpByToken(unit(), null, { token: first.token });
    await promoteWaitingList(unit(), plain.sessionId, { offerHours: 48 });
    await answerSeatOffer(unit(), null, { token: second.token, accept: true });
    const request = await signUpForSession(unit(), null, person(referral.sessionId, 3), {
      retentionMonths: 6,
    });
    await decideSignUpRequest(unit(), system, { id: request.id, accept: true });
    await deleteSignUpByToken(unit(), null, { token: request.token });

    const events = await db.outboxEvent.findMany({ where: { sequence: { gt: fromSequence } } });
    const audit = await db.auditEntry.findMany({ where: fromAudit ? { id: { gt: fromAudit } } : {} });
    expect(events.filter((e) => e.type.startsWith("signup.")).length).toBeGreaterThanOrEqual(6);
    const text = JSON.stringify([events.map((e) => e.payload), audit.map((a) => a.changes)]);
    for (const secret of [who, "98765432", "example.no", "Hemmelig", "Endret", "Behov"])
      expect(text).not.toContain(secret);
  });
});
