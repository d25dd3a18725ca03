import { createServer } from "node:http";
import { serve } from "@hono/node-server";
import { createDatabase } from "@samspill/database";
import { createGateway } from "@samspill/gateway";
import { pino } from "pino";

// The gateway's app and schema without sign-in, rate limit or request log, mounted two ways, so
// the cost of the mount itself can be told apart from the middleware's:
//   MOUNT=hono   the hono app on @hono/node-server (how services/gateway/src/main.ts serves it)
//   MOUNT=yoga   graphql-yoga as the node:http request listener (its own whatwg-node adapter)

const port = Number(process.env.PORT);
const db = createDatabase({
  url: process.env.DATABASE_URL!,
  maxConnections: Number(process.env.DB_POOL_SIZE ?? 10),
});
const { app, yoga } = createGateway({
  db,
  log: pino({ level: "warn" }),
  production: true,
  webOrigin: "http://127.0.0.1:5173",
});
const server =
  process.env.MOUNT === "yoga"
    ? createServer(yoga).listen(port, "127.0.0.1")
    : serve({ fetch: app.fetch, hostname: "127.0.0.1", port });
process.on("SIGTERM", () => server.close(() => void db.$disconnect().then(() => process.exit(0))));
