import { spawn } from "node:child_process";
import { join } from "node:path";
import { type AuditChainReport, createDatabase, type Database, verifyAuditChain } from "@samspill/database";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { repoRoot } from "../../setup/provision.js";
import { testDatabase } from "../../support/db.js";

// The audit trail is hash-chained by the database. Each tampering below is done as a superuser
// with the append-only trigger disabled, inside a transaction that is rolled back (so later tests
// and files see the chain intact), and the verification runs in that same transaction.

let db: Database;
let client: pg.Client;
let ids: string[];

const entry = (n: number) => ({
  actorKind: "SYSTEM" as const,
  action: `chain-test-${n}`,
  entityType: "ChainTest",
  entityId: String(n),
  changes: { n, note: "æøå" },
});

const insertEntry = `INSERT INTO "AuditEntry" ("actorKind", "action", "entityType", "entityId", "changes")
  VALUES ('SYSTEM', $1, 'ChainTest', 'sql', '{}') RETURNING "id"::text AS "id"`;

function verify(on: pg.Client): Promise<AuditChainReport> {
  return verifyAuditChain(async (sql, params) => (await on.query(sql, params)).rows, { batchSize: 3 });
}

/** Runs `tamper` with the append-only trigger off, verifies, and rolls everything back. */
async function verifyAfter(tamper: (c: pg.Client) => Promise<unknown>): Promise<AuditChainReport> {
  await client.query("BEGIN");
  try {
    await client.query(`ALTER TABLE "AuditEntry" DISABLE TRIGGER "AuditEntry_append_only"`);
    await tamper(client);
    return await verify(client);
  } finally {
    await client.query("ROLLBACK");
  }
}

beforeAll(async () => {
  db = testDatabase();
  client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  for (let n = 0; n < 6; n++) await db.auditEntry.create({ data: entry(n) });
  const rows = await db.auditEntry.findMany({ where: { entityType: "ChainTest" }, orderBy: { id: "asc" } });
  ids = rows.map((r) => r.id.toString());
});
afterAll(async () => {
  await client.end();
  await db.$disconnect();
});

