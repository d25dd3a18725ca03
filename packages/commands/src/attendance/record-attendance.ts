import { DomainValidationError, fieldIssue, parseInput, recordAttendanceInput } from "@samspill/domain";
import { type Actor, reportingRoles, requireRole, requireSignedIn } from "../actor.js";
import { transact, type Unit } from "../unit-of-work.js";
import { assertOpenForAttendance, loadRun } from "./run-of.js";

// The provider ticks who came among the run's confirmed sign-ups. Names stay out of the audit
// trail and the event: they hold the sign-ups' ids and counts only.

/** Records attendance of confirmed sign-ups, as the provider's ADMIN, EDITOR or REPORTER. */
export async function recordAttendance(unit: Unit, actor: Actor | null, raw: unknown) {
  const input = parseInput(recordAttendanceInput, raw);
  return transact(unit, requireSignedIn(actor), async ({ tx, record }) => {
    const run = await loadRun(tx, input.sessionId);
    requireRole(actor, run.offer.providerId, reportingRoles);
    assertOpenForAttendance(run);
    const ids = input.marks.map((m) => m.signUpId);
    const confirmed = await tx.sessionSignUp.findMany({
      where: { id: { in: ids }, sessionId: input.sessionId, status: "CONFIRMED" },
      select: { id: true },
    });
    const known = new Set(confirmed.map((s) => s.id));
    const unknown = input.marks.flatMap((m, i) => (known.has(m.signUpId) ? [] : [i]));
    if (unknown.length > 0)
      throw new DomainValidationError(
        unknown.map((i) =>
          fieldIssue(
            `marks.${i}.signUpId`,
            "not_a_participant",
            "Not a confirmed participant of this course run",
            "Ikke en bekreftet deltaker på dette kurset",
            "Ikkje ein stadfesta deltakar på dette kurset",
          ),
        ),
      );
    for (const attended of [true, false]) {
      const of = input.marks.filter((m) => m.attended === attended).map((m) => m.signUpId);
      if (of.length > 0)
        await tx.sessionSignUp.updateMany({
          where: { id: { in: of } },
          data: { attended, version: { increment: 1 } },
        });
    }
    const attended = await tx.sessionSignUp.count({
      where: { sessionId: input.sessionId, status: "CONFIRMED", attended: true },
    });
    await record({
      action: "attendance.record",
      entityType: "SessionAttendance",
      entityId: input.sessionId,
      organisationId: run.offer.providerId,
      changes: {
        present: input.marks.filter((m) => m.attended).map((m) => m.signUpId),
        absent: input.marks.filter((m) => !m.attended).map((m) => m.signUpId),
      },
      event: {
        type: "attendance.recorded",
        payload: { id: input.sessionId, offerId: run.offerId, attended },
      },
    });
    return { sessionId: input.sessionId, attended };
  });
}
