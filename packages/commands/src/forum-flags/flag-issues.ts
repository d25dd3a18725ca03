import { type FieldIssue, fieldIssue, type RaiseForumFlagInput } from "@samspill/domain";
import type { Tx } from "../unit-of-work.js";

// What a raised flag must hold: an owner that answers to the health community (the community
// itself or one of its members), a subject that exists, and a due date not already passed.

const unknown = (field: string, what: string, hva: string, kva: string) =>
  fieldIssue(
    field,
    `unknown_${field.split(".").at(-1)}`,
    `No such ${what}`,
    `${hva} finnes ikke`,
    `${kva} finst ikkje`,
  );

export async function raiseIssues(tx: Tx, input: RaiseForumFlagInput, today: string): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const ownerAnswers =
    input.ownerId === input.healthCommunityId ||
    (await tx.healthCommunityMember.count({
      where: { healthCommunityId: input.healthCommunityId, organisationId: input.ownerId },
    })) > 0;
  if (!ownerAnswers)
    issues.push(
      fieldIssue(
        "ownerId",
        "not_in_health_community",
        "The responsible organisation is not part of this health community",
        "Ansvarlig organisasjon er ikke med i dette helsefellesskapet",
        "Ansvarleg organisasjon er ikkje med i dette helsefellesskapet",
      ),
    );
  if (input.dueOn < today)
    issues.push(
      fieldIssue(
        "dueOn",
        "due_in_past",
        "The due date has already passed",
        "Fristen er allerede passert",
        "Fristen er alt passert",
      ),
    );
  if (input.offerId && !(await tx.offer.count({ where: { id: input.offerId } })))
    issues.push(unknown("offerId", "offer", "Tilbudet", "Tilbodet"));
  // Only an agreement the forum can see: one with the community or one of its members as party.
  const partyInCommunity = {
    OR: [
      { organisationId: input.healthCommunityId },
      { organisation: { communityMemberships: { some: { healthCommunityId: input.healthCommunityId } } } },
    ],
  };
  if (
    input.agreementId &&
    !(await tx.agreement.count({ where: { id: input.agreementId, parties: { some: partyInCommunity } } }))
  )
    issues.push(unknown("agreementId", "agreement", "Avtalen", "Avtalen"));
  const gap = input.gap;
  if (
    gap?.municipalityNumber &&
    !(await tx.municipality.count({ where: { number: gap.municipalityNumber } }))
  )
    issues.push(unknown("gap.municipalityNumber", "municipality", "Kommunen", "Kommunen"));
  if (
    gap?.hospitalTrustId &&
    !(await tx.organisation.count({ where: { id: gap.hospitalTrustId, kind: "HOSPITAL_TRUST" } }))
  )
    issues.push(unknown("gap.hospitalTrustId", "hospital trust", "Helseforetaket", "Helseføretaket"));
  return issues;
}

/** Refused when any of the flags is no longer open: a flag is resolved or dismissed once. */
export function notOpenIssues(flags: readonly { id: string; state: string }[], field: string): FieldIssue[] {
  return flags.flatMap((f, i) =>
    f.state === "OPEN"
      ? []
      : [
          fieldIssue(
            `${field}.${i}`,
            "flag_not_open",
            "The flag is already resolved or dismissed",
            "Flagget er allerede løst eller avvist",
            "Flagget er alt løyst eller avvist",
          ),
        ],
  );
}
