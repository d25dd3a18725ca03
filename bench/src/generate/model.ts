import type { DatasetBatchInput, OfferFormat, OfferStatus, OrganisationKind } from "@samspill/domain";

// What the parts of the generator hand each other: the organisations as the generator knows
// them (with the catchment each lies in), the offers later rows refer to, and the rows of a
// bulk-load batch, typed as the bulk load takes them.

export interface Org {
  id: string;
  kind: OrganisationKind;
  name: string;
  /** The trust whose catchment the organisation is in (trusts: themselves). */
  trust: number;
  municipalityNumber?: string;
  unitId?: string;
}

export interface OfferRow {
  id: string;
  provider: Org;
  status: OfferStatus;
  format: OfferFormat;
  municipalities: string[];
}

/** The kinds of row a bulk-load batch holds. */
export type RowKind = Exclude<keyof DatasetBatchInput, "dataset">;
/** One row of a kind, as the bulk load takes it. */
export type Row<K extends RowKind> = NonNullable<DatasetBatchInput[K]>[number];

const day = 86_400_000;
/** A moment `days` after `today`, at `hour` UTC. */
export const at = (today: Date, days: number, hour = 0) =>
  new Date(today.getTime() + days * day + hour * 3_600_000);
