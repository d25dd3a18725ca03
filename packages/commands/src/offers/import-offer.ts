import type { Prisma } from "@samspill/database";
import { assertTransition, importOfferInput, parseInput, taskDivisionFlag } from "@samspill/domain";
import { toOfferSnapshot } from "@samspill/events";
import { type Actor, editorRoles, requireRole } from "../actor.js";
import { applyImport, type Imported, sortedKeys } from "../imports/apply-import.js";
import { found, transact, type Unit } from "../unit-of-work.js";
import {
  assertMunicipalitiesExist,
  assertUnitOfProvider,
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
    const { tx } = work;
    const provider = await found(
      tx.organisation.findUnique({ where: { id: input.providerId }, select: { kind: true } }),
      "Organisation",
      input.providerId,
    );
    const before = await tx.offer.findUnique({ where: { id: input.id }, include: offerWithRelations });
    // Moving an offer to another provider needs the right to edit it where it is now, too.
    if (before) requireRole(actor, before.providerId, editorRoles);
    const { id, municipalityNumbers, reviewDueOn, ...fields } = input;
    const flag = taskDivisionFlag(provider.kind, fields.diagnosisScope);
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
    if (served.join() !== storedServed.join()) await assertMunicipalitiesExist(tx, served);
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
      create: () =>
        tx.offer.create({
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
  });
}
