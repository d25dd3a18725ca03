import { DomainValidationError, fieldIssue, parseInput, uuid } from "@samspill/domain";
import { z } from "zod";
import { type Actor, requireSignedIn } from "../actor.js";
import { transact, type Unit } from "../unit-of-work.js";
import { loadPreview } from "./edit-offer-import-row.js";

// Step two: the editor confirms a preview without errors. The import is queued, and its event
// makes the worker write every row in one transaction (run-offer-import.ts).

const confirmInput = z.object({ importId: uuid }).strict();

export async function confirmOfferImport(
  unit: Unit,
  actor: Actor | null,
  raw: unknown,
): Promise<{ id: string }> {
  const input = parseInput(confirmInput, raw);
  return transact(unit, requireSignedIn(actor), async ({ tx, record }) => {
    const held = await loadPreview(tx, actor, input.importId);
    const errors = await tx.offerImportRow.count({ where: { importId: held.id, hasError: true } });
    if (errors > 0 || held.rowCount === 0) {
      throw new DomainValidationError([
        errors > 0
          ? fieldIssue(
              "importId",
              "rows_have_errors",
              `${errors} rows still have errors; fix them or upload the file again`,
              `${errors} rader har fortsatt feil; rett dem eller last opp fila på nytt`,
              `${errors} rader har framleis feil; rett dei eller last opp fila på nytt`,
            )
          : fieldIssue(
              "importId",
              "no_rows",
              "The file has no rows to import",
              "Fila har ingen rader å importere",
              "Fila har ingen rader å importere",
            ),
      ]);
    }
    await tx.offerImport.update({ where: { id: held.id }, data: { status: "QUEUED" } });
    await record({
      action: "offer_import.confirm",
      entityType: "OfferImport",
      entityId: held.id,
      organisationId: held.providerId,
      changes: { rows: held.rowCount },
      event: { type: "offer_import.confirmed", payload: { id: held.id, rows: held.rowCount } },
    });
    return { id: held.id };
  });
}
