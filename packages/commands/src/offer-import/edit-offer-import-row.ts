import { DomainValidationError, fieldIssue, parseInput, uuid } from "@samspill/domain";
import { z } from "zod";
import { type Actor, editorRoles, requireRole, requireScope, requireSignedIn } from "../actor.js";
import { found, type Tx, transact, type Unit } from "../unit-of-work.js";
import { checkRows } from "./check-rows.js";
import { type ImportValues, importColumns } from "./columns.js";
import { importLimits } from "./limits.js";

// Fixing a row in the preview: the editor changes cells, the row is checked again (with the
// other rows, for repeats), and the import's count of rows with errors follows.

const cells = z.object(
  Object.fromEntries(
    importColumns.map((c) => [c.key, z.string().max(importLimits.cellChars).optional()]),
  ) as Record<(typeof importColumns)[number]["key"], z.ZodOptional<z.ZodString>>,
);
const editInput = z
  .object({ importId: uuid, line: z.number().int().min(1), values: cells.strict() })
  .strict();

export async function editOfferImportRow(
  unit: Unit,
  actor: Actor | null,
  raw: unknown,
): Promise<{ errorCount: number }> {
  const input = parseInput(editInput, raw);
  return transact(unit, requireSignedIn(actor), async ({ tx }) => {
    const held = await loadPreview(tx, actor, input.importId);
    const row = await found(
      tx.offerImportRow.findUnique({ where: { importId_line: { importId: held.id, line: input.line } } }),
      "OfferImportRow",
      `${held.id}/${input.line}`,
    );
    const values = { ...(row.values as ImportValues), ...input.values };
    const [checked] = (await checkRows(tx, held.providerId, [{ line: row.line, values }])).rows;
    if (!checked) throw new Error("unreachable: one row in, one row out");
    const repeat = await tx.offerImportRow.findFirst({
      where: { importId: held.id, offerId: checked.offerId, line: { not: row.line } },
      select: { line: true },
      orderBy: { line: "asc" },
    });
    if (repeat)
      checked.errors.push({
        column: values.id ? "id" : "reference",
        code: "duplicate",
        message: `The same offer as line ${repeat.line}`,
        value: String(repeat.line),
      });
    await tx.offerImportRow.update({
      where: { importId_line: { importId: held.id, line: row.line } },
      data: {
        values,
        offerId: checked.offerId,
        action: checked.action,
        errors: checked.errors as object[],
        warnings: checked.warnings as object[],
        hasError: checked.errors.length > 0,
      },
    });
    const errorCount = await tx.offerImportRow.count({ where: { importId: held.id, hasError: true } });
    await tx.offerImport.update({ where: { id: held.id }, data: { errorCount } });
    return { errorCount };
  });
}

/** An import still in preview, which only its provider's editors may change. */
export async function loadPreview(tx: Tx, actor: Actor | null, importId: string) {
  const held = await found(
    tx.offerImport.findUnique({
      where: { id: importId },
      select: { id: true, providerId: true, status: true, rowCount: true },
    }),
    "OfferImport",
    importId,
  );
  requireRole(actor, held.providerId, editorRoles);
  // A preview edit records no change, so the unit of work never asks for the token's scope: ask here.
  requireScope(actor, "write:offers");
  if (held.status !== "PREVIEW")
    throw new DomainValidationError([
      fieldIssue(
        "importId",
        "not_in_preview",
        "The import is already confirmed",
        "Importen er allerede bekreftet",
        "Importen er alt stadfesta",
      ),
    ]);
  return held;
}
