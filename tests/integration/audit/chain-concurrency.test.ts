import { verifyAuditChain } from "@samspill/database";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

// The audit chain is sealed at commit (migration 20261207040000_audit_chain_at_commit), so two
// command transactions that each write an audit entry do not wait for each other. This runs on
// Postgres only (the integration project): PGlite has one backend and serves one open
// transaction at a time, so there the second transaction waits for the first whatever the chain
// does; tests/integration/db/audit-chain.test.ts covers the chain itself on both.

const insertEntry = `INSERT INTO "AuditEntry" ("actorKind", "action", "entityType", "entityId", "changes")
  VALUES ('SYSTEM', $1, 'ChainTest', 'sql', '{}') RETURNING "id"::text AS "id"`;

let client: pg.Client;
const verify = (on: pg.Client) =>
  verifyAuditChain(async (sql, params) => (await on.query(sql, params)).rows, { batchSize: 3 });

beforeAll(async () => {
  client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
});
afterAll(async () => {
  await client.end();
});

describe("audit chain under concurrent commands", () => {
  it("lets a transaction with an entry commit while another with an entry is still open", async () => {
    const a = new pg.Client({ connectionString: inject("databaseUrl") });
    const b = new pg.Client({ connectionString: inject("databaseUrl") });
    await Promise.all([a.connect(), b.connect()]);
    let bDone: Promise<string> | undefined;
    try {
      await a.query("BEGIN");
      const aId: string = (await a.query(insertEntry, ["open-a"])).rows[0].id;
      bDone = (async () => {
        await b.query("BEGIN");
        const id: string = (await b.query(insertEntry, ["quick-b"])).rows[0].id;
        await b.query("COMMIT");
        return id;
      })();
      // Under the old insert-time lock B waited here until A committed.
      const bId = await Promise.race([
        bDone,
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error("B waited for A's transaction")), 5_000),
        ),
      ]);
      await a.query("COMMIT");
      const rows = await client.query(
        `SELECT "id"::text AS "id", "chainPosition"::text AS "position", "previousHash", "hash"
           FROM "AuditEntry" WHERE "id" IN ($1, $2) ORDER BY "chainPosition"`,
        [aId, bId],
      );
      // Chain order is commit order: B, then A linked to B. Ids are in insert order.
      expect(rows.rows.map((r) => r.id)).toEqual([bId, aId]);
      expect(BigInt(aId)).toBeLessThan(BigInt(bId));
      expect(BigInt(rows.rows[1].position)).toBe(BigInt(rows.rows[0].position) + 1n);
      expect(rows.rows[1].previousHash).toBe(rows.rows[0].hash);
      expect((await verify(client)).ok).toBe(true);
    } finally {
      await a.query("ROLLBACK").catch(() => undefined);
      await bDone?.catch(() => undefined);
      await Promise.all([a.end(), b.end()]);
    }
  });
});
