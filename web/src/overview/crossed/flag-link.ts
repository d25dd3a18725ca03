import type { CrossDimension, CrossedState } from "./state.js";

// A crossed gap's link to the raise-flag form (forum-flags/RaiseFlagPage.tsx), the cell filled
// in through the address: its row and column values and the filters that narrowed the table.

/** The raise-flag form's parameter for each dimension's value. */
const gapKeyOf: Record<CrossDimension, string> = {
  MUNICIPALITY: "municipality",
  HOSPITAL_TRUST: "trust",
  PRIORITY_GROUP: "priorityGroup",
  DIAGNOSIS_GROUP: "diagnosisGroup",
  FORMAT: "format",
  LANGUAGE: "language",
  AUDIENCE: "audience",
};

export function flagGapHref(
  community: string,
  state: CrossedState,
  cell: readonly (readonly [CrossDimension, string])[],
): string {
  const params = new URLSearchParams({ community });
  // The table's area names the place only when neither axis does.
  if (state.trust && !cell.some(([d]) => d === "MUNICIPALITY" || d === "HOSPITAL_TRUST"))
    params.set("trust", state.trust);
  for (const key of ["priorityGroup", "diagnosisGroup", "format", "audience"] as const)
    if (state[key]) params.set(key, state[key]);
  for (const [dimension, value] of cell) params.set(gapKeyOf[dimension], value);
  return `/forum-flags/new?${params}`;
}
