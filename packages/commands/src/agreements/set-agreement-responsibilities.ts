import {
  assertNoIssues,
  ForbiddenError,
  parseInput,
  responsibilityIssues,
  setAgreementResponsibilitiesInput,
} from "@samspill/domain";
import { type Actor, editorRoles, holdsRole, requireSignedIn } from "../actor.js";
import { transact, type Unit } from "../unit-of-work.js";
import { agreementPayload, asPartyEditor, responsibilityData, writeAgreement } from "./agreement-rows.js";

type Side = ReturnType<typeof responsibilityData>;

/** One organisation's responsibilities, in a form that compares equal whatever their order. */
function sideOf(rows: readonly Side[], organisationId: string): string {
  return JSON.stringify(
    rows
      .filter((r) => r.organisationId === organisationId)
      .map((r) => JSON.stringify(responsibilityData({ ...r, diagnosisScope: r.diagnosisScope ?? undefined })))
      .sort(),
  );
}

/**
 * Each party answers for its own side: the responsibilities of an organisation the actor does not
 * edit for must come back exactly as they were (the input replaces the whole list).
 */
function assertOnlyOwnSide(actor: Actor | null, before: readonly Side[], after: readonly Side[]) {
  const organisations = new Set([...before, ...after].map((r) => r.organisationId));
  for (const organisationId of organisations) {
    if (holdsRole(actor, organisationId, editorRoles)) continue;
    if (sideOf(before, organisationId) !== sideOf(after, organisationId))
      throw new ForbiddenError(
        "A party edits only its own responsibilities / En part endrer bare sine egne ansvarsområder",
      );
  }
}

/**
 * Replaces what each party takes on; each responsibility must belong to a party, and an editor
 * changes only the responsibilities of the organisations they edit for.
 */
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
    assertOnlyOwnSide(actor, before.responsibilities, responsibilities.map(responsibilityData));
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
