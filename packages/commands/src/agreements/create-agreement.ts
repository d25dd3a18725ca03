import { assertNoIssues, createAgreementInput, parseInput } from "@samspill/domain";
import { type Actor, requireSignedIn } from "../actor.js";
import { transact, type Unit } from "../unit-of-work.js";
import {
  actingOrganisation,
  agreementPayload,
  dateOrNull,
  partyKindIssues,
  responsibilityData,
} from "./agreement-rows.js";

/**
 * Registers an agreement. The actor must be an admin or editor of one of its parties; the
 * coordinating party is the one named, else the organisation the actor registers it for.
 */
export async function createAgreement(
  unit: Unit,
  actor: Actor | null,
  raw: unknown,
): Promise<{ id: string }> {
  const input = parseInput(createAgreementInput, raw);
  const who = requireSignedIn(actor);
  const acting = actingOrganisation(
    who,
    input.parties.map((p) => p.organisationId),
  );
  return transact(unit, who, async ({ tx, record }) => {
    assertNoIssues(await partyKindIssues(tx, input.parties));
    const agreement = await tx.agreement.create({
      data: {
        title: input.title,
        subAgreement: input.subAgreement ?? null,
        description: input.description,
        validFrom: new Date(input.validFrom),
        validTo: dateOrNull(input.validTo),
        status: input.status,
        documentUrl: input.documentUrl ?? null,
        coordinatorId: input.coordinatorId ?? acting,
        parties: {
          create: input.parties.map((p) => ({ organisationId: p.organisationId, role: p.role })),
        },
        responsibilities: { create: input.responsibilities.map(responsibilityData) },
      },
      select: { id: true, version: true, validTo: true, status: true },
    });
    await record({
      action: "agreement.create",
      entityType: "Agreement",
      entityId: agreement.id,
      organisationId: acting,
      changes: { created: input },
      event: { type: "agreement.created", payload: agreementPayload(agreement.id, agreement) },
    });
    return { id: agreement.id };
  });
}
