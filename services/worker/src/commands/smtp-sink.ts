import { createDatabase } from "@samspill/database";
import { startSmtpSink, storeInDatabase } from "@samspill/mail";
import { z } from "zod";

// The local SMTP sink (@samspill/mail) as its own process, started by `npm start` (infra/local/smtp-sink.mjs)
// when SMTP_URL is not set. Prints "READY smtp://host:port" once it accepts connections.

const env = z
  .object({
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// connection URL"),
    SMTP_SINK_HOST: z.string().default("127.0.0.1"),
    SMTP_SINK_PORT: z.coerce.number().int().min(0).max(65_535).default(0),
  })
  .parse(process.env);

const db = createDatabase({ url: env.DATABASE_URL, maxConnections: 2 });
const sink = await startSmtpSink({
  host: env.SMTP_SINK_HOST,
  port: env.SMTP_SINK_PORT,
  onMessage: storeInDatabase(db),
});
console.log(`READY ${sink.url}`);

async function stop() {
  await sink.close();
  await db.$disconnect();
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
