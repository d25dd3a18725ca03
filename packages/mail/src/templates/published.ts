import { suppressSmallCounts } from "@samspill/domain";
import { type MailTexts, mailTexts } from "../texts/index.js";

// Mails publish counts of people through the domain's one small-count rule, as the gateway's
// summaries do. These helpers put its answers (null where hidden) into words.

/** A count that stands alone (no total is shown with it): hidden when it is small. */
export function publishedAlone(count: number, threshold: number): number | null {
  return suppressSmallCounts([[count]], threshold).total;
}

/**
 * A published figure as text: the number, or for a hidden one "færre enn N" when it is itself
 * small and "skjult" when it is hidden only so that a small one cannot be worked out.
 */
export function showFigure(
  published: number | null,
  raw: number,
  threshold: number,
  tx: MailTexts = mailTexts(),
): string {
  if (published !== null) return String(published);
  return raw > 0 && raw < threshold ? tx.figures.fewerThan(threshold) : tx.figures.hidden;
}
