import { randomBytes } from "node:crypto";
import { signUpForSession, unitOf } from "@samspill/commands";
import { queueNames } from "@samspill/events";
import { graphql } from "@samspill/graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";
import { db, useSeededDatabase } from "../../support/seeded.js";
import {
  courseWithSession,
  deliverOutbox,
  lastOutboxSequence,
  signUpProvider,
} from "../../support/sign-ups.js";
import { type MailHarness, startMailHarness } from "../summaries/mail-harness.js";

// Referral courses (issue 14, item 1): sign-ups arrive as requests; the provider's intake page
// lists them with their needs, to the provider alone; the provider declines or accepts, and an
// accepted request joins the waiting list when the course is full. Each person is mailed in
// their own language about their own request only.

useSeededDatabase();
let mail: MailHarness;
beforeAll(async () => {
  mail = await startMailHarness(db, "sign-up-referral");
});
afterAll(() => mail.stop());

const tag = randomBytes(4).toString("hex").replace(/\d/g, "q");
const people = [
  { name: `Astrid ${tag}`, locale: "nb", needs: "Trenger å sitte nær døra" },
  { name: `Brynjulv ${tag}`, locale: "nn", needs: "Treng pause kvar time" },
  { name: `Charlie ${tag}`, locale: "en", needs: "Needs a quiet room" },
].map((p) => ({ ...p, email: `${p.locale}-${tag}@test.samspill.no` }));

const Intake = graphql(`
  query ReferralIntake($providerId: ID!) {
    signUpRequests(providerId: $providerId) {
      id
      status
      name
      email
      needsInterpreter
      interpreterLanguage
      accessibilityNeeds
      otherNeeds
    }
  }
`);

const Decide = graphql(`
  mutation ReferralDecide($id: ID!, $accept: Boolean!) {
    decideSignUpRequest(id: $id, accept: $accept) {
      __typename
      ... on MutationDecideSignUpRequestSuccess { data { id status } }
    }
  }
`);

const editor = viewerWith([{ org: "mun:1506", role: "EDITOR" }]);
const stranger = viewerWith([{ org: "mun:1505", role: "ADMIN" }]);

const deliverEvents = (after: bigint) =>
  deliverOutbox(db, (name, data) => mail.run(queueNames.events, name, data), after);
const lastSequence = () => lastOutboxSequence(db);

const ids: string[] = [];
let sessionId: string;

/** The mail `p` got whose subject starts with `subject`, checked to hold nobody else's data. */
function onlyMailTo(p: (typeof people)[number], subject: string) {
  const found = mail.to(p.email).filter((m) => m.subject.startsWith(subject));
  expect(found).toHaveLength(1);
  const message = found[0]!;
  expect(message.to).toEqual([p.email]);
  expect(message.text).toContain(p.name);
  for (const other of people.filter((o) => o !== p)) {
    const all = `${message.subject}\n${message.text}\n${message.html ?? ""}`;
    for (const field of [other.name, other.email, other.needs]) expect(all).not.toContain(field);
  }
  // Needs are for the provider; the person's own mail does not repeat them either.
  expect(message.text).not.toContain(p.needs);
  return message;
}

describe("referral requests", () => {
  it("takes requests, mails each person a receipt in their language, and shows needs to the provider only", async () => {
    const course = await courseWithSession(db, {
      title: `Henvist ${tag}`,
      capacity: 1,
      requiresReferral: true,
    });
    sessionId = course.sessionId;
    const before = await lastSequence();
    for (const [i, p] of people.entries()) {
      const { id, status } = await signUpForSession(
        unitOf(db),
        null,
        {
          sessionId,
          role: "PATIENT",
          name: p.name,
          email: p.email,
          locale: p.locale,
          needsInterpreter: i === 0,
          interpreterLanguage: i === 0 ? "ar" : null,
          accessibilityNeeds: i === 1 ? ["HEARING_LOOP"] : [],
          otherNeeds: p.needs,
          consent: true,
        },
        { retentionMonths: 6 },
      );
      expect(status).toBe("REQUESTED");
      ids.push(id);
    }
    await deliverEvents(before);
    expect(onlyMailTo(people[0]!, "Forespørselen din er mottatt").subject).toContain(`Henvist ${tag}`);
    onlyMailTo(people[1]!, "Førespurnaden din er motteken");
    onlyMailTo(people[2]!, "Your request has been received");

    const intake = await testGateway(db, editor).query(Intake, { providerId: signUpProvider });
    expect(intake.errors).toBeUndefined();
    const ours = intake.data!.signUpRequests.filter((r) => ids.includes(r.id));
    expect(ours.map((r) => r.name)).toEqual(people.map((p) => p.name));
    expect(ours[0]).toMatchObject({
      needsInterpreter: true,
      interpreterLanguage: "ar",
      otherNeeds: people[0]!.needs,
    });
    expect(ours[1]!.accessibilityNeeds).toEqual(["HEARING_LOOP"]);

    // Another organisation's admin, and an anonymous caller, get none of them.
    const other = await testGateway(db, stranger).query(Intake, { providerId: signUpProvider });
    expect(other.data?.signUpRequests ?? []).toEqual([]);
    const own = await testGateway(db, stranger).query(Intake, { providerId: orgId("mun:1505") });
    expect((own.data?.signUpRequests ?? []).filter((r) => ids.includes(r.id))).toEqual([]);
    const anonymous = await testGateway(db, null).query(Intake, { providerId: signUpProvider });
    expect(anonymous.data?.signUpRequests ?? []).toEqual([]);
  });

  it("declines a request and tells that person alone", async () => {
    const before = await lastSequence();
    const declined = await testGateway(db, editor).query(Decide, { id: ids[0]!, accept: false });
    expect(declined.data?.decideSignUpRequest).toMatchObject({ data: { status: "DECLINED" } });
    await deliverEvents(before);
    onlyMailTo(people[0]!, "Svar på forespørselen");
    for (const p of people.slice(1)) expect(mail.to(p.email)).toHaveLength(1);
  });

  it("accepts into the free seat, then onto the waiting list when full, in arrival order", async () => {
    const before = await lastSequence();
    const seated = await testGateway(db, editor).query(Decide, { id: ids[1]!, accept: true });
    expect(seated.data?.decideSignUpRequest).toMatchObject({ data: { status: "CONFIRMED" } });
    const waiting = await testGateway(db, editor).query(Decide, { id: ids[2]!, accept: true });
    expect(waiting.data?.decideSignUpRequest).toMatchObject({ data: { status: "WAITING" } });
    const session = await db.offerSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(session.seatsTaken).toBe(1);
    await deliverEvents(before);
    const line = onlyMailTo(people[2]!, "You are on the waiting list");
    expect(line.text).toContain("number 1 on the waiting list");
    // A decided request is not decided twice, and leaves the intake list.
    const again = await testGateway(db, editor).query(Decide, { id: ids[2]!, accept: true });
    expect(again.data?.decideSignUpRequest?.__typename).toBe("ValidationError");
    const intake = await testGateway(db, editor).query(Intake, { providerId: signUpProvider });
    expect(intake.data!.signUpRequests.filter((r) => ids.includes(r.id))).toEqual([]);
  });
});
