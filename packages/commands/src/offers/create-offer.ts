import { createOfferInput, parseInput } from "@samspill/domain";
import { toOfferSnapshot } from "@samspill/events";
import { type Actor, editorRoles, requireRole } from "../actor.js";
import { raiseTaskDivisionFlags, taskDivisionMark } from "../forum-flags/task-division-flags.js";
import { found, transact, type Unit } from "../unit-of-work.js";
import { assertMunicipalitiesExist, assertUnitOfProvider, mergeGroups } from "./offer-rows.js";

/** Registers a draft offer for the provider organisation. */
export async function createOffer(unit: Unit, actor: Actor | null, raw: unknown): Promise<{ id: string }> {
  const input = parseInput(createOfferInput, raw);
  const who = requireRole(actor, input.providerId, editorRoles);
  return transact(unit, who, async (work) => {
    const { tx, record } = work;
    const provider = await found(
      tx.organisation.findUnique({ where: { id: input.providerId }, select: { kind: true } }),
      "Organisation",
      input.providerId,
    );
    await assertMunicipalitiesExist(tx, input.municipalityNumbers);
    await assertUnitOfProvider(tx, input.unitId, input.providerId);
    const flag = taskDivisionMark(provider.kind, input.diagnosisScope, null);
    const { municipalityNumbers, reviewDueOn, ...fields } = input;
    const offer = await tx.offer.create({
      data: {
        ...fields,
        diagnosisGroups: mergeGroups(fields.diagnosisGroups, fields.diagnosisCodes),
        reviewDueOn: reviewDueOn ? new Date(reviewDueOn) : null,
        flaggedForReview: flag.flagged,
        flagReason: flag.reason,
        municipalities: { create: municipalityNumbers.map((n) => ({ municipalityNumber: n })) },
      },
    });
    const snapshot = toOfferSnapshot({
      ...offer,
      provider,
      municipalities: municipalityNumbers.map((n) => ({ municipalityNumber: n })),
    });
    await record({
      action: "offer.create",
      entityType: "Offer",
      entityId: offer.id,
      organisationId: offer.providerId,
      changes: { created: input },
      event: { type: "offer.created", payload: { offer: snapshot } },
    });
    // Only a marked offer has a question to ask: an unmarked one costs no statement.
    if (flag.flagged) await raiseTaskDivisionFlags(work, [offer.id]);
    return { id: offer.id };
  });
}
