import {
  DomainValidationError,
  ForbiddenError,
  parseInput,
  type Role,
  removeMembershipInput,
  updateMembershipInput,
} from "@samspill/domain";
import { type Actor, requireSignedIn } from "../actor.js";
import { diff, type Tx, transact, type Unit } from "../unit-of-work.js";
import { lockOrganisation, requireOrganisationAdmin } from "./access.js";
import { refuseTaken } from "./unique.js";

// A person's role in an organisation, changed or taken away by the organisation's admins (or
// the regional admin). An organisation always keeps at least one admin: otherwise nobody could
// invite anyone to it again but the regional admin.

const membershipSelect = {
  id: true,
  organisationId: true,
  personId: true,
  role: true,
  unitId: true,
  title: true,
};

/** Loads the membership under its organisation's lock, once the caller is known to manage it. */
async function loadManaged(tx: Tx, actor: Actor | null, id: string) {
  const found = await tx.membership.findUnique({ where: { id }, select: { organisationId: true } });
  if (!found) throw new ForbiddenError();
  await requireOrganisationAdmin(tx, actor, found.organisationId);
  await lockOrganisation(tx, found.organisationId);
  // Read again under the lock: a concurrent change may have removed or changed it meanwhile.
  const membership = await tx.membership.findUnique({ where: { id }, select: membershipSelect });
  if (!membership) throw new ForbiddenError();
  return membership;
}

/** Refuses to leave the organisation without an admin when `membershipId` stops being one. */
async function keepAnAdmin(
  tx: Tx,
  membership: { id: string; organisationId: string; role: Role },
  field: string,
) {
  if (membership.role !== "ADMIN") return;
  const others = await tx.membership.count({
    where: { organisationId: membership.organisationId, role: "ADMIN", id: { not: membership.id } },
  });
  if (others > 0) return;
  throw new DomainValidationError([
    {
      field,
      code: "last_admin",
      message: "The organisation's last admin cannot be removed: make someone else admin first",
      messageNb:
        "Den siste administratoren i organisasjonen kan ikke fjernes: gjør noen andre til administrator først",
      messageNn:
        "Den siste administratoren i organisasjonen kan ikkje fjernast: gjer nokon andre til administrator først",
    },
  ]);
}

/** Changes a member's role, unit or title. */
export async function updateMembership(
  unit: Unit,
  actor: Actor | null,
  raw: unknown,
): Promise<{ id: string }> {
  const { id, ...data } = parseInput(updateMembershipInput, raw);
  return transact(unit, requireSignedIn(actor), async ({ tx, record }) => {
    const before = await loadManaged(tx, actor, id);
    if (data.role && data.role !== before.role) await keepAnAdmin(tx, before, "role");
    if (data.unitId) {
      const ownUnit = await tx.unit.count({
        where: { id: data.unitId, organisationId: before.organisationId },
      });
      if (ownUnit === 0)
        throw new DomainValidationError([
          {
            field: "unitId",
            code: "foreign_unit",
            message: "The unit belongs to another organisation",
            messageNb: "Enheten hører til en annen organisasjon",
            messageNn: "Eininga høyrer til ein annan organisasjon",
          },
        ]);
    }
    await refuseTaken(() => tx.membership.update({ where: { id }, data }));
    const role = data.role ?? before.role;
    await record({
      action: "membership.update",
      entityType: "Membership",
      entityId: id,
      organisationId: before.organisationId,
      changes: diff(before, data),
      event: {
        type: "membership.updated",
        payload: {
          id,
          organisationId: before.organisationId,
          personId: before.personId,
          role,
          previousRole: before.role,
        },
      },
    });
    return { id };
  });
}

/** Takes a role in an organisation away from a person (their other roles stay). */
export async function removeMembership(
  unit: Unit,
  actor: Actor | null,
  raw: unknown,
): Promise<{ id: string }> {
  const { id } = parseInput(removeMembershipInput, raw);
  return transact(unit, requireSignedIn(actor), async ({ tx, record }) => {
    const before = await loadManaged(tx, actor, id);
    await keepAnAdmin(tx, before, "id");
    await tx.membership.delete({ where: { id } });
    const { organisationId, personId, role } = before;
    await record({
      action: "membership.remove",
      entityType: "Membership",
      entityId: id,
      organisationId,
      changes: { removed: { personId, role } },
      event: { type: "membership.removed", payload: { id, organisationId, personId, role } },
    });
    return { id };
  });
}
