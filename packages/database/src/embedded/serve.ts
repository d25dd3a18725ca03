import { mkdirSync } from "node:fs";
import { startPgliteServer } from "./pglite-server.js";

// Child process of the start script: serves PGlite over the Postgres protocol until signalled.
// Its own process so a slow query in the gateway never stalls the database's event loop.
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i] ?? "", process.argv[i + 1] ?? "");

const dataDir = args.get("--data");
if (dataDir) mkdirSync(dataDir, { recursive: true });
const server = await startPgliteServer({
  dataDir: dataDir || undefined,
  port: Number(args.get("--port") ?? 0),
});
process.stdout.write(`READY ${server.url}\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.stop();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
