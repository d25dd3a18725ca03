import type { OfferSnapshot } from "@samspill/events";

// The overview's counting rule, kept free of I/O so the projector, the rebuild and the tests
// share one definition: a published offer counts once in every cell it belongs to.

export const overviewDimensions = [
  "TOTAL",
  "PRIORITY_GROUP",
  "DIAGNOSIS_GROUP",
  "FORMAT",
  "LANGUAGE",
] as const;
export type OverviewDimension = (typeof overviewDimensions)[number];

/** The single value of the TOTAL dimension: "any published offer". */
export const totalValue = "ALL";

/** One counter of the read model: published offers of one provider in one municipality cell. */
export interface CountKey {
  municipalityNumber: string;
  dimension: OverviewDimension;
  value: string;
  providerId: string;
}

export interface CountDelta extends CountKey {
  /** Offers to add (negative: to remove). Never zero. */
  offers: number;
}

const sortedUnique = <T extends string>(values: readonly T[]): T[] => [...new Set(values)].sort();

/**
 * Lists sorted and de-duplicated, so two snapshots of the same state compare equal whichever
 * order the producer read the municipalities or languages in.
 */
export function normaliseSnapshot(snapshot: OfferSnapshot): OfferSnapshot {
  return {
    ...snapshot,
    diagnosisGroups: sortedUnique(snapshot.diagnosisGroups),
    priorityGroups: sortedUnique(snapshot.priorityGroups),
    languages: sortedUnique(snapshot.languages),
    // Events from before the crossed overview carry no audiences: they read as none (patients)
    // until the offer's next event or a rebuild fills them in.
    audiences: sortedUnique(snapshot.audiences ?? []),
    municipalityNumbers: sortedUnique(snapshot.municipalityNumbers),
  };
}

export function keyOf(k: CountKey): string {
  return `${k.municipalityNumber}|${k.dimension}|${k.value}|${k.providerId}`;
}

/** The values an offer has in one dimension (an offer without priority groups has none there). */
export function valuesOf(s: OfferSnapshot, dimension: OverviewDimension): readonly string[] {
  switch (dimension) {
    case "TOTAL":
      return [totalValue];
    case "PRIORITY_GROUP":
      return sortedUnique(s.priorityGroups);
    case "DIAGNOSIS_GROUP":
      return sortedUnique(s.diagnosisGroups);
    case "FORMAT":
      return [s.format];
    case "LANGUAGE":
      return sortedUnique(s.languages);
  }
}

/** The counters an offer adds one to: none unless it is published. */
export function contributionsOf(snapshot: OfferSnapshot | null): CountKey[] {
  if (snapshot?.status !== "PUBLISHED") return [];
  const s = normaliseSnapshot(snapshot);
  return s.municipalityNumbers.flatMap((municipalityNumber) =>
    overviewDimensions.flatMap((dimension) =>
      valuesOf(s, dimension).map((value) => ({
        municipalityNumber,
        dimension,
        value,
        providerId: s.providerId,
      })),
    ),
  );
}

/** What moving an offer from `before` to `after` does to the counters, in a stable key order. */
export function diffContributions(before: readonly CountKey[], after: readonly CountKey[]): CountDelta[] {
  const deltas = new Map<string, CountDelta>();
  const add = (k: CountKey, n: number) => {
    const key = keyOf(k);
    const current = deltas.get(key);
    if (current) current.offers += n;
    else deltas.set(key, { ...k, offers: n });
  };
  for (const k of before) add(k, -1);
  for (const k of after) add(k, 1);
  // Sorted so concurrent projections lock counter rows in the same order and cannot deadlock.
  return [...deltas.entries()]
    .filter(([, d]) => d.offers !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, d]) => d);
}

/** Sums contributions of many offers: what a rebuild writes. */
export function countAll(snapshots: readonly OfferSnapshot[]): CountDelta[] {
  return diffContributions([], snapshots.flatMap(contributionsOf));
}

export type ApplyDecision = "apply" | "duplicate" | "stale";

/**
 * Offer events carry the whole offer at a version, and every write bumps the version, so the
 * version alone orders them: newer applies, equal is a redelivery, older arrived late.
 */
export function decide(storedVersion: number | null, incomingVersion: number): ApplyDecision {
  if (storedVersion === null || incomingVersion > storedVersion) return "apply";
  return incomingVersion === storedVersion ? "duplicate" : "stale";
}
