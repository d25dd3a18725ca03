import type { Prisma } from "@samspill/database";
import {
  agreementPeriodIssues,
  assertNoIssues,
  coordinatorIssues,
  ForbiddenError,
  fieldIssue,
  parseInput,
  partyIssues,
  responsibilityIssues,
  updateAgreementInput,
} from "@samspill/domain";
import { type Actor, requireSignedIn } from "../actor.js";
import { diff, transact, type Unit } from "../unit-of-work.js";
import {
  agreementPayload,
  dateOrNull,
  isoDay,
  notAPartyEditor,
  partyKindIssues,
  writeAgreement,
} from "./agreement-rows.js";
import { asCoordinatorEditor } from "./agreement-sides.js";

/**
 * Edits an agreement's shared fields; parties are replaced as a whole when given. Only the
 * coordinating party or a regional admin may (agreement-sides.ts). The period, party and
 * coordinator rules are checked on the agreement as it will stand.
 */
export async function updateAgreement(
  unit: Unit,
  actor: Actor | null,
  raw: unknown,
): Promise<{ id: string }> {
  const { id, version, parties, ...fields } = parseInput(updateAgreementInput, raw);
  return transact(unit, requireSignedIn(actor), async ({ tx, record }) => {
    const before = await tx.agreement.findUnique({
      where: { id },
      include: { parties: { orderBy: { organisationId: "asc" } }, responsibilities: true },
    });
    // An unknown id is refused like a foreign agreement.
    if (!before) throw new ForbiddenError(notAPartyEditor);
    const acting = await asCoordinatorEditor(tx, actor, before);
    const validFrom = fields.validFrom ?? isoDay(before.validFrom) ?? "";
    const validTo = fields.validTo !== undefined ? fields.validTo : isoDay(before.validTo);
    const subAgreement = fields.subAgreement !== undefined ? fields.subAgreement : before.subAgreement;
    const partiesBefore = before.parties.map((p) => ({ organisationId: p.organisationId, role: p.role }));
    const nextParties = parties ?? partiesBefore;
    const issues = [
      ...agreementPeriodIssues(validFrom, validTo),
      ...partyIssues(nextParties, Boolean(subAgreement)),
      // The coordinator hands over before it leaves: the coordinating party stays a party.
      ...coordinatorIssues(
        fields.coordinatorId ?? before.coordinatorId,
        nextParties.map((p) => p.organisationId),
      ),
    ];
    if (parties) {
      issues.push(...(await partyKindIssues(tx, parties)));
      // A party cannot leave while it still holds responsibilities under the agreement.
      const kept = parties.map((p) => p.organisationId);
      if (responsibilityIssues(before.responsibilities, kept).length > 0)
        issues.push(
          fieldIssue(
            "parties",
            "party_has_responsibilities",
            "Remove a party's responsibilities before removing the party",
            "Fjern partens ansvar før parten fjernes",
            "Fjern ansvaret til parten før parten blir fjerna",
          ),
        );
    }
    assertNoIssues(issues);
    const { validFrom: from, validTo: to, ...scalars } = fields;
    const data = {
      ...scalars,
      ...(from !== undefined ? { validFrom: new Date(from) } : {}),
      ...(to !== undefined ? { validTo: dateOrNull(to) } : {}),
    } satisfies Prisma.AgreementUncheckedUpdateManyInput;
    await writeAgreement(tx, id, version, data);
    if (parties) {
      await tx.agreementParty.deleteMany({ where: { agreementId: id } });
      await tx.agreementParty.createMany({ data: parties.map((p) => ({ agreementId: id, ...p })) });
    }
    const changes = diff(
      {
        ...before,
        validFrom: isoDay(before.validFrom),
        validTo: isoDay(before.validTo),
        parties: partiesBefore,
      },
      {
        ...fields,
        parties: parties
          ? [...parties].sort((a, b) => a.organisationId.localeCompare(b.organisationId))
          : undefined,
      },
    );
    await record({
      action: "agreement.update",
      entityType: "Agreement",
      entityId: id,
      organisationId: acting,
      changes,
      event: {
        type: "agreement.updated",
        payload: agreementPayload(id, { ...before, ...data, version: version + 1 }),
      },
    });
    return { id };
  });
}
