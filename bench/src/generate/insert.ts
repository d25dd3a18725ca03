import type pg from "pg";

// Bulk loading through `pg` with one INSERT … SELECT FROM unnest(…) per batch: every column is
// sent as one array parameter, so a batch of thousands of rows is a single round trip. It works
// on real Postgres and on PGlite alike (PGlite has no COPY FROM STDIN over the wire).
// Only the bench's own outbox rows (events already relayed, or waiting for the relay) go this
// way; business tables are written through the bulk-load command (see bulk-load.ts).

export type Queryable = Pick<pg.Client, "query">;

/** A column and the SQL type it is stored as, e.g. `uuid`, `"OfferKind"`, `"Audience"[]`, `timestamp(3)`. */
export type Column = readonly [name: string, type: string];

/** Parameter types `pg` can send as arrays; everything else goes as text and is cast in SQL. */
const direct = new Set(["uuid", "text", "int", "integer", "boolean", "bigint"]);

export const batchSize = 5_000;

export async function insertRows(
  db: Queryable,
  table: string,
  columns: readonly Column[],
  rows: readonly (readonly unknown[])[],
): Promise<number> {
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  const params = columns.map(([, type], i) => `$${i + 1}::${direct.has(type) ? type : "text"}[]`).join(", ");
  const aliases = columns.map((_, i) => `c${i}`);
  const select = columns.map(([, type], i) => (direct.has(type) ? aliases[i] : `${aliases[i]}::${type}`));
  const sql = `INSERT INTO "${table}" (${names}) SELECT ${select.join(", ")} FROM unnest(${params}) AS t(${aliases.join(", ")})`;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    await db.query(
      sql,
      columns.map((_, i) => batch.map((row) => encode(row[i]))),
    );
  }
  return rows.length;
}

function encode(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return pgArray(value);
  return value;
}

/** A Postgres array literal, e.g. `{"E11","I50"}`, cast to the column's array type in SQL. */
export function pgArray(values: readonly unknown[]): string {
  return `{${values.map((v) => `"${String(v).replace(/["\\]/g, (c) => `\\${c}`)}"`).join(",")}}`;
}
