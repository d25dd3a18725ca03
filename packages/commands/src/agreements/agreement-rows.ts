import type { Prisma } from "@samspill/database";
import {
  type AgreementPartyInput,
  type AgreementResponsibilityInput,
  type AgreementStatus,
  type FieldIssue,
  ForbiddenError,
  fieldIssue,
  partyRoleFits,
} from "@samspill/domain";
import { type Actor, editorRoles, holdsRole } from "../actor.js";
import { expectVersion, type Tx } from "../unit-of-work.js";

// What the agreement commands share. Parties edit an agreement together, each its own side
// (agreement-sides.ts); the audit trail names the party they acted for.

export const notAPartyEditor =
  "You must be an admin or editor in one of the parties / Du må være administrator eller redaktør hos en av partene";

/** The first of `organisationIds` in which the actor edits, or a ForbiddenError. */
export function actingOrganisation(actor: Actor | null, organisationIds: readonly string[]): string {
  const acting = organisationIds.find((id) => holdsRole(actor, id, editorRoles));
  if (!acting) throw new ForbiddenError(notAPartyEditor);
  return acting;
}

/**
 * The loaded agreement, if the actor edits for one of its parties. An unknown id is refused
 * like a foreign agreement, so the answer does not tell whether an agreement exists.
 */
export function asPartyEditor<A extends { parties: readonly { organisationId: string }[] }>(
  actor: Actor | null,
  agreement: A | null,
): { agreement: A; acting: string } {
  if (!agreement) throw new ForbiddenError(notAPartyEditor);
  return {
    agreement,
    acting: actingOrganisation(
      actor,
      agreement.parties.map((p) => p.organisationId),
    ),
  };
}

/** Applies `data` if the agreement still has the version the editor saw, and bumps it. */
export async function writeAgreement(
  tx: Tx,
  id: string,
  version: number,
  data: Prisma.AgreementUncheckedUpdateManyInput,
): Promise<void> {
  const updated = await tx.agreement.updateMany({
    where: { id, version },
    data: { ...data, version: { increment: 1 } },
  });
  await expectVersion(updated, "Agreement", id, version, () =>
    tx.agreement.findUnique({ where: { id }, select: { version: true } }),
  );
}

/** What an agreement event carries, from the row as it stands after the change. */
export function agreementPayload(
  id: string,
  row: { version: number; validTo: Date | null; status: AgreementStatus },
) {
  return { id, version: row.version, validTo: isoDay(row.validTo), status: row.status };
}

/** Party roles must match the organisations: a HOSPITAL_TRUST party is a hospital trust, and so on. */
export async function partyKindIssues(
  tx: Tx,
  parties: readonly AgreementPartyInput[],
): Promise<FieldIssue[]> {
  const orgs = await tx.organisation.findMany({
    where: { id: { in: parties.map((p) => p.organisationId) } },
    select: { id: true, kind: true },
  });
  const kinds = new Map(orgs.map((o) => [o.id, o.kind]));
  return parties.flatMap((p, i) => {
    const kind = kinds.get(p.organisationId);
    if (!kind)
      return [
        fieldIssue(
          `parties.${i}.organisationId`,
          "unknown_organisation",
          "No such organisation",
          "Organisasjonen finnes ikke",
          "Organisasjonen finst ikkje",
        ),
      ];
    if (!partyRoleFits(p.role, kind))
      return [
        fieldIssue(
          `parties.${i}.role`,
          "role_does_not_fit",
          `The organisation is a ${kind}, not a ${p.role}`,
          "Rollen passer ikke med organisasjonstypen",
          "Rolla passar ikkje med organisasjonstypen",
        ),
      ];
    return [];
  });
}

export const responsibilityData = (r: AgreementResponsibilityInput) =>
  ({
    organisationId: r.organisationId,
    description: r.description,
    diagnosisScope: r.diagnosisScope ?? null,
    offerKinds: r.offerKinds,
    audiences: r.audiences,
    priorityGroups: r.priorityGroups,
  }) satisfies Prisma.AgreementResponsibilityCreateManyAgreementInput;

export const dateOrNull = (d: string | null | undefined) => (d ? new Date(d) : null);
export const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
