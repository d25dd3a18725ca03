import type { Prisma } from "@samspill/database";
import { assertTransition, parseInput, updateOfferInput } from "@samspill/domain";
import { type Actor, editorRoles, requireRole, requireSignedIn } from "../actor.js";
import { raiseTaskDivisionFlags, taskDivisionMark } from "../forum-flags/task-division-flags.js";
import { diff, transact, type Unit } from "../unit-of-work.js";
import {
  assertMunicipalitiesExist,
  assertUnitOfProvider,
  loadOffer,
  mergeGroups,
  municipalityNumbersOf,
  snapshotAfter,
  updateOfferAtVersion,
} from "./offer-rows.js";

/** Edits an offer; a stale version is refused with a ConflictError, never overwritten. */
export async function updateOffer(unit: Unit, actor: Actor | null, raw: unknown): Promise<{ id: string }> {
  const input = parseInput(updateOfferInput, raw);
  return transact(unit, requireSignedIn(actor), async (work) => {
    const { tx, record } = work;
    const before = await loadOffer(tx, input.id);
    requireRole(actor, before.providerId, editorRoles);
    const { id, version, municipalityNumbers, reviewDueOn, ...fields } = input;
    const flag = taskDivisionMark(
      before.provider.kind,
      fields.diagnosisScope ?? before.diagnosisScope,
      before,
    );
    const data = {
      ...fields,
      ...(fields.diagnosisCodes || fields.diagnosisGroups
        ? {
            diagnosisGroups: mergeGroups(
              fields.diagnosisGroups ?? before.diagnosisGroups,
              fields.diagnosisCodes ?? before.diagnosisCodes,
            ),
          }
        : {}),
      ...(reviewDueOn !== undefined ? { reviewDueOn: reviewDueOn ? new Date(reviewDueOn) : null } : {}),
      flaggedForReview: flag.flagged,
      flagReason: flag.reason,
    } satisfies Prisma.OfferUpdateManyMutationInput;
    const after = { ...before, ...data, municipalities: before.municipalities };
    const numbersAfter = municipalityNumbers ?? municipalityNumbersOf(before);
    if (before.status === "PUBLISHED") {
      // A published offer must stay publishable: an edit may not remove what publishing required.
      assertTransition("DRAFT", "PUBLISHED", { ...after, municipalityNumbers: numbersAfter });
    }
    if (municipalityNumbers) await assertMunicipalitiesExist(tx, municipalityNumbers);
    await assertUnitOfProvider(tx, fields.unitId, before.providerId);
    await updateOfferAtVersion(tx, id, version, data);
    if (municipalityNumbers) {
      await tx.offerMunicipality.deleteMany({ where: { offerId: id } });
      await tx.offerMunicipality.createMany({
        data: municipalityNumbers.map((n) => ({ offerId: id, municipalityNumber: n })),
      });
    }
    const changes = diff(
      { ...before, municipalityNumbers: municipalityNumbersOf(before) },
      { ...data, municipalityNumbers },
    );
    await record({
      action: "offer.update",
      entityType: "Offer",
      entityId: id,
      organisationId: before.providerId,
      changes,
      event: {
        type: "offer.updated",
        payload: { offer: snapshotAfter(before, data, numbersAfter), changedFields: Object.keys(changes) },
      },
    });
    if (flag.flagged) await raiseTaskDivisionFlags(work, [id]);
    return { id };
  });
}
