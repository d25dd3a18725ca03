import { Prisma } from "@samspill/database";
import { DomainValidationError, fieldIssue, parseInput, reportPamEvaluationInput } from "@samspill/domain";
import { type Actor, reportingRoles, requireRole, requireSignedIn } from "../actor.js";
import { found, transact, type Unit } from "../unit-of-work.js";

// PAM (Patient Activation Measure) aggregates per offer and period, reported by the offer's
// provider: the provider is the reporter, so who may report follows from the offer.

/** Reports PAM aggregates for an offer, as its provider's ADMIN, EDITOR or REPORTER. */
export async function reportPamEvaluation(unit: Unit, actor: Actor | null, raw: unknown) {
  const input = parseInput(reportPamEvaluationInput, raw);
  try {
    return await transact(unit, requireSignedIn(actor), async ({ tx, record }) => {
      const offer = await found(
        tx.offer.findUnique({ where: { id: input.offerId }, select: { providerId: true } }),
        "Offer",
        input.offerId,
      );
      requireRole(actor, offer.providerId, reportingRoles);
      const evaluation = await tx.pamEvaluation.create({
        data: {
          ...input,
          reporterId: offer.providerId,
          periodStart: new Date(input.periodStart),
          periodEnd: new Date(input.periodEnd),
        },
      });
      await record({
        action: "pam.report",
        entityType: "PamEvaluation",
        entityId: evaluation.id,
        organisationId: offer.providerId,
        changes: { created: input },
        event: { type: "pam.reported", payload: { id: evaluation.id, offerId: input.offerId } },
      });
      return { id: evaluation.id };
    });
  } catch (error) {
    // The unique (offer, period) is the check: two concurrent reports cannot both pass it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw alreadyReported();
    throw error;
  }
}

const alreadyReported = () =>
  new DomainValidationError([
    fieldIssue(
      "periodStart",
      "already_reported",
      "PAM figures for this offer and period are already reported",
      "PAM-tall for dette tilbudet og denne perioden er allerede rapportert",
      "PAM-tal for dette tilbodet og denne perioden er alt rapporterte",
    ),
  ]);
