// The audit trail is a hash chain (migrations 20261206190442_audit_chain_and_roles and
// 20261207040000_audit_chain_at_commit): when an entry's transaction commits, the database gives
// it the next chain position, the hash of the entry before it and a hash over its own content and
// that link. Walking the entries in chain-position order (commit order; ids are in insert order)
// and recomputing each hash finds the first entry that was edited (its hash no longer matches),
// removed or moved (the next entry links to something else) or had its hash moved. An entry left
// without a position was never sealed, which no committed entry can be. The hashes are recomputed
// by the same SQL function the sealing trigger uses, so no serialisation has to agree between
// JavaScript and Postgres.

/** Runs one SQL statement with positional parameters and returns its rows. */
export type AuditChainQuery = (sql: string, params: unknown[]) => Promise<AuditChainRow[]>;

export interface AuditChainRow {
  id: string;
  position: string;
  previousHash: string | null;
  hash: string;
  expected: string;
}

export type AuditChainReport =
  | { ok: true; entries: number }
  | {
      ok: false;
      entries: number;
      /** The first entry whose hash or link is wrong. */
      brokenAt: string;
      /** The entry before it in chain order (null when it is the first). */
      previousId: string | null;
      reason: "content-changed" | "link-broken" | "unsealed";
    };

export interface VerifyOptions {
  /** The Postgres schema holding the tables; the connection's search_path when not given. */
  schema?: string;
  batchSize?: number;
}

export async function verifyAuditChain(
  query: AuditChainQuery,
  options: VerifyOptions = {},
): Promise<AuditChainReport> {
  const prefix = options.schema ? `${quoteIdent(options.schema)}.` : "";
  const batchSize = options.batchSize ?? 1_000;
  // Keyset pages over the unique chain-position index; positions start at 1.
  const sql = `SELECT a."id"::text AS "id", a."chainPosition"::text AS "position", a."previousHash", a."hash",
      ${prefix}samspill_audit_entry_hash(a) AS "expected"
    FROM ${prefix}"AuditEntry" a WHERE a."chainPosition" > $1::bigint ORDER BY a."chainPosition" LIMIT $2`;
  let entries = 0;
  let previous: { id: string; position: string; hash: string } | null = null;
  for (;;) {
    const rows = await query(sql, [previous?.position ?? "-9223372036854775808", batchSize]);
    for (const row of rows) {
      const previousId = previous?.id ?? null;
      if (row.previousHash !== (previous?.hash ?? null)) {
        return { ok: false, entries, brokenAt: row.id, previousId, reason: "link-broken" };
      }
      if (row.hash !== row.expected) {
        return { ok: false, entries, brokenAt: row.id, previousId, reason: "content-changed" };
      }
      entries += 1;
      previous = { id: row.id, position: row.position, hash: row.hash };
    }
    if (rows.length < batchSize) break;
  }
  const [unsealed] = await query(
    `SELECT a."id"::text AS "id" FROM ${prefix}"AuditEntry" a WHERE a."chainPosition" IS NULL ORDER BY a."id" LIMIT 1`,
    [],
  );
  if (unsealed)
    return {
      ok: false,
      entries,
      brokenAt: unsealed.id,
      previousId: previous?.id ?? null,
      reason: "unsealed",
    };
  return { ok: true, entries };
}

/** One line for people: what was checked, and where the chain breaks. */
export function describeAuditChain(report: AuditChainReport): string {
  if (report.ok) return `Audit chain intact: ${report.entries} entries verified.`;
  const where =
    report.reason === "content-changed"
      ? `entry ${report.brokenAt} does not match its hash: its content or hash was changed`
      : report.reason === "unsealed"
        ? `entry ${report.brokenAt} has no place in the chain: its position was removed, or it was written past the sealing trigger`
        : report.previousId === null
          ? `entry ${report.brokenAt}, the first one, links to an earlier entry: entries before it were removed`
          : `entry ${report.brokenAt} does not link to entry ${report.previousId}: an entry between them was removed, or hashes were moved`;
  return `Audit chain BROKEN after ${report.entries} intact entries: ${where}.`;
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
