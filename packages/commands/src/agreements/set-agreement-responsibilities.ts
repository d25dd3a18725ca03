import {
  assertNoIssues,
  parseInput,
  responsibilityIssues,
  setAgreementResponsibilitiesInput,
} from "@samspill/domain";
import { type Actor, requireSignedIn } from "../actor.js";
import { transact, type Unit } from "../unit-of-work.js";
import { agreementPayload, asPartyEditor, responsibilityData, writeAgreement } from "./agreement-rows.js";

/** Replaces what each party takes on; each responsibility must belong to a party. */
export async function setAgreementResponsibilities(
  unit: Unit,
  actor: Actor | null,
  raw: unknown,
): Promise<{ id: string }> {
  const { agreementId: id, version, responsibilities } = parseInput(setAgreementResponsibilitiesInput, raw);
  return transact(unit, requireSignedIn(actor), async ({ tx, record }) => {
    const { agreement: before, acting } = asPartyEditor(
      actor,
      await tx.agreement.findUnique({
        where: { id },
        include: { parties: true, responsibilities: { orderBy: { id: "asc" } } },
      }),
    );
    assertNoIssues(
      responsibilityIssues(
        responsibilities,
        before.parties.map((p) => p.organisationId),
      ),
    );
    // The responsibilities are part of the agreement: replacing them is a new version of it.
    await writeAgreement(tx, id, version, {});
    await tx.agreementResponsibility.deleteMany({ where: { agreementId: id } });
    await tx.agreementResponsibility.createMany({
      data: responsibilities.map((r) => ({ agreementId: id, ...responsibilityData(r) })),
    });
    await record({
      action: "agreement.responsibilities",
      entityType: "Agreement",
      entityId: id,
      organisationId: acting,
      changes: {
        responsibilities: {
          from: before.responsibilities.map(({ agreementId: _a, id: _i, ...r }) => r),
          to: responsibilities.map(responsibilityData),
        },
      },
      event: {
        type: "agreement.updated",
        payload: agreementPayload(id, { ...before, version: version + 1 }),
      },
    });
    return { id };
  });
}
