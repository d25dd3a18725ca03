import {
  parseInput,
  upsertMembershipInput,
  upsertPersonInput,
  upsertSubscriptionInput,
} from "@samspill/domain";
import { type Actor, requireSignedIn } from "../actor.js";
import { applyImport, type Imported } from "../imports/apply-import.js";
import { transact, type Unit } from "../unit-of-work.js";
import { requireRegionalAdmin } from "./regional-admin.js";

// People and what ties them to organisations. Personal data: the audit entry holds what changed,
// as every other write of a person does.

export async function upsertPerson(unit: Unit, actor: Actor | null, raw: unknown): Promise<Imported> {
  const { id, ...data } = parseInput(upsertPersonInput, raw);
  return transact(unit, requireSignedIn(actor), async (work) => {
    await requireRegionalAdmin(work.tx, actor);
    return applyImport(work, {
      entityType: "Person",
      action: "person",
      id,
      organisationId: null,
      stored: await work.tx.person.findUnique({ where: { id } }),
      next: data,
      create: () => work.tx.person.create({ data: { id, ...data } }),
      update: () => work.tx.person.update({ where: { id }, data }),
    });
  });
}

/** Gives a person a role in an organisation (optionally within one of its units). */
export async function upsertMembership(unit: Unit, actor: Actor | null, raw: unknown): Promise<Imported> {
  const { id, ...data } = parseInput(upsertMembershipInput, raw);
  return transact(unit, requireSignedIn(actor), async (work) => {
    await requireRegionalAdmin(work.tx, actor);
    return applyImport(work, {
      entityType: "Membership",
      action: "membership",
      id,
      organisationId: data.organisationId,
      stored: await work.tx.membership.findUnique({ where: { id } }),
      next: data,
      create: () => work.tx.membership.create({ data: { id, ...data } }),
      update: () => work.tx.membership.update({ where: { id }, data }),
    });
  });
}

/** Signs a person up for a summary mail. */
export async function upsertSubscription(unit: Unit, actor: Actor | null, raw: unknown): Promise<Imported> {
  const { id, ...data } = parseInput(upsertSubscriptionInput, raw);
  return transact(unit, requireSignedIn(actor), async (work) => {
    await requireRegionalAdmin(work.tx, actor);
    return applyImport(work, {
      entityType: "Subscription",
      action: "subscription",
      id,
      organisationId: null,
      stored: await work.tx.subscription.findUnique({ where: { id } }),
      next: data,
      create: () => work.tx.subscription.create({ data: { id, ...data } }),
      update: () => work.tx.subscription.update({ where: { id }, data }),
    });
  });
}
