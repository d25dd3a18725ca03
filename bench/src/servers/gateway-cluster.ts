import cluster from "node:cluster";
import { availableParallelism } from "node:os";

// The hub's gateway (services/gateway/src/main.ts, unchanged) as one process per core behind
// node:cluster, which shares the listening port: what several replicas on one machine give.

if (cluster.isPrimary) {
  const processes = Number(process.env.GATEWAY_PROCESSES ?? availableParallelism());
  for (let i = 0; i < processes; i++) cluster.fork();
  let stopping = false;
  process.on("SIGTERM", () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
  });
  cluster.on("exit", () => {
    if (!stopping) process.exit(1);
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
  });
} else {
  await import("../../../services/gateway/src/main.js");
}
