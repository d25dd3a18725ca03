import { randomUUID } from "node:crypto";
import type { Database } from "@samspill/database";
import type { DiagnosisGroup, PriorityGroup } from "@samspill/domain";
import { diagnosisGroups, priorityGroups } from "@samspill/domain";
import { eventPayloads, type OfferSnapshot } from "@samspill/events";
import type { Queue } from "bullmq";
import { datasetLoader } from "./generate/bulk-load.js";
import { insertRows, type Queryable } from "./generate/insert.js";
import type { Row } from "./generate/model.js";
import { seeded } from "./generate/random.js";

// Time to render and hand the weekly digest to SMTP for every subscriber: `subscribers`
// WEEKLY_DIGEST subscriptions with the filters people choose (a few municipalities, priority or
// diagnosis groups, or nothing), then the worker's real `summary.weekly-digest` job, sending to
// a local SMTP sink that accepts and counts.

export interface DigestResult {
  subscribers: number;
  /** Mails the SMTP sink accepted. */
  mails: number;
  /** Subscribers with nothing to report (no mail, by design). */
  empty: number;
  seconds: number;
  finished: boolean;
}

/** People with a weekly-digest subscription each, written through the bulk load like the data set. */
export async function addDigestSubscribers(
  db: Database,
  count: number,
  municipalityNumbers: readonly string[],
) {
  const r = seeded(4_711);
  const people: Row<"people">[] = [];
  const subscriptions: Row<"subscriptions">[] = [];
  for (let i = 0; i < count; i++) {
    const personId = r.uuid();
    people.push({
      id: personId,
      name: `Abonnent ${i + 1}`,
      email: `abonnent-${i + 1}-${personId.slice(0, 8)}@example.no`,
    });
    const kind = r.weighted([60, 15, 10, 15]);
    const municipalities: string[] = kind === 0 ? r.sample(municipalityNumbers, r.int(1, 3)) : [];
    const groups: PriorityGroup[] = kind === 1 ? r.sample(priorityGroups, r.int(1, 2)) : [];
    const diagnoses: DiagnosisGroup[] = kind === 2 ? r.sample(diagnosisGroups, r.int(1, 2)) : [];
    subscriptions.push({
      id: r.uuid(),
      personId,
      kind: "WEEKLY_DIGEST",
      municipalityNumbers: municipalities,
      priorityGroups: groups,
      diagnosisGroups: diagnoses,
    });
  }
  const loader = datasetLoader(db, "benchmark digest subscribers");
  await loader.load("people", people);
  await loader.load("subscriptions", subscriptions);
}

/**
 * A week of catalogue news for the digests: `count` published offers edited once each at random
 * times in the past week, as `offer.updated` events already relayed (so no worker acts on them
 * now). Without them a digest would tell nothing of offers; the lag test's thousands of edits a
 * minute are a load test, not a week, and run after the digests.
 */
export async function addWeekOfChanges(
  db: Queryable,
  offers: readonly OfferSnapshot[],
  count: number,
): Promise<number> {
  const r = seeded(1_848);
  const now = Date.now();
  const rows = r.sample(offers, Math.min(count, offers.length)).map((offer) => {
    const edited = { ...offer, version: offer.version + 1 };
    const payload = eventPayloads["offer.updated"].parse({ offer: edited, changedFields: ["title"] });
    const at = new Date(now - r.int(60, 7 * 86_400) * 1000);
    return [r.uuid(), "offer.updated", "Offer", offer.id, offer.providerId, JSON.stringify(payload), at, at];
  });
  return insertRows(
    db,
    "OutboxEvent",
    [
      ["id", "uuid"],
      ["type", "text"],
      ["aggregateType", "text"],
      ["aggregateId", "text"],
      ["organisationId", "uuid"],
      ["payload", "jsonb"],
      ["occurredAt", "timestamp(3)"],
      ["sentAt", "timestamp(3)"],
    ],
    rows,
  );
}

export async function measureDigests(options: {
  summaries: Queue;
  subscribers: number;
  mailsAccepted: () => number;
  timeoutMs: number;
}): Promise<DigestResult> {
  const before = options.mailsAccepted();
  const started = performance.now();
  const job = await options.summaries.add(
    "summary.weekly-digest",
    { at: new Date().toISOString() },
    { jobId: `bench-digest-${randomUUID()}`, attempts: 1 },
  );
  const deadline = started + options.timeoutMs;
  let state = await job.getState();
  while (state !== "completed" && state !== "failed" && performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    state = await job.getState();
  }
  const seconds = (performance.now() - started) / 1000;
  const finished = state === "completed";
  if (state === "failed") {
    const failed = await options.summaries.getJob(job.id!);
    throw new Error(`the digest job failed: ${failed?.failedReason?.slice(0, 300)}`);
  }
  const done = finished ? await options.summaries.getJob(job.id!) : null;
  const value = done?.returnvalue as Record<string, { empty?: number }> | undefined;
  return {
    subscribers: options.subscribers,
    mails: options.mailsAccepted() - before,
    empty: value?.["summary.weekly-digest"]?.empty ?? 0,
    seconds,
    finished,
  };
}
