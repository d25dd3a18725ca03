import { z } from "zod";

// What a forum review froze of the overview it looked at: published offers per municipality,
// dimension and value (the read model's counts, summed over providers) and the community's open
// flags. The next review compares its own snapshot with this one to show what changed since.
// Offer counts are not personal data, so the small-count rule does not apply (as in the overview).

export const overviewSnapshot = z.object({
  version: z.literal(1),
  takenAt: z.string(),
  municipalities: z.array(z.object({ number: z.string(), name: z.string() })),
  /** "<municipality>|<dimension>|<value>" → published offers; cells at zero are left out. */
  counts: z.record(z.string(), z.number().int()),
  openFlags: z.number().int(),
});
export type OverviewSnapshot = z.infer<typeof overviewSnapshot>;

export const snapshotKey = (municipalityNumber: string, dimension: string, value: string) =>
  `${municipalityNumber}|${dimension}|${value}`;

export interface SnapshotChange {
  municipalityNumber: string;
  municipalityName: string;
  dimension: string;
  value: string;
  before: number;
  after: number;
}

/** The cells whose count differs between two snapshots, municipality by municipality. */
export function snapshotChanges(before: OverviewSnapshot, after: OverviewSnapshot): SnapshotChange[] {
  const names = new Map([...before.municipalities, ...after.municipalities].map((m) => [m.number, m.name]));
  const keys = [...new Set([...Object.keys(before.counts), ...Object.keys(after.counts)])].sort();
  return keys.flatMap((key) => {
    const was = before.counts[key] ?? 0;
    const is = after.counts[key] ?? 0;
    if (was === is) return [];
    const [municipalityNumber = "", dimension = "", value = ""] = key.split("|");
    return [
      {
        municipalityNumber,
        municipalityName: names.get(municipalityNumber) ?? municipalityNumber,
        dimension,
        value,
        before: was,
        after: is,
      },
    ];
  });
}
