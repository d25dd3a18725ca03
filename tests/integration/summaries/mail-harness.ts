import type { Database } from "@samspill/database";
import type { QueueName } from "@samspill/events";
import { graphql } from "@samspill/graphql";
import { type CapturedMessage, type SmtpSink, startSmtpSink, storeInDatabase } from "@samspill/mail";
import type { Queue } from "bullmq";
import { expect } from "vitest";
import { successData } from "../../support/answers.js";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";
import { startTestWorker, type TestWorker } from "../../support/worker.js";

// A real worker (BullMQ on the run's Redis) sending through nodemailer to an in-test SMTP
// server (the hub's own sink), which keeps every message in memory and in the database.

export interface MailHarness {
  worker: TestWorker;
  sink: SmtpSink;
  received: CapturedMessage[];
  /** Messages whose envelope went to `email`. */
  to(email: string): CapturedMessage[];
  /** Adds a job and waits until it completed; throws with BullMQ's reason if it failed. */
  run(queue: QueueName, name: string, data?: Record<string, unknown>): Promise<unknown>;
  stop(): Promise<void>;
}

export async function startMailHarness(db: Database, name: string): Promise<MailHarness> {
  const received: CapturedMessage[] = [];
  const store = storeInDatabase(db);
  const sink = await startSmtpSink({
    onMessage: async (m) => {
      received.push(m);
      await store(m);
    },
  });
  const worker = await startTestWorker(db, name, {
    relay: false,
    env: { SMTP_URL: sink.url, PUBLIC_URL: "https://samspill.test" },
  });
  return {
    worker,
    sink,
    received,
    to: (email) => received.filter((m) => m.to.includes(email)),
    async run(queue, jobName, data = {}) {
      const job = await worker.queues[queue].add(jobName, data, { attempts: 1 });
      return finished(worker.queues[queue], job.id as string);
    },
    async stop() {
      await worker.stop();
      await sink.close();
    },
  };
}

/**
 * Waits for a job to finish and answers its return value. The state is read before the job:
 * BullMQ stores the return value and the completed state in one step, so a job read after it
 * was seen completed has its value, whereas one read first, while still active, has none yet
 * (null) and would pass for completed if it finished before its state was read.
 */
export async function finished(queue: Queue, jobId: string, timeoutMs = 30_000): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const state = await queue.getJobState(jobId);
    if (state === "completed" || state === "failed") {
      const job = await queue.getJob(jobId);
      if (!job) throw new Error(`job ${jobId} was ${state}, then removed before it was read`);
      if (state === "failed") throw new Error(`job ${job.name} failed: ${job.failedReason}`);
      return job.returnvalue;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`job ${jobId} did not finish within ${timeoutMs} ms`);
}

/** A person with a subscription of `kind`, under an address no other test uses. */
export async function subscriber(
  db: Database,
  label: string,
  kind: "WEEKLY_DIGEST" | "HALF_YEARLY_SUMMARY" | "ANNUAL_REPORT",
  filter: { municipalityNumbers?: string[] } = {},
) {
  const email = `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@test.samspill.no`;
  const person = await db.person.create({ data: { name: `Test ${label}`, email } });
  await db.subscription.create({
    data: { personId: person.id, kind, municipalityNumbers: filter.municipalityNumbers ?? [] },
  });
  return { ...person, email };
}

const createOffer = graphql(`mutation($input: CreateOfferInput!) {
  createOffer(input: $input) { __typename ... on MutationCreateOfferSuccess { data { id version } } ... on Error { message } }
}`);
const publish = graphql(`mutation($id: ID!, $version: Int!) {
  changeOfferStatus(id: $id, version: $version, status: PUBLISHED) {
    __typename ... on MutationChangeOfferStatusSuccess { data { id status } } ... on Error { message }
  }
}`);

/** Creates and publishes an offer through the gateway, as an editor of the municipality: news for its digests. */
export async function publishOffer(db: Database, municipality: string, title: string): Promise<string> {
  const gateway = testGateway(db, viewerWith([{ org: `mun:${municipality}`, role: "EDITOR" }]));
  const created = await gateway.query(createOffer, {
    input: {
      providerId: orgId(`mun:${municipality}`),
      title,
      summary: "Kurs for deg som vil mestre hverdagen bedre.",
      kind: "GROUP_COURSE",
      diagnosisScope: "DIAGNOSIS_INDEPENDENT",
      format: "PHYSICAL",
      location: "Helsehuset",
      languages: ["nb"],
      audiences: ["PATIENTS"],
      municipalityNumbers: [municipality],
      contactEmail: "kurs@kommune.test",
    },
  });
  const offer = successData(created.data?.createOffer);
  const published = await gateway.query(publish, {
    id: offer!.id,
    version: offer!.version,
  });
  expect(published.data?.changeOfferStatus.__typename, JSON.stringify(published)).toBe(
    "MutationChangeOfferStatusSuccess",
  );
  return offer!.id;
}
