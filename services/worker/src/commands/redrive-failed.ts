import { parseArgs } from "node:util";
import { type QueueName, queueNames, queuePrefix } from "@samspill/events";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { parseWorkerEnv } from "../env.js";
import { redriveFailed } from "../redrive.js";

// `pnpm --filter @samspill/worker redrive-failed [-- --queue events] [--dry-run]`: sends failed
// jobs back to their queues with a fresh retry budget.

const { values } = parseArgs({
  // `pnpm run x -- --flag` passes the "--" through.
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: { queue: { type: "string", multiple: true }, "dry-run": { type: "boolean", default: false } },
});
const all = Object.values(queueNames) as QueueName[];
const chosen = (values.queue ?? all) as string[];
const unknown = chosen.filter((q) => !all.includes(q as QueueName));
if (unknown.length > 0) {
  console.error(`Unknown queue ${unknown.join(", ")}; queues: ${all.join(", ")}`);
  process.exit(2);
}

const env = parseWorkerEnv();
const connection = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 3 });
try {
  for (const name of chosen) {
    const queue = new Queue(name, { connection, prefix: queuePrefix(env.QUEUE_PREFIX) });
    try {
      const r = await redriveFailed(queue, { dryRun: values["dry-run"] });
      console.log(
        values["dry-run"]
          ? `${name}: ${r.failed} failed`
          : `${name}: ${r.redriven} of ${r.failed} failed jobs sent back`,
      );
    } finally {
      await queue.close();
    }
  }
} finally {
  await connection.quit();
}
