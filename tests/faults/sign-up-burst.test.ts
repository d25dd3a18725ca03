import { queueNames, queuePrefix, toEventJob } from "@samspill/events";
import { graphql } from "@samspill/graphql";
import { type CapturedMessage, startSmtpSink } from "@samspill/mail";
import { Queue } from "bullmq";
import { print } from "graphql";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../infra/local/ports.mjs";
import { startGatewayProcess, startWorkerProcess } from "../support/processes.js";
import { courseWithSession } from "../support/sign-ups.js";
import { type Stack, startStack } from "./support/stack.js";

// No overbooking, ever: 500 people sign up at once for a 12-seat course through a real gateway
// over HTTP, while the worker (relay and mail jobs) is SIGKILLed half-way and started again.
// Exactly 12 get a seat, the other 488 wait in the order they arrived, no sign-up is lost or
// doubled. Then a seat frees: the first in line, and only they, are offered it by mail, even
// when the event that freed it is delivered twice.

const SignUp = graphql(`
  mutation BurstSignUp($input: SignUpInput!) {
    signUpForSession(input: $input) {
      __typename
      ... on MutationSignUpForSessionSuccess {
        data {
          id
          status
          token
        }
      }
    }
  }
`);
const Cancel = graphql(`
  mutation BurstCancel($token: String!) {
    cancelSignUp(token: $token) {
      __typename
    }
  }
`);

type Receipt = { id: string; status: string; token: string };

let stack: Stack;
const mails: CapturedMessage[] = [];
let sink: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  stack = await startStack("sign-up-burst");
  sink = await startSmtpSink({ onMessage: async (m) => void mails.push(m) });
});
afterAll(async () => {
  await stack?.teardown();
  await sink?.close();
});

async function post(port: number, query: string, variables: Record<string, unknown>) {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(400_000),
  });
  return { status: response.status, body: (await response.json()) as { data?: Record<string, unknown> } };
}

