import { createDatabase, describeAuditChain, verifyAuditChain } from "@samspill/database";
import { parseWorkerEnv } from "../env.js";

// `pnpm --filter @samspill/worker verify-audit`: walks the audit trail's hash chain from the first
// entry in chain (commit) order and names the first one that was edited, removed, moved, had its
// hash moved or was taken out of the chain. Exits 1 when the chain is broken, so a scheduled job
// or a monitoring check can alert on it.

const env = parseWorkerEnv();
const db = createDatabase({ url: env.DATABASE_URL, schema: env.DATABASE_SCHEMA, maxConnections: 1 });
try {
  const report = await verifyAuditChain((sql, params) => db.$queryRawUnsafe(sql, ...params), {
    schema: env.DATABASE_SCHEMA,
  });
  const line = describeAuditChain(report);
  if (report.ok) console.log(line);
  else console.error(line);
  process.exitCode = report.ok ? 0 : 1;
} finally {
  await db.$disconnect();
}
