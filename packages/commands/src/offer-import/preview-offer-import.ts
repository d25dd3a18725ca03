import { ForbiddenError, parseInput, plainText, uuid } from "@samspill/domain";
import { z } from "zod";
import { type Actor, editorRoles, requireRole } from "../actor.js";
import { found, type Tx, transactInBulk, type Unit } from "../unit-of-work.js";
import type { CheckedRows } from "./check-rows.js";
import { checkRows } from "./check-rows.js";
import { readOfferFile } from "./read-file.js";

// Step one of an import: the uploaded file is read and every row checked, and the result is
// kept for the preview. Nothing of the provider's offers is touched until the import is confirmed.

const previewInput = z.object({ providerId: uuid, fileName: plainText(200).min(1) }).strict();

export async function previewOfferImport(
  unit: Unit,
  actor: Actor | null,
  raw: unknown,
  bytes: Uint8Array,
): Promise<{ id: string }> {
  const input = parseInput(previewInput, raw);
  const who = requireRole(actor, input.providerId, editorRoles);
  // The import is confirmed and run on behalf of the person who uploaded it.
  if (!who.personId) throw new ForbiddenError("An import is made by a signed-in person");
  const personId = who.personId;
  const file = await readOfferFile(bytes);
  await found(
    unit.db.organisation.findUnique({ where: { id: input.providerId }, select: { id: true } }),
    "Organisation",
    input.providerId,
  );
  // Checked before the transaction: it only reads, and 20,000 rows take a while.
  const checked = await checkRows(unit.db, input.providerId, file.rows);
  // Up to 20,000 rows are written: more time than a command's usual 15 seconds.
  return transactInBulk(
    unit,
    who,
    async ({ tx, record }) => {
      const report = {
        ignoredColumns: file.ignoredColumns,
        ...(file.encoding ? { encoding: file.encoding } : {}),
      };
      const created = await tx.offerImport.create({
        data: {
          providerId: input.providerId,
          uploadedById: personId,
          fileName: input.fileName,
          format: file.format,
          rowCount: checked.rows.length,
          errorCount: checked.errorCount,
          report,
        },
        select: { id: true },
      });
      await writeRows(tx, created.id, checked.rows);
      await record({
        action: "offer_import.preview",
        entityType: "OfferImport",
        entityId: created.id,
        organisationId: input.providerId,
        changes: { format: file.format, rows: checked.rows.length, rowsWithErrors: checked.errorCount },
      });
      return created;
    },
    120_000,
  );
}

export async function writeRows(tx: Tx, importId: string, rows: CheckedRows["rows"]): Promise<void> {
  const data = rows.map((r) => ({
    importId,
    line: r.line,
    values: r.values,
    offerId: r.offerId,
    action: r.action,
    errors: r.errors as object[],
    warnings: r.warnings as object[],
    hasError: r.errors.length > 0,
  }));
  for (let at = 0; at < data.length; at += 1_000)
    await tx.offerImportRow.createMany({ data: data.slice(at, at + 1_000) });
}
