import { type FieldIssue, fieldIssue, type RecordForumReviewInput } from "@samspill/domain";
import type { Tx } from "../unit-of-work.js";

/** The meeting must be this community's, and each follow-up go to the community or a member. */
export async function reviewIssues(tx: Tx, input: RecordForumReviewInput): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const meeting = await tx.meetingPoint.findUnique({
    where: { id: input.meetingPointId },
    select: { healthCommunityId: true },
  });
  if (!meeting)
    issues.push(
      fieldIssue(
        "meetingPointId",
        "unknown_meeting_point",
        "No such meeting point",
        "Møtepunktet finnes ikke",
        "Møtepunktet finst ikkje",
      ),
    );
  else if (meeting.healthCommunityId !== input.healthCommunityId)
    issues.push(
      fieldIssue(
        "meetingPointId",
        "other_health_community",
        "The meeting point does not belong to this health community",
        "Møtepunktet hører ikke til dette helsefellesskapet",
        "Møtepunktet høyrer ikkje til dette helsefellesskapet",
      ),
    );
  const members = new Set(
    (
      await tx.healthCommunityMember.findMany({
        where: {
          healthCommunityId: input.healthCommunityId,
          organisationId: { in: input.followUps.map((f) => f.responsibleOrgId) },
        },
        select: { organisationId: true },
      })
    ).map((m) => m.organisationId),
  );
  members.add(input.healthCommunityId);
  input.followUps.forEach((f, i) => {
    if (!members.has(f.responsibleOrgId))
      issues.push(
        fieldIssue(
          `followUps.${i}.responsibleOrgId`,
          "not_in_health_community",
          "The responsible organisation is not part of this health community",
          "Ansvarlig organisasjon er ikke med i dette helsefellesskapet",
          "Ansvarleg organisasjon er ikkje med i dette helsefellesskapet",
        ),
      );
  });
  return issues;
}