describe("500 concurrent sign-ups at a 12-seat session", () => {
  it("seats exactly 12, queues the rest in arrival order, and offers a freed seat once", async () => {
    const workerEnv = () =>
      stack.env({
        RELAY_IDLE_MS: "20",
        WORKER_LOCK_DURATION_MS: "1000",
        SMTP_URL: sink.url,
        PUBLIC_URL: "https://samspill.test",
      });
    const log = (what: string) => console.log(`[faults] sign-up burst: ${what}`);
    const { sessionId } = await courseWithSession(stack.db, {
      title: "Populært mestringskurs",
      capacity: 12,
    });
    const first = stack.track(await startWorkerProcess(workerEnv()));
    log("worker started");
    const port = await freePort();
    stack.track(
      await startGatewayProcess(
        stack.env({ GATEWAY_PORT: String(port), DB_POOL_SIZE: "8", RATE_LIMIT_POINTS: "100000" }),
      ),
    );
    log("gateway started");
    const signUp = print(SignUp);
    const input = (n: number) => ({
      sessionId,
      role: n % 4 === 0 ? "RELATIVE" : "PATIENT",
      name: `Deltaker ${n}`,
      email: `deltaker${n}@example.no`,
      consent: true,
    });

    let answered = 0;
    let killedAt = -1;
    const burst = Array.from({ length: 500 }, (_, n) =>
      post(port, signUp, { input: input(n) }).then(async (r) => {
        answered += 1;
        // Kill the worker while the burst's events are being relayed and mailed, once; a new one
        // starts after the burst and must take over what the dead one held.
        if (answered === 150 && killedAt < 0) {
          killedAt = answered;
          await first.kill("SIGKILL");
        }
        return r;
      }),
    );
    const started = Date.now();
    const progress = setInterval(
      () => console.log(`[faults] sign-up burst: ${answered} answered after ${Date.now() - started} ms`),
      5_000,
    );
    const results = await Promise.all(burst).finally(() => clearInterval(progress));
    expect(killedAt).toBe(150);
    expect(results.filter((r) => r.status !== 200)).toEqual([]);
    const failed = results.filter(
      (r) => !(r.body.data?.signUpForSession as { data?: Receipt } | undefined)?.data,
    );
    expect(failed.slice(0, 3).map((r) => JSON.stringify(r.body))).toEqual([]);
    const receipts = results.map(
      (r) => (r.body.data?.signUpForSession as { data?: Receipt } | undefined)?.data as Receipt,
    );

    const rows = await stack.db.sessionSignUp.findMany({
      where: { sessionId },
      orderBy: { sequence: "asc" },
    });
    const session = await stack.db.offerSession.findUniqueOrThrow({ where: { id: sessionId } });
    const confirmed = rows.filter((r) => r.status === "CONFIRMED");
    const waiting = rows.filter((r) => r.status === "WAITING");
    console.log(
      `[faults] sign-up burst: ${rows.length} stored of 500 sent, ${confirmed.length} confirmed, ${waiting.length} waiting, worker killed after ${killedAt} answers`,
    );
    // Nothing lost or doubled: one row per request, each receipt's row, arrival numbers 1..500.
    expect(rows.length).toBe(500);
    expect(new Set(receipts.map((r) => r?.id))).toEqual(new Set(rows.map((r) => r.id)));
    expect(rows.map((r) => r.sequence)).toEqual(rows.map((_, i) => i + 1));
    // Exactly the first 12 arrivals seated; the rest wait in arrival order.
    expect(confirmed.map((r) => r.sequence)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(waiting.map((r) => r.sequence)).toEqual(Array.from({ length: 488 }, (_, i) => i + 13));
    expect(session.seatsTaken).toBe(12);
    const byId = new Map(rows.map((r) => [r.id, r.status]));
    expect(receipts.every((r) => r && byId.get(r.id) === r.status)).toBe(true);

    log("burst checked");
    const second = stack.track(await startWorkerProcess(workerEnv()));
    // A seat frees: the first in line is offered it by mail.
    const leaving = receipts.find((r) => r?.status === "CONFIRMED") as Receipt;
    const cancelled = await post(port, print(Cancel), { token: leaving.token });
    expect(cancelled.status).toBe(200);
    const firstInLine = waiting[0];
    await expect
      .poll(
        () =>
          stack.db.sessionSignUp.findMany({ where: { sessionId, status: "OFFERED" }, select: { id: true } }),
        {
          timeout: 60_000,
          interval: 100,
        },
      )
      .toEqual([{ id: firstInLine?.id }]);

    // The same event delivered twice (a relay re-sending after a crash, under a new job id).
    const freed = await stack.db.outboxEvent.findFirstOrThrow({
      where: { type: "signup.changed", aggregateId: leaving.id },
    });
    const redis = new Redis(stack.redis.url, { maxRetriesPerRequest: null });
    const events = new Queue(queueNames.events, {
      connection: redis,
      prefix: queuePrefix(stack.queuePrefix),
    });
    const job = toEventJob(freed);
    await events.add(job.name, job.data, { ...job.opts, jobId: `${freed.id}-again` });
    await expect
      .poll(async () => (await events.getJob(`${freed.id}-again`))?.finishedOn, { timeout: 30_000 })
      .toBeTruthy();
    await events.close();
    redis.disconnect();
    expect(await stack.db.sessionSignUp.count({ where: { sessionId, status: "OFFERED" } })).toBe(1);
    expect((await stack.db.offerSession.findUniqueOrThrow({ where: { id: sessionId } })).seatsTaken).toBe(12);

    const offerMails = () =>
      mails.filter((m) => m.to.includes(firstInLine?.email ?? "") && /ledig/.test(m.subject));
    await expect.poll(() => offerMails().length, { timeout: 30_000 }).toBe(1);
    // Each waiting person was told at most once, whatever the kill interrupted.
    const receiptsByAddress = new Map<string, number>();
    for (const m of mails.filter((m) => /venteliste/.test(m.subject)))
      for (const to of m.to) receiptsByAddress.set(to, (receiptsByAddress.get(to) ?? 0) + 1);
    expect([...receiptsByAddress.values()].filter((n) => n > 1)).toEqual([]);
    expect(second.running()).toBe(true);
  }, 600_000);
});
