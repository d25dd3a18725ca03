import { importMeetingPointInput, parseInput } from "@samspill/domain";
import { type Actor, editorRoles, requireRole } from "../actor.js";
import { meetingPayload } from "../meetings/meeting-rows.js";
import { transact, type Unit } from "../unit-of-work.js";
import { applyImport, type Imported, presentOf } from "./apply-import.js";

/**
 * Creates or updates a meeting point named by the caller's id, with its participants, decisions
 * and follow-ups (each named by its own id). Participants stored but not listed stay.
 */
export async function importMeetingPoint(unit: Unit, actor: Actor | null, raw: unknown): Promise<Imported> {
  const input = parseInput(importMeetingPointInput, raw);
  const who = requireRole(actor, input.organiserId, editorRoles);
  return transact(unit, who, async (work) => {
    const { tx } = work;
    const { id, participantIds, decisions, followUps, ...fields } = input;
    const before = await tx.meetingPoint.findUnique({
      where: { id },
      include: {
        participants: { select: { organisationId: true } },
        decisions: { where: { id: { in: decisions.map((d) => d.id) } } },
        followUps: { where: { id: { in: followUps.map((f) => f.id) } } },
      },
    });
    if (before) requireRole(actor, before.organiserId, editorRoles);
    // Compared as JSON so a changed decision or follow-up counts, whichever of its fields changed.
    const asJson = <T extends { id: string }>(rows: readonly T[], pick: (row: T) => object) =>
      rows.map((row) => JSON.stringify(pick(row))).sort();
    const decision = (d: { id: string; text: string; decidedAt: Date }) => [d.id, d.text, d.decidedAt];
    const followUp = (f: (typeof followUps)[number]) => [f.id, f.text, f.responsibleOrgId, f.dueOn, f.status];
    const stored = before && {
      ...before,
      participantIds: presentOf(
        participantIds,
        before.participants.map((p) => p.organisationId),
      ),
      decisions: asJson(before.decisions, decision),
      followUps: asJson(before.followUps, followUp),
    };
    const next = {
      ...fields,
      participantIds: presentOf(participantIds, participantIds),
      decisions: asJson(decisions, decision),
      followUps: asJson(followUps, followUp),
    };
    const writeParts = async () => {
      await tx.meetingParticipant.createMany({
        data: participantIds.map((organisationId) => ({ meetingPointId: id, organisationId })),
        skipDuplicates: true,
      });
      for (const { id: did, ...d } of decisions) {
        const data = { meetingPointId: id, ...d };
        await tx.meetingDecision.upsert({ where: { id: did }, create: { id: did, ...data }, update: data });
      }
      for (const { id: fid, ...f } of followUps) {
        const data = { meetingPointId: id, ...f };
        await tx.followUp.upsert({ where: { id: fid }, create: { id: fid, ...data }, update: data });
      }
    };
    return applyImport(work, {
      entityType: "MeetingPoint",
      action: "meeting_point",
      id,
      organisationId: fields.organiserId,
      stored,
      next,
      create: () => tx.meetingPoint.create({ data: { id, ...fields } }),
      update: () => tx.meetingPoint.update({ where: { id }, data: { ...fields, version: { increment: 1 } } }),
      writeParts,
      event: (outcome) =>
        outcome === "CREATED" || !before
          ? { type: "meeting_point.created", payload: meetingPayload({ id, version: 1, ...fields }) }
          : {
              type: "meeting_point.updated",
              payload: meetingPayload({ id, version: before.version + 1, ...fields }),
            },
    });
  });
}
