import type { Prisma } from "@samspill/database";
import { assertTransition, type ImportOfferInput, importOfferInput, parseInput } from "@samspill/domain";
import { toOfferSnapshot } from "@samspill/events";
import { type Actor, editorRoles, requireRole } from "../actor.js";
import { raiseTaskDivisionFlags, taskDivisionMark } from "../forum-flags/task-division-flags.js";
import { applyImport, type Imported, sortedKeys } from "../imports/apply-import.js";
import { found, transact, type Unit, type Work } from "../unit-of-work.js";
import {
  assertMunicipalitiesExist,
  assertUnitOfProvider,
  type LoadedOffer,
  mergeGroups,
  municipalityNumbersOf,
  offerWithRelations,
  snapshotAfter,
} from "./offer-rows.js";

/**
 * Creates or updates an offer named by the caller's id, whole: fields, lifecycle state and the
 * municipalities it serves. The seed and the spreadsheet import use it; importing the same offer
 * again changes nothing and records nothing.
 */
export async function importOffer(unit: Unit, actor: Actor | null, raw: unknown): Promise<Imported> {
  const input = parseInput(importOfferInput, raw);
  const who = requireRole(actor, input.providerId, editorRoles);
  return transact(unit, who, async (work) => {
    const imported = await importOfferIn(work, input);
    await raiseTaskDivisionFlags(work, [input.id]);
    return imported;
  });
}

/**
 * What a file import has loaded for all its rows at once (checked already: the municipalities
 * exist), so a row costs no reads; new offers are collected in `created` for one bulk insert.
 */
export interface KnownRows {
  providerKind: LoadedOffer["provider"]["kind"];
  before: ReadonlyMap<string, LoadedOffer>;
  created: { offer: Prisma.OfferUncheckedCreateInput; municipalityNumbers: string[] }[];
}

/**
 * The same, inside a transaction already open: a file import writes all its rows in one, so
 * they are stored together or not at all (offer-import/run-offer-import.ts).
 */
export async function importOfferIn(
  work: Work,
  input: ImportOfferInput,
  known?: KnownRows,
): Promise<Imported> {
  const actor = work.actor;
  requireRole(actor, input.providerId, editorRoles);
  const { tx } = work;
  const provider = known
    ? { kind: known.providerKind }
    : await found(
        tx.organisation.findUnique({ where: { id: input.providerId }, select: { kind: true } }),
        "Organisation",
        input.providerId,
      );
  const before = known
    ? (known.before.get(input.id) ?? null)
    : await tx.offer.findUnique({ where: { id: input.id }, include: offerWithRelations });
  // Moving an offer to another provider needs the right to edit it where it is now, too.
  if (before) requireRole(actor, before.providerId, editorRoles);
  const { id, municipalityNumbers, reviewDueOn, ...fields } = input;
  const flag = taskDivisionMark(provider.kind, fields.diagnosisScope, before);
  const data = {
    ...fields,
    diagnosisGroups: mergeGroups(fields.diagnosisGroups, fields.diagnosisCodes),
    ...(reviewDueOn !== undefined ? { reviewDueOn: reviewDueOn ? new Date(reviewDueOn) : null } : {}),
    flaggedForReview: flag.flagged,
    flagReason: flag.reason,
  } satisfies Prisma.OfferUncheckedUpdateManyInput;
  if (data.status === "PUBLISHED") assertTransition("DRAFT", "PUBLISHED", { ...data, municipalityNumbers });
  const served = sortedKeys(municipalityNumbers);
  const stored = before && { ...before, municipalityNumbers: sortedKeys(municipalityNumbersOf(before)) };
  const storedServed = stored?.municipalityNumbers ?? [];
  if (!known && served.join() !== storedServed.join()) await assertMunicipalitiesExist(tx, served);
  // An offer moving to another provider may not keep the old provider's unit either.
  await assertUnitOfProvider(
    tx,
    fields.unitId === undefined ? before?.unitId : fields.unitId,
    input.providerId,
  );
  return applyImport(work, {
    entityType: "Offer",
    action: "offer",
    id,
    organisationId: data.providerId,
    stored,
    next: { ...data, municipalityNumbers: served },
    create: async () =>
      known
        ? known.created.push({ offer: { id, ...data }, municipalityNumbers: served })
        : tx.offer.create({
            data: {
              id,
              ...data,
              municipalities: { create: served.map((n) => ({ municipalityNumber: n })) },
            },
          }),
    update: async (changed) => {
      await tx.offer.update({ where: { id }, data: { ...data, version: { increment: 1 } } });
      if (!changed.includes("municipalityNumbers")) return;
      await tx.offerMunicipality.deleteMany({
        where: { offerId: id, municipalityNumber: { notIn: served } },
      });
      await tx.offerMunicipality.createMany({
        data: served.map((n) => ({ offerId: id, municipalityNumber: n })),
        skipDuplicates: true,
      });
    },
    event: (outcome, changedFields) => {
      if (outcome === "CREATED" || !before) {
        const offer = toOfferSnapshot({
          ...data,
          id,
          version: 1,
          reviewDueOn: data.reviewDueOn ?? null,
          provider,
          municipalities: served.map((n) => ({ municipalityNumber: n })),
        });
        return { type: "offer.created", payload: { offer } };
      }
      const offer = snapshotAfter(before, data, served);
      if (changedFields.includes("status"))
        return { type: "offer.status_changed", payload: { offer, from: before.status, to: data.status } };
      return { type: "offer.updated", payload: { offer, changedFields } };
    },
  });
}
