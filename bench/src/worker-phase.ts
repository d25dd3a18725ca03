import { offerSnapshotSelect, queueNames, toOfferSnapshot } from "@samspill/events";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import pg from "pg";
import { addDigestSubscribers, addWeekOfChanges, measureDigests } from "./digests.js";
import type { Hub, Run } from "./hub.js";
import { throughputViaOutbox, throughputViaQueue } from "./jobs.js";
import { measureLag } from "./lag.js";
import { cpuSeconds, processTree, sampleRss } from "./processes.js";
import { eventsPerSecond, settings } from "./settings.js";

// The worker phase: weekly digests on a quiet worker, the event-to-overview lag under a steady
// stream of offer edits, then job throughput through the outbox and straight onto the queue.

export async function workerPhase(run: Run, hub: Hub): Promise<void> {
  const { results, say, timed, cleanups } = run;
  const { client, db, worker } = hub;
  const prefix = hub.queuePrefix;
  const publisher = new Redis(hub.redisUrl, { maxRetriesPerRequest: null });
  const subscriber = new Redis(hub.redisUrl, { maxRetriesPerRequest: null });
  cleanups.push(async () => {
    publisher.disconnect();
    subscriber.disconnect();
  });
  const workerRss = sampleRss({ worker: worker.pid });
  const events = new Queue(queueNames.events, { connection: publisher, prefix });
  const summaries = new Queue(queueNames.summaries, { connection: publisher, prefix });
  cleanups.push(() => Promise.all([events.close(), summaries.close()]));
  const workerCpu = () => processTree(worker.pid).reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  let cpuAt = workerCpu();
  const workerCpuMs = (count: number) => {
    const now = workerCpu();
    const ms = (1000 * (now - cpuAt)) / Math.max(1, count);
    cpuAt = now;
    return ms;
  };
  // Digests first, on a quiet worker and a week's worth of changes (see addWeekOfChanges).
  const published = (
    await db.offer.findMany({ where: { status: "PUBLISHED" }, select: offerSnapshotSelect })
  ).map(toOfferSnapshot);
  const weekly = await addWeekOfChanges(client, published, Math.round(settings.scale.offers * 0.05));
  say(`a week of changes: ${weekly} offers edited`);
  say(`weekly digests for ${settings.digests} subscribers …`);
  await addDigestSubscribers(db, settings.digests, hub.dataset.municipalityNumbers);
  workerCpuMs(1);
  results.digests = await timed("digests", () =>
    measureDigests({
      summaries,
      subscribers: settings.digests,
      mailsAccepted: hub.mailsAccepted,
      // Waited for to the end (within reason): a digest run still going would take the
      // worker's CPU from the lag test that follows.
      timeoutMs: 600_000,
    }),
  );
  results.workerCpuMs.perDigest = workerCpuMs(results.digests.mails);
  say(
    `digests: ${results.digests.mails} mails in ${results.digests.seconds.toFixed(1)} s${results.digests.finished ? "" : " (not finished)"}`,
  );
  say(`event-to-overview lag: ${eventsPerSecond} events/s for ${settings.lagSeconds} s …`);
  const writer = new pg.Pool({ connectionString: hub.database.url, max: 16 });
  cleanups.push(() => writer.end());
  workerCpuMs(1);
  results.lag = await timed("lag", () =>
    measureLag({
      db,
      writer,
      subscriber,
      publisher,
      prefix,
      eventsPerSecond,
      seconds: settings.lagSeconds,
    }),
  );
  // Per event the worker got through (it may not have finished them all).
  results.workerCpuMs.perEvent = workerCpuMs(results.lag.received);
  say(
    `lag p50 ${results.lag.p50.toFixed(0)} ms, p99 ${results.lag.p99.toFixed(0)} ms (${results.lag.received}/${results.lag.published} seen, ${results.lag.rate.toFixed(0)} events/s written, ${results.workerCpuMs.perEvent?.toFixed(2)} worker CPU ms/event)`,
  );

  // Whatever the lag test left queued is worked off first, so it does not count as throughput.
  const drainUntil = performance.now() + 90_000;
  let backlog = 0;
  while (performance.now() < drainUntil) {
    const c = await events.getJobCounts("waiting", "active", "delayed", "prioritized");
    backlog = Object.values(c).reduce((a, b) => a + b, 0);
    if (backlog === 0) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  if (backlog > 0) {
    const note = `${backlog} events of the lag test were still queued when the throughput test began: the worker was still working them off, so the throughput figures below are lower than the worker can do.`;
    results.notes.push(note);
    say(note);
  }
  const organisationIds = (await client.query<{ id: string }>(`SELECT "id" FROM "Organisation"`)).rows.map(
    (o) => o.id,
  );
  const throughput = {
    db: client,
    events,
    publisher,
    prefix,
    organisationIds,
    jobs: settings.jobs,
    timeoutMs: 90_000,
  };
  say(`job throughput: ${settings.jobs} events through outbox, relay and workers …`);
  workerCpuMs(1);
  const outbox = await timed("jobsOutbox", () => throughputViaOutbox(throughput));
  results.workerCpuMs.perJobViaOutbox = workerCpuMs(outbox.jobs);
  say(
    `outbox → worker: ${outbox.jobsPerSecond.toFixed(0)} jobs/s (${outbox.jobs} jobs, ${outbox.failed} failed)`,
  );
  say(`job throughput: ${settings.jobs} jobs straight onto the events queue …`);
  const queue = await timed("jobsQueue", () => throughputViaQueue(throughput));
  results.workerCpuMs.perJobViaQueue = workerCpuMs(queue.jobs);
  say(
    `queue → worker: ${queue.jobsPerSecond.toFixed(0)} jobs/s (${queue.jobs} jobs, ${queue.failed} failed)`,
  );
  results.jobs = { outbox, queue };

  results.rss.workerLoad = workerRss.stop().worker ?? 0;
}
