import { type DatasetCounts, loadDatasetBatch, systemActor, unitOf } from "@samspill/commands";
import type { Database } from "@samspill/database";
import { maxDatasetBatchRows } from "@samspill/domain";
import type { Row, RowKind } from "./model.js";

// Writes the generated rows through the bulk-load command, as the system: batches of a few
// thousand rows, one after the other, each one transaction with one audit entry. No domain
// events: the caller rebuilds the overview read model afterwards (see `loadDatasetBatch`).

/** Offers and agreements carry their municipalities, parties and links: smaller batches. */
const batchRows: Partial<Record<RowKind, number>> = { offers: 1_000, agreements: 1_000 };

export interface Loader {
  load<K extends RowKind>(kind: K, rows: readonly Row<K>[]): Promise<void>;
  /** One batch of several kinds together (rows of a kind may refer to the kinds before it). */
  loadTogether(batch: { [K in RowKind]?: Row<K>[] }): Promise<void>;
  /** Rows written per table so far. */
  rows: Record<string, number>;
}

export function datasetLoader(db: Database, dataset: string): Loader {
  const unit = unitOf(db);
  const actor = systemActor("Benchmark data generator");
  const rows: Record<string, number> = {};
  // Tables this data set writes nothing to stay out of the count (and out of the report).
  const add = (counts: DatasetCounts) => {
    for (const [table, n] of Object.entries(counts)) if (n > 0) rows[table] = (rows[table] ?? 0) + n;
  };
  const loadTogether: Loader["loadTogether"] = async (batch) =>
    add(await loadDatasetBatch(unit, actor, { dataset, ...batch }));
  return {
    rows,
    loadTogether,
    async load(kind, all) {
      const size = Math.min(batchRows[kind] ?? maxDatasetBatchRows, maxDatasetBatchRows);
      for (let start = 0; start < all.length; start += size)
        await loadTogether({ [kind]: all.slice(start, start + size) });
    },
  };
}
