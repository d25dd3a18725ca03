import { randomBytes } from "node:crypto";
import { signUpForSession, unitOf } from "@samspill/commands";
import { queueNames } from "@samspill/events";
import { graphql } from "@samspill/graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testGateway, viewerWith } from "../../support/gateway.js";
import { db, useSeededDatabase } from "../../support/seeded.js";
import { courseWithSession, deliverOutbox, lastOutboxSequence, person } from "../../support/sign-ups.js";
import { type MailHarness, startMailHarness } from "../summaries/mail-harness.js";

// Demo mode captures outgoing mail in the database (no real mail server). Mails to course
// participants hold a name and a private link to the sign-up: the admins' mail view leaves them
// out, and the sign-up retention job deletes captured ones after the retention period.

useSeededDatabase();
let mail: MailHarness;
beforeAll(async () => {
  mail = await startMailHarness(db, "sign-up-captured-mail");
});
afterAll(() => mail.stop());

const tag = randomBytes(4).toString("hex").replace(/\d/g, "m");
const title = `Fanget post ${tag}`;
const who = (sessionId: string, n: number) => ({
  ...person(sessionId, n),
  name: `Deltaker ${tag} ${n}`,
  email: `captured-${n}-${tag}@test.samspill.no`,
});
const rhf = () => testGateway(db, viewerWith([{ org: "rhf:hmn", role: "ADMIN" }]));

const SentMails = graphql(
  `query CapturedForAdmins { sentMails(first: 100) { edges { node { id subject to text } } } }`,
);
const SentMail = graphql(`query CapturedOne($id: ID!) { sentMail(id: $id) { id subject text } }`);

let sessionId: string;
const participantMails = () =>
  db.capturedMail.findMany({ where: { subject: { contains: title } }, select: { id: true, to: true } });

describe("captured mail to course participants", () => {
  it("is left out of the admins' mail view", async () => {
    ({ sessionId } = await courseWithSession(db, { title, capacity: 1 }));
    const before = await lastOutboxSequence(db);
    for (const n of [1, 2])
      await signUpForSession(unitOf(db), null, who(sessionId, n), { retentionMonths: 6 });
    await deliverOutbox(db, (name, data) => mail.run(queueNames.events, name, data), before);
    // The seat's confirmation and the waiting-list mail were sent and captured.
    expect(mail.to(who(sessionId, 1).email)).toHaveLength(1);
    expect(mail.to(who(sessionId, 2).email)).toHaveLength(1);
    const captured = await participantMails();
    expect(captured).toHaveLength(2);
    // An ordinary mail to a member stays readable.
    const other = await db.capturedMail.create({
      data: {
        from: "ikke-svar@samspill.localhost",
        to: ["kari.nordmann@molde.kommune.no"],
        subject: `Ukesoversikt ${tag}`,
        text: "Hei!",
        headers: [],
        size: 10,
      },
    });

    const list = await rhf().query(SentMails, {});
    expect(list.errors).toBeUndefined();
    const seen = JSON.stringify(list.data);
    expect(seen).toContain(`Ukesoversikt ${tag}`);
    expect(seen).not.toContain(tag.concat(" 1"));
    expect(seen).not.toContain(title);
    for (const { id } of captured) expect((await rhf().query(SentMail, { id })).data?.sentMail).toBeNull();
    expect((await rhf().query(SentMail, { id: other.id })).data?.sentMail?.subject).toBe(
      `Ukesoversikt ${tag}`,
    );
  });

  it("is deleted by the sign-up retention job once older than the retention period", async () => {
    const [old, recent] = await participantMails();
    await db.capturedMail.update({
      where: { id: old!.id },
      data: { receivedAt: new Date(Date.now() - 7 * 30 * 86_400_000) },
    });
    const kept = await db.capturedMail.create({
      data: {
        from: "ikke-svar@samspill.localhost",
        to: ["kari.nordmann@molde.kommune.no"],
        subject: `Gammel oversikt ${tag}`,
        text: "Hei!",
        headers: [],
        size: 10,
        receivedAt: new Date(Date.now() - 400 * 86_400_000),
      },
    });
    const result = (await mail.run(queueNames.maintenance, "signup.retention")) as Record<string, unknown>;
    expect(result["signup.retention"]).toMatchObject({ capturedMailsDeleted: expect.any(Number) });
    const left = (await participantMails()).map((m) => m.id);
    expect(left).toEqual([recent!.id]);
    // Other captured mail is not the sign-up job's to delete.
    expect(await db.capturedMail.count({ where: { id: kept.id } })).toBe(1);
  });
});
