import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import { createLogger, queueNames } from "@samspill/events";
import { createGateway } from "@samspill/gateway";
import type { Viewer } from "@samspill/gateway/context";
import { graphql } from "@samspill/graphql";
import { type CapturedMessage, type SmtpSink, startSmtpSink } from "@samspill/mail";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { viewerWith } from "../../support/gateway.js";
import { type GraphQLClient, graphQLClient } from "../../support/graphql-client.js";
import { db, useSeededDatabase } from "../../support/seeded.js";
import { courseWithSession, deliverOutbox, lastOutboxSequence } from "../../support/sign-ups.js";
import { startTestWorker, type TestWorker } from "../../support/worker.js";
import { finished } from "../summaries/mail-harness.js";

// Personal fields never reach the logs (issue 14, item 9): the gateway's and the worker's log
// output, at the most talkative level, through sign-up, the waiting list moving, the mails it
// sends, attendance and PAM, holds no name, e-mail address, phone number, needs or pseudonym.

useSeededDatabase();

const lines: string[] = [];
const stream = new Writable({
  write(chunk, _encoding, done) {
    lines.push(String(chunk));
    done();
  },
});
let viewer: Viewer | null = null;
let worker: TestWorker;
let sink: SmtpSink;
const received: CapturedMessage[] = [];

beforeAll(async () => {
  sink = await startSmtpSink({ onMessage: async (m) => void received.push(m) });
  worker = await startTestWorker(db, "log-privacy", {
    relay: false,
    env: { SMTP_URL: sink.url, PUBLIC_URL: "https://samspill.test" },
    log: createLogger("worker", "trace", stream),
  });
});
afterAll(async () => {
  await worker.stop();
  await sink.close();
});

// Made once the seeded database is there.
let gateway: GraphQLClient;
beforeAll(() => {
  const { app } = createGateway({
    db,
    log: createLogger("gateway", "trace", stream),
    production: false,
    webOrigin: "http://127.0.0.1:5173",
    resolveViewer: async () => viewer,
  });
  gateway = graphQLClient(app.fetch, "http://gateway.test/graphql", { "x-samspill-csrf": "1" });
});

const tag = randomBytes(4).toString("hex").replace(/\d/g, "z");
const people = [
  {
    name: `Solveig ${tag}`,
    email: `solveig-${tag}@test.samspill.no`,
    phone: "+47 41234567",
    needs: `Rullestol ${tag}`,
  },
  {
    name: `Torbjørn ${tag}`,
    email: `torbjorn-${tag}@test.samspill.no`,
    phone: "+47 91234568",
    needs: `Hørselsslynge ${tag}`,
  },
];
// A participant code of the accepted shape (capitals and digits, no long runs), unique to this run.
const pseudonym = `K7-${tag.slice(0, 4).toUpperCase().split("").join("1")}`;

const SignUp = graphql(`
  mutation LogSignUp($input: SignUpInput!) {
    signUpForSession(input: $input) {
      __typename
      ... on MutationSignUpForSessionSuccess { data { id status token } }
      ... on ValidationError { issues { field code } }
    }
  }
`);
const Cancel = graphql(`mutation LogCancel($token: String!) {
  cancelSignUp(token: $token) { __typename ... on MutationCancelSignUpSuccess { data { status } } }
}`);
const Answer = graphql(`mutation LogAnswer($token: String!) {
  answerSeatOffer(token: $token, accept: true) { __typename ... on MutationAnswerSeatOfferSuccess { data { status } } }
}`);
const Attendance = graphql(`mutation LogAttendance($input: RecordAttendanceInput!) {
  recordAttendance(input: $input) { __typename ... on MutationRecordAttendanceSuccess { data { signUpId attended } } }
}`);
const Pam = graphql(`mutation LogPam($input: RecordPamResultsInput!) {
  recordPamResults(input: $input) { __typename ... on MutationRecordPamResultsSuccess { data { id } } }
}`);

