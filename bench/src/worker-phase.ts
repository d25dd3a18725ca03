import { offerSnapshotSelect, queueNames, toOfferSnapshot } from "@samspill/events";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import pg from "pg";
import { addDigestSubscribers, addWeekOfChanges, measureDigests } from "./digests.js";
import type { Hub, Run } from "./hub.js";
import { throughputViaOutbox, throughputViaQueue } from "./jobs.js";
import { measureLag } from "./lag.js";
import { describeStages } from "./lag-stages.js";
import { cpuSeconds, processTree, rssMb, sampleRss } from "./processes.js";
import { eventsPerSecond, lagWithoutDigests, settings } from "./settings.js";

// The worker phase: the event-to-overview lag under a steady stream of offer edits WHILE the
// weekly digests run (the situation that matters: a digest run must not delay the overview), then
// job throughput through the outbox and straight onto the queue. The hub runs a live and a bulk
// worker process, as production does; each one's CPU and RSS is measured apart.

export async function workerPhase(run: Run, hub: Hub): Promise<void> {
  const { results, say, timed, cleanups } = run;
  const { client, db, worker, workerBulk } = hub;
  const prefix = hub.queuePrefix;
  const publisher = new Redis(hub.redisUrl, { maxRetriesPerRequest: null });
  const subscriber = new Redis(hub.redisUrl, { maxRetriesPerRequest: null });
  cleanups.push(async () => {
    publisher.disconnect();
    subscriber.disconnect();
  });
  results.rss.workerBulkRest = rssMb(workerBulk.pid) ?? 0;
  const workerRss = sampleRss({ live: worker.pid, bulk: workerBulk.pid });
  const events = new Queue(queueNames.events, { connection: publisher, prefix });
  const summaries = new Queue(queueNames.summaries, { connection: publisher, prefix });
  cleanups.push(() => Promise.all([events.close(), summaries.close()]));
  const cpuOf = (pid: number) => () => processTree(pid).reduce((sum, p) => sum + cpuSeconds(p), 0);
  /** CPU ms per item of one process since the last call. */
  const cpuMeter = (cpu: () => number) => {
    let at = cpu();
    return (count: number) => {
      const now = cpu();
      const ms = (1000 * (now - at)) / Math.max(1, count);
      at = now;
      return ms;
    };
  };
  const workerCpuMs = cpuMeter(cpuOf(worker.pid));
  const bulkCpuMs = cpuMeter(cpuOf(workerBulk.pid));
  // A week of changes (see addWeekOfChanges) for the digests to tell of.
  const published = (
    await db.offer.findMany({ where: { status: "PUBLISHED" }, select: offerSnapshotSelect })
  ).map(toOfferSnapshot);
  const weekly = await addWeekOfChanges(client, published, Math.round(settings.scale.offers * 0.05));
  say(`a week of changes: ${weekly} offers edited`);
  await addDigestSubscribers(db, settings.digests, hub.dataset.municipalityNumbers);
  const writer = new pg.Pool({ connectionString: hub.database.url, max: 16 });
  cleanups.push(() => writer.end());

  say(`weekly digests for ${settings.digests} subscribers, and meanwhile the event-to-overview lag …`);
  workerCpuMs(1);
  bulkCpuMs(1);
  const mailsBefore = hub.mailsAccepted();
  let digestsRunning = !lagWithoutDigests;
  // --lag-without-digests: the lag alone, to tell what the digests add to it.
  const digestRun = lagWithoutDigests
    ? Promise.resolve(null)
    : timed("digests", () =>
        measureDigests({
          summaries,
          subscribers: settings.digests,
          mailsAccepted: hub.mailsAccepted,
          timeoutMs: 600_000,
        }),
      ).finally(() => {
        digestsRunning = false;
      });
  digestRun.catch(() => undefined);
  // The lag test begins once the digests are sending (or after 30 s whatever they do), so the two
  // overlap on purpose: the figure is the lag a digest run leaves the overview.
  const sendingBy = performance.now() + 30_000;
  while (digestsRunning && hub.mailsAccepted() === mailsBefore && performance.now() < sendingBy)
    await new Promise((r) => setTimeout(r, 50));
  say(
    `event-to-overview lag: ${eventsPerSecond} events/s for ${settings.lagSeconds} s${lagWithoutDigests ? ", no digests" : ", digests running"} …`,
  );
  const lagStarted = performance.now();
  const mailsAtLag = hub.mailsAccepted();
  const lagRun = timed("lag", () =>
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
  // How long the digests ran beside the lag test's writes (its drain excluded).
  let overlapMs = 0;
  const writesEnd = lagStarted + settings.lagSeconds * 1000;
  void digestRun.finally(() => {
    overlapMs = Math.min(performance.now(), writesEnd) - lagStarted;
  });
  results.lag = await lagRun;
  const mailsDuringLag = hub.mailsAccepted() - mailsAtLag;
  if (digestsRunning) overlapMs = settings.lagSeconds * 1000;
  // Per event the live worker got through (it may not have finished them all).
  results.workerCpuMs.perEvent = workerCpuMs(results.lag.received);
  const overlap = Math.max(0, Math.min(1, overlapMs / (settings.lagSeconds * 1000)));
  say(
    `lag p50 ${results.lag.p50.toFixed(0)} ms, p99 ${results.lag.p99.toFixed(0)} ms (${results.lag.received}/${results.lag.published} seen, ${results.lag.unchanged} of them changing nothing, ${results.lag.rate.toFixed(0)} events/s written, ${results.workerCpuMs.perEvent?.toFixed(2)} live-worker CPU ms/event); digests running for ${(overlap * 100).toFixed(0)} % of it, ${mailsDuringLag} digest mails sent meanwhile`,
  );
  if (results.lag.stages) say(describeStages(results.lag.stages));
  results.notes.push(
    lagWithoutDigests
      ? "The lag was measured with no digest run beside it (--lag-without-digests)."
      : `The lag was measured while the weekly digests ran: they overlapped ${(overlap * 100).toFixed(0)} % of the ${settings.lagSeconds} s of writes, and ${mailsDuringLag} digest mails went out meanwhile. The digest time is with the lag test's writes beside it.`,
  );
  const digests = await digestRun;
  if (digests) {
    results.digests = digests;
    results.workerCpuMs.perDigest = bulkCpuMs(digests.mails);
    say(
      `digests: ${digests.mails} mails in ${digests.seconds.toFixed(1)} s${digests.finished ? "" : " (not finished)"}`,
    );
  }

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

  const peaks = workerRss.stop();
  results.rss.workerLiveLoad = peaks.live ?? 0;
  results.rss.workerBulkLoad = peaks.bulk ?? 0;
  // The report's one worker row: the larger of the two processes, each of which has the budget.
  results.rss.workerLoad = Math.max(peaks.live ?? 0, peaks.bulk ?? 0);
  say(
    `worker RSS peak: live ${results.rss.workerLiveLoad.toFixed(0)} MB, bulk ${results.rss.workerBulkLoad.toFixed(0)} MB (bulk at rest ${results.rss.workerBulkRest?.toFixed(0)} MB)`,
  );
}
