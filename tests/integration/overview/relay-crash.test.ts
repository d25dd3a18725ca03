import type { Database } from "@samspill/database";
import { claimUnsent, enqueueEvents, OutboxRelay, queueNames } from "@samspill/events";
import { rebuildOverview } from "@samspill/read-model";
import { seedDemoData } from "@samspill/seed";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";
import { overviewCounter, publishOffer } from "../../support/overview.js";
import { startTestWorker, type TestWorker } from "../../support/worker.js";

// A relay that dies after handing events to Redis but before marking them sent: the next relay
// sends them again, BullMQ keeps the first job of each id, and the overview counts the offer once.

let db: Database;
let worker: TestWorker;
const provider = orgId("mun:1515");

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  await rebuildOverview(db);
  // Job handlers only: the relays in this file are driven by hand.
  worker = await startTestWorker(db, "overview-crash", { relay: false });
});
afterAll(async () => {
  await worker.stop();
  await db.$disconnect();
});

const totalFor = (municipalityNumber: string) =>
  overviewCounter(db, { municipalityNumber, dimension: "TOTAL", value: "ALL", providerId: provider });

describe("relay crash", () => {
  it("re-sends, deduplicates by job id, and counts the offer once", async () => {
    const before = await totalFor("1515");
    const editor = testGateway(db, viewerWith([{ org: "mun:1515", role: "EDITOR" }]));
    const offerId = await publishOffer((d, v) => editor.query(d, v), {
      providerId: provider,
      title: "Søvnskole for voksne",
      summary: "Fire kvelder om bedre søvn",
      format: "DIGITAL",
      onlineUrl: "https://herøy.kommune.no/sovn",
      municipalityNumbers: ["1515"],
    });

    const queue = worker.queues[queueNames.events];
    await expect(
      db.$transaction(async (tx) => {
        await enqueueEvents(queue, await claimUnsent(tx, 1000));
        throw new Error("relay killed before marking the batch sent");
      }),
    ).rejects.toThrow("relay killed");
    const ours = await db.outboxEvent.findMany({
      where: { aggregateId: offerId },
      orderBy: { sequence: "asc" },
    });
    expect(ours.map((e) => e.type)).toEqual(["offer.created", "offer.status_changed"]);
    expect(ours.every((e) => e.sentAt === null)).toBe(true);

    // The worker runs the jobs the dead relay left; a new relay then sends the same events again.
    await expect
      .poll(async () => (await queue.getJob(ours[1]!.id))?.finishedOn, { timeout: 10_000 })
      .toBeTruthy();
    const firstRun = await queue.getJob(ours[1]!.id);
    const relay = new OutboxRelay({ db, queue, log: pino({ level: "silent" }) });
    while ((await relay.relayOnce()).claimed > 0);

    const after = await db.outboxEvent.findMany({ where: { aggregateId: offerId } });
    expect(after.every((e) => e.sentAt !== null)).toBe(true);
    const again = await queue.getJob(ours[1]!.id);
    expect(again?.timestamp).toBe(firstRun?.timestamp);
    expect(again?.finishedOn).toBe(firstRun?.finishedOn);
    expect(again?.attemptsMade).toBe(firstRun?.attemptsMade);
    expect(await totalFor("1515")).toBe(before + 1);
    expect((await db.overviewOffer.findUniqueOrThrow({ where: { offerId } })).version).toBe(2);
  });
});