const deliverEvents = (after: bigint) =>
  deliverOutbox(
    db,
    async (name, data) => {
      const added = await worker.queues[queueNames.events].add(name, data, { attempts: 1 });
      await finished(worker.queues[queueNames.events], added.id as string);
    },
    after,
  );

describe("service logs through the course loop", () => {
  it("hold no name, contact detail, needs or pseudonym", async () => {
    const course = await courseWithSession(db, { title: `Loggkurs ${tag}`, capacity: 1 });
    let sequence = await lastOutboxSequence(db);
    const tokens: string[] = [];
    for (const p of people) {
      const answer = await gateway.query(SignUp, {
        input: {
          sessionId: course.sessionId,
          role: "PATIENT",
          name: p.name,
          email: p.email,
          phone: p.phone,
          needsInterpreter: true,
          interpreterLanguage: "ar",
          otherNeeds: p.needs,
          consent: true,
        },
      });
      expect(answer.errors).toBeUndefined();
      const receipt = answer.data?.signUpForSession;
      expect(receipt).toMatchObject({ __typename: "MutationSignUpForSessionSuccess" });
      if (receipt?.__typename === "MutationSignUpForSessionSuccess") tokens.push(receipt.data.token);
    }
    // A refused sign-up (no consent) goes through the error path with the person's fields in it.
    await gateway.query(SignUp, {
      input: {
        sessionId: course.sessionId,
        role: "PATIENT",
        name: people[0]!.name,
        email: "not-an-address",
        consent: false,
      },
    });
    sequence = await deliverEvents(sequence);

    // The first cancels; the worker offers the seat to the second, who accepts.
    expect((await gateway.query(Cancel, { token: tokens[0]! })).data?.cancelSignUp?.__typename).toBe(
      "MutationCancelSignUpSuccess",
    );
    sequence = await deliverEvents(sequence);
    expect(received.filter((m) => m.to.includes(people[1]!.email)).map((m) => m.subject)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^En plass er ledig for deg/)]),
    );
    const answered = await gateway.query(Answer, { token: tokens[1]! });
    expect(answered.data?.answerSeatOffer).toMatchObject({ data: { status: "CONFIRMED" } });
    sequence = await deliverEvents(sequence);

    // The course has run: attendance and PAM, as the provider.
    const startsAt = new Date(Date.now() - 3 * 3_600_000);
    await db.offerSession.update({
      where: { id: course.sessionId },
      data: { startsAt, endsAt: new Date(startsAt.getTime() + 7_200_000) },
    });
    viewer = viewerWith([{ org: "mun:1506", role: "EDITOR" }]);
    const seated = await db.sessionSignUp.findFirstOrThrow({
      where: { sessionId: course.sessionId, status: "CONFIRMED" },
    });
    const marked = await gateway.query(Attendance, {
      input: { sessionId: course.sessionId, marks: [{ signUpId: seated.id, attended: true }] },
    });
    expect(marked.data?.recordAttendance?.__typename).toBe("MutationRecordAttendanceSuccess");
    const pam = await gateway.query(Pam, {
      input: { sessionId: course.sessionId, results: [{ pseudonym, phase: "START", level: 2, score: 50 }] },
    });
    expect(pam.data?.recordPamResults?.__typename).toBe("MutationRecordPamResultsSuccess");
    await deliverEvents(sequence);
    viewer = null;

    const log = lines.join("");
    // The log saw the work: both services wrote lines about it.
    expect(log).toContain('"service":"gateway"');
    expect(log).toContain('"service":"worker"');
    expect(log).toContain("sign-up mail sent");
    for (const p of people) {
      for (const personal of [p.name, p.email, p.phone, p.phone.replace("+47 ", ""), p.needs])
        expect(log).not.toContain(personal);
      expect(log).not.toContain(p.name.split(" ")[0]);
    }
    expect(log).not.toContain(tag);
    expect(log).not.toContain(pseudonym);
  });
});
