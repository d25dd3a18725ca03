import {
  parseInput,
  upsertMembershipInput,
  upsertPersonInput,
  upsertSubscriptionInput,
} from "@samspill/domain";
import type { Actor } from "../actor.js";
import { importAsRegionalAdmin } from "../imports/admin-import.js";
import type { Imported } from "../imports/apply-import.js";
import type { Unit } from "../unit-of-work.js";

// People and what ties them to organisations. Personal data: the audit entry holds what changed,
// as every other write of a person does.

export function upsertPerson(unit: Unit, actor: Actor | null, raw: unknown): Promise<Imported> {
  const { id, ...data } = parseInput(upsertPersonInput, raw);
  return importAsRegionalAdmin(
    unit,
    actor,
    { entityType: "Person", action: "person", id, organisationId: null },
    async (tx) => ({
      next: data,
      stored: await tx.person.findUnique({ where: { id } }),
      create: () => tx.person.create({ data: { id, ...data } }),
      update: () => tx.person.update({ where: { id }, data }),
    }),
  );
}

/** Gives a person a role in an organisation (optionally within one of its units). */
export function upsertMembership(unit: Unit, actor: Actor | null, raw: unknown): Promise<Imported> {
  const { id, ...data } = parseInput(upsertMembershipInput, raw);
  const target = { entityType: "Membership", action: "membership", id, organisationId: data.organisationId };
  return importAsRegionalAdmin(unit, actor, target, async (tx) => ({
    next: data,
    stored: await tx.membership.findUnique({ where: { id } }),
    create: () => tx.membership.create({ data: { id, ...data } }),
    update: () => tx.membership.update({ where: { id }, data }),
  }));
}

/** Signs a person up for a summary mail. */
export function upsertSubscription(unit: Unit, actor: Actor | null, raw: unknown): Promise<Imported> {
  const { id, ...data } = parseInput(upsertSubscriptionInput, raw);
  return importAsRegionalAdmin(
    unit,
    actor,
    { entityType: "Subscription", action: "subscription", id, organisationId: null },
    async (tx) => ({
      next: data,
      stored: await tx.subscription.findUnique({ where: { id } }),
      create: () => tx.subscription.create({ data: { id, ...data } }),
      update: () => tx.subscription.update({ where: { id }, data }),
    }),
  );
}
