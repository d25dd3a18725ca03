import {
  DomainValidationError,
  type FieldIssue,
  fieldIssue,
  parseInput,
  recordPamResultsInput,
} from "@samspill/domain";
import { type Actor, reportingRoles, requireRole, requireSignedIn } from "../actor.js";
import { found, transact, type Unit } from "../unit-of-work.js";

// PAM results per participant of a course run, entered by the offer's provider from the
// evaluation tool. A participant's row holds the start and the end result; entering a phase
// again replaces that phase (a typing error is corrected by entering it anew). Pseudonyms stay
// out of the audit trail and the event: they are counted, not named.

/** Records start and/or end results for a session, as its provider's ADMIN, EDITOR or REPORTER. */
export async function recordPamResults(unit: Unit, actor: Actor | null, raw: unknown) {
  const input = parseInput(recordPamResultsInput, raw);
  return transact(unit, requireSignedIn(actor), async ({ tx, record }) => {
    const session = await found(
      tx.offerSession.findUnique({
        where: { id: input.sessionId },
        select: { startsAt: true, cancelled: true, offerId: true, offer: { select: { providerId: true } } },
      }),
      "OfferSession",
      input.sessionId,
    );
    const providerId = session.offer.providerId;
    requireRole(actor, providerId, reportingRoles);
    const issues: FieldIssue[] = [];
    if (session.cancelled)
      issues.push(
        fieldIssue(
          "sessionId",
          "session_cancelled",
          "The course run was cancelled: it has no PAM results",
          "Kurset ble avlyst: det har ingen PAM-resultater",
          "Kurset vart avlyst: det har ingen PAM-resultat",
        ),
      );
    // An end result before the course has started is a result entered on the wrong run.
    input.results.forEach((r, i) => {
      if (r.phase === "END" && session.startsAt > new Date())
        issues.push(
          fieldIssue(
            `results.${i}.phase`,
            "course_not_started",
            "End results can only be entered once the course has started",
            "Sluttresultater kan bare registreres når kurset har startet",
            "Sluttresultat kan berre registrerast når kurset har byrja",
          ),
        );
    });
    if (issues.length > 0) throw new DomainValidationError(issues);
    const ids: string[] = [];
    for (const r of input.results) {
      const fields =
        r.phase === "START"
          ? { levelStart: r.level, scoreStart: r.score ?? null }
          : { levelEnd: r.level, scoreEnd: r.score ?? null };
      const row = await tx.pamResult.upsert({
        where: { sessionId_pseudonym: { sessionId: input.sessionId, pseudonym: r.pseudonym } },
        create: { sessionId: input.sessionId, providerId, pseudonym: r.pseudonym, ...fields },
        update: { ...fields, version: { increment: 1 } },
        select: { id: true },
      });
      ids.push(row.id);
    }
    await record({
      action: "pam_results.record",
      entityType: "PamResult",
      entityId: input.sessionId,
      organisationId: providerId,
      changes: {
        resultIds: ids,
        start: input.results.filter((r) => r.phase === "START").length,
        end: input.results.filter((r) => r.phase === "END").length,
      },
      event: {
        type: "pam.results_changed",
        payload: { id: input.sessionId, offerId: session.offerId, results: input.results.length },
      },
    });
    return { sessionId: input.sessionId, ids };
  });
}
