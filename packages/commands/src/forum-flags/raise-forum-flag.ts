import { assertNoIssues, parseInput, raiseForumFlagInput } from "@samspill/domain";
import { type Actor, forumRoles, requireRole } from "../actor.js";
import { isoDay } from "../meetings/meeting-rows.js";
import { transact, type Unit } from "../unit-of-work.js";
import { raiseIssues } from "./flag-issues.js";

// A health community's forum member flags an offer, a gap or an agreement to an organisation
// that must answer for it by a date. The event tells the worker to mail the owner's editors.

/** Raises a forum flag; it answers the flag's id. */
export async function raiseForumFlag(unit: Unit, actor: Actor | null, raw: unknown): Promise<{ id: string }> {
  const input = parseInput(raiseForumFlagInput, raw);
  const who = requireRole(actor, input.healthCommunityId, forumRoles);
  return transact(unit, who, async ({ tx, record }) => {
    assertNoIssues(await raiseIssues(tx, input, new Date().toISOString().slice(0, 10)));
    const gap = input.gap;
    const flag = await tx.forumFlag.create({
      data: {
        healthCommunityId: input.healthCommunityId,
        kind: input.kind,
        offerId: input.offerId ?? null,
        agreementId: input.agreementId ?? null,
        gapMunicipalityNumber: gap?.municipalityNumber ?? null,
        gapHospitalTrustId: gap?.hospitalTrustId ?? null,
        gapPriorityGroup: gap?.priorityGroup ?? null,
        gapDiagnosisGroup: gap?.diagnosisGroup ?? null,
        gapFormat: gap?.format ?? null,
        gapLanguage: gap?.language ?? null,
        gapAudience: gap?.audience ?? null,
        note: input.note,
        ownerId: input.ownerId,
        dueOn: new Date(input.dueOn),
        raisedById: who.personId,
      },
    });
    await record({
      action: "forum_flag.raise",
      entityType: "ForumFlag",
      entityId: flag.id,
      organisationId: input.healthCommunityId,
      changes: { created: input },
      event: {
        type: "forum_flag.raised",
        payload: {
          id: flag.id,
          version: flag.version,
          healthCommunityId: flag.healthCommunityId,
          ownerId: flag.ownerId,
          kind: flag.kind,
          dueOn: isoDay(flag.dueOn) as string,
        },
      },
    });
    return { id: flag.id };
  });
}
