// The audit trail is a hash chain (migration 20261206190442_audit_chain_and_roles): the database
// stores with every entry the hash of the entry before it and a hash over its own content and that
// link. Walking the entries in id order and recomputing each hash finds the first entry that was
// edited (its hash no longer matches), removed (the next entry links to something that is not
// there) or had its hash moved. The hashes are recomputed by the same SQL function the insert
// trigger uses, so no serialisation has to agree between JavaScript and Postgres.

/** Runs one SQL statement with positional parameters and returns its rows. */
export type AuditChainQuery = (sql: string, params: unknown[]) => Promise<AuditChainRow[]>;

export interface AuditChainRow {
  id: string;
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
      /** The entry before it in id order (null when it is the first). */
      previousId: string | null;
      reason: "content-changed" | "link-broken";
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
  // Ordered by the bigint column, not by the text alias of the same name.
  const sql = `SELECT a."id"::text AS "id", a."previousHash", a."hash", ${prefix}samspill_audit_entry_hash(a) AS "expected"
    FROM ${prefix}"AuditEntry" a WHERE $1::bigint IS NULL OR a."id" > $1::bigint ORDER BY a."id" LIMIT $2`;
  let entries = 0;
  let previous: { id: string; hash: string } | null = null;
  for (;;) {
    const rows = await query(sql, [previous?.id ?? null, batchSize]);
    for (const row of rows) {
      const previousId = previous?.id ?? null;
      if (row.previousHash !== (previous?.hash ?? null)) {
        return { ok: false, entries, brokenAt: row.id, previousId, reason: "link-broken" };
      }
      if (row.hash !== row.expected) {
        return { ok: false, entries, brokenAt: row.id, previousId, reason: "content-changed" };
      }
      entries += 1;
      previous = { id: row.id, hash: row.hash };
    }
    if (rows.length < batchSize) return { ok: true, entries };
  }
}

/** One line for people: what was checked, and where the chain breaks. */
export function describeAuditChain(report: AuditChainReport): string {
  if (report.ok) return `Audit chain intact: ${report.entries} entries verified.`;
  const where =
    report.reason === "content-changed"
      ? `entry ${report.brokenAt} does not match its hash: its content or hash was changed`
      : report.previousId === null
        ? `entry ${report.brokenAt}, the first one, links to an earlier entry: entries before it were removed`
        : `entry ${report.brokenAt} does not link to entry ${report.previousId}: an entry between them was removed, or hashes were moved`;
  return `Audit chain BROKEN after ${report.entries} intact entries: ${where}.`;
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
