import type { Prisma } from "@samspill/database";
import {
  DomainValidationError,
  ForbiddenError,
  importOfferInput,
  NotFoundError,
  parseInput,
  uuid,
} from "@samspill/domain";
import { z } from "zod";
import type { Actor } from "../actor.js";
import { raiseTaskDivisionFlags } from "../forum-flags/task-division-flags.js";
import { importOfferIn, type KnownRows } from "../offers/import-offer.js";
import { type LoadedOffer, offerWithRelations } from "../offers/offer-rows.js";
import { transactInBulk, type Unit } from "../unit-of-work.js";
import { checkRows } from "./check-rows.js";
import type { ImportValues } from "./columns.js";

// Step three, in the worker: every row of a confirmed import is checked again (the hub may have
// changed since the preview) and written through importOffer's rule, all in one transaction, so
// the provider gets the whole file or nothing. Running it again for the same import (a retried
// job) returns the report it already has; importing the same file again changes nothing.

export interface OfferImportReport {
  created?: number;
  updated?: number;
  unchanged?: number;
  /** At most `maxReportedFailures`: the first errors are enough to fix the file and run it again. */
  failed?: { line?: number; column?: string; code: string; message: string }[];
}

export const maxReportedFailures = 50;

const runInput = z.object({ importId: uuid }).strict();
/** Rows between two progress reports. */
const progressEvery = 250;

export async function runOfferImport(
  unit: Unit,
  raw: unknown,
  onProgress: (processed: number) => Promise<void> = async () => {},
  timeoutMs = 15 * 60_000,
): Promise<OfferImportReport> {
  const { importId } = parseInput(runInput, raw);
  const held = await unit.db.offerImport.findUnique({
    where: { id: importId },
    include: { uploadedBy: { include: { memberships: { select: { organisationId: true, role: true } } } } },
  });
  if (!held) throw new NotFoundError("OfferImport", importId);
  if (held.status === "DONE" || held.status === "FAILED") return held.report as OfferImportReport;
  if (held.status === "PREVIEW") throw new ForbiddenError("The import has not been confirmed");
  // Acting as the person who confirmed, with the roles they hold now.
  const actor: Actor = {
    kind: "PERSON",
    personId: held.uploadedBy.id,
    tokenId: null,
    name: held.uploadedBy.name,
    memberships: held.uploadedBy.memberships,
  };
  const finish = (status: "DONE" | "FAILED", report: OfferImportReport, processed = 0) =>
    unit.db.offerImport.update({
      where: { id: importId },
      data: { status, report: { ...(held.report as object), ...report } as Prisma.InputJsonValue, processed },
    });
  // Never over a run that has just ended (a second run of the same import, see below).
  await unit.db.offerImport.updateMany({
    where: { id: importId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "RUNNING", processed: 0 },
  });

  const stored = await unit.db.offerImportRow.findMany({ where: { importId }, orderBy: { line: "asc" } });
  const checked = await checkRows(
    unit.db,
    held.providerId,
    stored.map((r) => ({ line: r.line, values: r.values as ImportValues })),
  );
  if (checked.errorCount > 0) {
    const failed = checked.rows
      .flatMap((r) =>
        r.errors.map((e) => ({ line: r.line, column: e.column, code: e.code, message: e.message })),
      )
      .slice(0, maxReportedFailures);
    await finish("FAILED", { failed });
    return { failed };
  }
  // Everything the rows need from the database, read once: a row then costs no reads.
  const provider = await unit.db.organisation.findUniqueOrThrow({
    where: { id: held.providerId },
    select: { kind: true },
  });
  const before = new Map<string, LoadedOffer>();
  const ids = checked.rows.map((r) => r.offerId);
  for (let at = 0; at < ids.length; at += 1_000) {
    for (const offer of await unit.db.offer.findMany({
      where: { id: { in: ids.slice(at, at + 1_000) } },
      include: offerWithRelations,
    }))
      before.set(offer.id, offer);
  }

  const progress: Promise<unknown>[] = [];
  try {
    return await transactInBulk(
      unit,
      actor,
      async (work): Promise<OfferImportReport> => {
        // One run of an import at a time. A job taken over after a stall, while the first run
        // still writes, would otherwise insert the same offers again and fail on their keys. The
        // second waits here for the first to commit, then finds the import done.
        await work.tx
          .$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`offer-import:${importId}`}, 0))`;
        const current = await work.tx.offerImport.findUniqueOrThrow({
          where: { id: importId },
          select: { status: true, report: true },
        });
        if (current.status === "DONE" || current.status === "FAILED")
          return current.report as OfferImportReport;
        const counts = { created: 0, updated: 0, unchanged: 0 };
        const known: KnownRows = { providerKind: provider.kind, before, created: [] };
        const startedAt = new Date();
        let done = 0;
        for (const row of checked.rows) {
          const input = row.input ?? {};
          const status = (input as { status?: string }).status;
          const publishedAt =
            before.get(row.offerId)?.publishedAt ?? (status === "PUBLISHED" ? startedAt : null);
          const outcome = await importOfferIn(
            work,
            parseInput(importOfferInput, { ...input, publishedAt }),
            known,
          );
          counts[
            outcome.outcome === "CREATED"
              ? "created"
              : outcome.outcome === "UPDATED"
                ? "updated"
                : "unchanged"
          ] += 1;
          done += 1;
          if (done % progressEvery === 0) {
            // Written beside the transaction, on a connection of its own, so the web page sees it
            // at once; not awaited, because the embedded PGlite serves one transaction at a time
            // and would hold it back until this one ends. Once the import is done, a late one
            // matches nothing.
            progress.push(
              unit.db.offerImport
                .updateMany({ where: { id: importId, status: "RUNNING" }, data: { processed: done } })
                .catch(() => undefined),
            );
            await onProgress(done);
          }
        }
        // The new offers in bulk: a few statements instead of two per row.
        for (let at = 0; at < known.created.length; at += 1_000) {
          const chunk = known.created.slice(at, at + 1_000);
          await work.tx.offer.createMany({ data: chunk.map((c) => c.offer) });
          await work.tx.offerMunicipality.createMany({
            data: chunk.flatMap((c) =>
              c.municipalityNumbers.map((n) => ({ offerId: String(c.offer.id), municipalityNumber: n })),
            ),
          });
        }
        // The forum's question for each municipal diagnosis-specific offer, now that all exist.
        await raiseTaskDivisionFlags(work, ids);
        await work.tx.offerImport.update({
          where: { id: importId },
          data: { status: "DONE", processed: done, report: { ...(held.report as object), ...counts } },
        });
        await work.record({
          action: "offer_import.complete",
          entityType: "OfferImport",
          entityId: importId,
          organisationId: held.providerId,
          changes: counts,
        });
        return counts;
      },
      timeoutMs,
    ).finally(() => Promise.all(progress));
  } catch (error) {
    // A refusal (a role lost since the upload, a rule the row breaks) ends the import; anything
    // else (the database away) is thrown for the job to be retried.
    if (
      !(
        error instanceof DomainValidationError ||
        error instanceof ForbiddenError ||
        error instanceof NotFoundError
      )
    )
      throw error;
    const failed = [{ code: "refused", message: error.message }];
    await finish("FAILED", { failed });
    return { failed };
  }
}
