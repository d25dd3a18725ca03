import { type CrossDimension, crossDimensions, filterOfDimension, type GapSort } from "@samspill/domain";
import type { CrossedOverview, CrossedValue, OfferCoordinates } from "./crossed.js";

// The gaps of a crossed overview (cells with fewer offers than a threshold) and, for each, the
// offers nearest to filling it. Pure functions over what crossed.ts read, so the query, the CSV
// export and the tests share one definition.

export interface CrossedGap {
  row: CrossedValue;
  column: CrossedValue;
  offerCount: number;
}

export function crossedGaps(overview: CrossedOverview, below: number, sort: GapSort): CrossedGap[] {
  const cells = overview.rows.flatMap((row, r) =>
    overview.columns.map((column, c) => ({ row, column, r, c, offerCount: row.counts[c] ?? 0 })),
  );
  const byRow = (a: (typeof cells)[number], b: (typeof cells)[number]) => a.r - b.r || a.c - b.c;
  const byColumn = (a: (typeof cells)[number], b: (typeof cells)[number]) => a.c - b.c || a.r - b.r;
  const order = {
    OFFER_COUNT: (a: (typeof cells)[number], b: (typeof cells)[number]) =>
      a.offerCount - b.offerCount || byRow(a, b),
    ROW: byRow,
    COLUMN: byColumn,
  }[sort];
  return cells
    .filter((cell) => cell.offerCount < below)
    .sort(order)
    .map(({ row, column, offerCount }) => ({ row, column, offerCount }));
}

export interface NearestOffer {
  offer: OfferCoordinates;
  /** The one dimension in which the offer misses the gap; its values there are in `offer`. */
  differsIn: CrossDimension;
  /** Smaller is nearer; see `stepOf`. */
  distance: number;
}

/**
 * How far an offer is from a gap when it misses it in one dimension only. The steps follow what
 * a forum can do about a gap with an existing offer:
 * - another format or audience (1): the same course, digital, or opened to relatives, is a
 *   decision of its provider, and a digital course serves every municipality;
 * - another language (2): the course exists and could be interpreted or translated;
 * - a neighbouring municipality (2): one in the same hospital trust's catchment, whose residents
 *   are referred to the same hospital; a municipality elsewhere in scope is 3, as is another
 *   hospital trust's catchment;
 * - another diagnosis group or priority group (4): a different course, kept last.
 * An offer missing the gap in two or more dimensions is not near; ties go by title.
 */
function stepOf(d: CrossDimension, sameTrust: boolean): number {
  switch (d) {
    case "FORMAT":
    case "AUDIENCE":
      return 1;
    case "LANGUAGE":
      return 2;
    case "MUNICIPALITY":
      return sameTrust ? 2 : 3;
    case "HOSPITAL_TRUST":
      return 3;
    case "DIAGNOSIS_GROUP":
    case "PRIORITY_GROUP":
      return 4;
  }
}

const norwegian = new Intl.Collator("nb");

export function nearestOffers(
  overview: CrossedOverview,
  gap: CrossedGap,
  candidates: readonly OfferCoordinates[],
): NearestOffer[] {
  const { rows, columns, filters } = overview.input;
  // What an offer must have to count in the gap's cell: the cell's two values and every filter.
  const wanted = new Map<CrossDimension, readonly string[]>();
  for (const d of crossDimensions) {
    const values = filters[filterOfDimension[d]] as readonly string[];
    if (values.length) wanted.set(d, values);
  }
  wanted.set(rows, [gap.row.value]);
  wanted.set(columns, [gap.column.value]);
  const trustOf = new Map(overview.municipalities.map((m) => [m.number, m.hospitalTrustId]));
  const gapTrusts = new Set((wanted.get("MUNICIPALITY") ?? []).flatMap((m) => trustOf.get(m) ?? []));

  const near: NearestOffer[] = [];
  for (const offer of candidates) {
    const missed = [...wanted].filter(([d, values]) => !offer[d].some((v) => values.includes(v)));
    const [miss] = missed;
    if (missed.length !== 1 || !miss) continue;
    const [differsIn] = miss;
    const sameTrust = offer.MUNICIPALITY.some((m) => gapTrusts.has(trustOf.get(m) ?? ""));
    near.push({ offer, differsIn, distance: stepOf(differsIn, sameTrust) });
  }
  return near.sort((a, b) => a.distance - b.distance || norwegian.compare(a.offer.title, b.offer.title));
}
