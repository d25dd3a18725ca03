import { defaultWrittenLanguage } from "@samspill/domain";
import type { Tx } from "../unit-of-work.js";
import { Municipalities } from "./cells.js";
import { type CheckedRow, checkRow } from "./check-row.js";
import type { ImportValues } from "./columns.js";

// All rows of an import, checked together: what one row cannot know alone (two rows naming the
// same offer, an id that is another provider's offer, whether the offer exists yet).

export interface CheckedRows {
  rows: (CheckedRow & { action: "CREATE" | "UPDATE" })[];
  errorCount: number;
}

export async function checkRows(
  tx: Pick<Tx, "municipality" | "offer" | "organisation">,
  providerId: string,
  rows: readonly { line: number; values: ImportValues }[],
): Promise<CheckedRows> {
  const municipalities = new Municipalities(
    await tx.municipality.findMany({ select: { number: true, name: true } }),
  );
  const provider = await tx.organisation.findUnique({
    where: { id: providerId },
    select: { language: true, units: { select: { id: true, name: true } } },
  });
  const context = {
    municipalities,
    units: new Map((provider?.units ?? []).map((u) => [u.name.toLowerCase(), u.id])),
    textLanguage: provider?.language ?? defaultWrittenLanguage,
  };
  const checked = rows.map((r) => checkRow(providerId, r.line, r.values, context));
  const owners = new Map<string, string>();
  const ids = [...new Set(checked.map((r) => r.offerId))];
  for (let at = 0; at < ids.length; at += 5_000) {
    const found = await tx.offer.findMany({
      where: { id: { in: ids.slice(at, at + 5_000) } },
      select: { id: true, providerId: true },
    });
    for (const o of found) owners.set(o.id, o.providerId);
  }
  const firstLine = new Map<string, number>();
  for (const row of checked) {
    const earlier = firstLine.get(row.offerId);
    if (earlier !== undefined) {
      row.errors.push({
        column: row.values.id ? "id" : "reference",
        code: "duplicate",
        message: `The same offer as line ${earlier}`,
        value: String(earlier),
      });
    } else firstLine.set(row.offerId, row.line);
    const owner = owners.get(row.offerId);
    if (owner && owner !== providerId) {
      row.errors.push({
        column: "id",
        code: "other_provider",
        message: "This offer belongs to another provider",
      });
    }
    if (row.errors.length > 0) row.input = null;
  }
  return {
    rows: checked.map((r) => ({ ...r, action: owners.has(r.offerId) ? "UPDATE" : "CREATE" })),
    errorCount: checked.filter((r) => r.errors.length > 0).length,
  };
}
