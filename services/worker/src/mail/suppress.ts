// Published figures hide small counts so no one can be identified (DOMAIN.md: fewer than 5).
// Hiding one number of a group whose total is shown would not help (total minus the rest gives
// it back), so a second number is hidden with it: the smallest other non-zero one. That one is
// shown as "hidden", not as "fewer than 5", which it is not.

export const smallCountThreshold = 5;

/** A count as a reader may see it. */
export type Shown = number | "small" | "hidden";

export function suppress(n: number): Shown {
  return n > 0 && n < smallCountThreshold ? "small" : n;
}

/** Suppresses the parts of a group whose total is published, with complementary suppression. */
export function suppressGroup(values: readonly number[]): Shown[] {
  const shown: Shown[] = values.map(suppress);
  if (shown.filter((v) => v === "small").length === 1) {
    let smallest = -1;
    values.forEach((v, i) => {
      if (typeof shown[i] === "number" && v > 0 && (smallest < 0 || v < (values[smallest] ?? 0)))
        smallest = i;
    });
    if (smallest >= 0) shown[smallest] = "hidden";
  }
  return shown;
}

/** "12", "0", "færre enn 5" or "skjult". */
export function showCount(value: Shown): string {
  if (value === "small") return `færre enn ${smallCountThreshold}`;
  if (value === "hidden") return "skjult";
  return String(value);
}