describe("audit hash chain", () => {
  it("links every new entry to the one before it, and a clean chain verifies", async () => {
    const rows = await db.auditEntry.findMany({ orderBy: { chainPosition: "asc" } });
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const [i, row] of rows.entries()) {
      expect(row.chainPosition).toBe(BigInt(i + 1));
      expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.previousHash).toBe(i === 0 ? null : rows[i - 1]?.hash);
    }
    expect(await verify(client)).toEqual({ ok: true, entries: rows.length });
  });

  it("records an entry unchained and chains it when its transaction commits", async () => {
    await client.query("BEGIN");
    let id: string;
    try {
      id = (await client.query(insertEntry, ["pending"])).rows[0].id;
      const pending = await client.query(
        `SELECT "chainPosition", "previousHash", "hash" FROM "AuditEntry" WHERE "id" = $1`,
        [id],
      );
      expect(pending.rows[0]).toEqual({ chainPosition: null, previousHash: null, hash: "" });
      // Seen from inside, before commit, the entry is not part of the chain yet.
      expect(await verify(client)).toMatchObject({ ok: false, brokenAt: id, reason: "unsealed" });
    } finally {
      await client.query("COMMIT");
    }
    const last = await client.query(
      `SELECT "id"::text AS "id" FROM "AuditEntry" ORDER BY "chainPosition" DESC LIMIT 1`,
    );
    expect(last.rows[0].id).toBe(id);
    expect((await verify(client)).ok).toBe(true);
  });

  it("lets nothing but the sealing update an entry, even before it is sealed", async () => {
    for (const update of [
      `UPDATE "AuditEntry" SET "action" = 'changed' WHERE "id" = $1`,
      // Sealing by hand, outside the sealing trigger.
      `UPDATE "AuditEntry" SET "chainPosition" = 999999999, "hash" = repeat('0', 64) WHERE "id" = $1`,
    ]) {
      await client.query("BEGIN");
      try {
        const id = (await client.query(insertEntry, ["tamper-pending"])).rows[0].id;
        await expect(client.query(update, [id])).rejects.toThrow(/append-only/);
      } finally {
        await client.query("ROLLBACK");
      }
    }
  });

  it("names an entry that was taken out of the chain at its end", async () => {
    // Dropping the last entry's position leaves no broken link behind it: only the check for
    // entries without a position finds it.
    let tail = "";
    const report = await verifyAfter(async (c) => {
      tail = (
        await c.query(`SELECT "id"::text AS "id" FROM "AuditEntry" ORDER BY "chainPosition" DESC LIMIT 1`)
      ).rows[0].id;
      await c.query(
        `UPDATE "AuditEntry" SET "chainPosition" = NULL, "previousHash" = NULL, "hash" = '' WHERE "id" = $1`,
        [tail],
      );
    });
    expect(report).toMatchObject({ ok: false, brokenAt: tail, reason: "unsealed" });
  });

  it("names an edited entry", async () => {
    const report = await verifyAfter((c) =>
      c.query(`UPDATE "AuditEntry" SET "changes" = '{"n": 99}' WHERE "id" = $1`, [ids[2]]),
    );
    expect(report).toMatchObject({ ok: false, brokenAt: ids[2], reason: "content-changed" });
  });

  it("names the entry after a deleted one", async () => {
    const report = await verifyAfter((c) => c.query(`DELETE FROM "AuditEntry" WHERE "id" = $1`, [ids[3]]));
    expect(report).toMatchObject({ ok: false, brokenAt: ids[4], previousId: ids[2], reason: "link-broken" });
  });

  it("names an entry whose hash was swapped with another's", async () => {
    const report = await verifyAfter((c) =>
      c.query(
        `UPDATE "AuditEntry" a SET "hash" = b."hash" FROM "AuditEntry" b
         WHERE (a."id", b."id") IN (($1::bigint, $2::bigint), ($2::bigint, $1::bigint))`,
        [ids[1], ids[4]],
      ),
    );
    expect(report).toMatchObject({ ok: false, brokenAt: ids[1], reason: "content-changed" });
  });

  it("names an entry whose content and hash were both rewritten, at the link after it", async () => {
    const report = await verifyAfter(async (c) => {
      await c.query(`UPDATE "AuditEntry" SET "action" = 'rewritten' WHERE "id" = $1`, [ids[2]]);
      await c.query(`UPDATE "AuditEntry" a SET "hash" = samspill_audit_entry_hash(a) WHERE "id" = $1`, [
        ids[2],
      ]);
    });
    expect(report).toMatchObject({ ok: false, brokenAt: ids[3], previousId: ids[2], reason: "link-broken" });
  });

  it("keeps one unbroken chain when 50 transactions insert at once", async () => {
    const parallel = createDatabase({ url: inject("databaseUrl"), maxConnections: 10 });
    try {
      const before = await parallel.auditEntry.count();
      await Promise.all(
        Array.from({ length: 50 }, (_, n) =>
          parallel.$transaction(
            async (tx) => {
              await tx.auditEntry.create({ data: entry(100 + n) });
              // Hold the transaction open a little so the inserts overlap.
              await tx.$executeRaw`SELECT pg_sleep(0.005)`;
            },
            { maxWait: 30_000, timeout: 30_000 },
          ),
        ),
      );
      expect(await parallel.auditEntry.count()).toBe(before + 50);
      expect(await verify(client)).toEqual({ ok: true, entries: before + 50 });
    } finally {
      await parallel.$disconnect();
    }
  });

  it("verify-audit exits 0 on an intact chain and 1 naming the first broken entry", async () => {
    const run = () => runVerifyAudit(inject("databaseUrl"));
    const intact = await run();
    expect(intact.code).toBe(0);
    expect(intact.output).toMatch(/Audit chain intact: \d+ entries verified/);

    const toggle = (on: boolean) =>
      client.query(`ALTER TABLE "AuditEntry" ${on ? "ENABLE" : "DISABLE"} TRIGGER "AuditEntry_append_only"`);
    const original = await client.query(`SELECT "action" FROM "AuditEntry" WHERE "id" = $1`, [ids[1]]);
    await toggle(false);
    await client.query(`UPDATE "AuditEntry" SET "action" = 'tampered' WHERE "id" = $1`, [ids[1]]);
    await toggle(true);
    try {
      const broken = await run();
      expect(broken.code).toBe(1);
      expect(broken.output).toContain(`entry ${ids[1]} does not match its hash`);
    } finally {
      await toggle(false);
      await client.query(`UPDATE "AuditEntry" SET "action" = $2 WHERE "id" = $1`, [
        ids[1],
        original.rows[0].action,
      ]);
      await toggle(true);
    }
    expect((await verify(client)).ok).toBe(true);
    // Two tsx start-ups, each many seconds on a loaded machine.
  }, 120_000);
});

function runVerifyAudit(databaseUrl: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      join(repoRoot, "node_modules/.bin/tsx"),
      [join(repoRoot, "services/worker/src/commands/verify-audit.ts")],
      {
        cwd: repoRoot,
        env: { ...process.env, DATABASE_URL: databaseUrl, REDIS_URL: inject("redisUrl") },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (d) => {
      output += d;
    });
    child.stderr.on("data", (d) => {
      output += d;
    });
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code, output }));
  });
}
