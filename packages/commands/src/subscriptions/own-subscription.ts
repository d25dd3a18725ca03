import type { SubscriptionKind } from "@samspill/database";
import {
  cancelMySubscriptionInput,
  DomainValidationError,
  type FieldIssue,
  ForbiddenError,
  parseInput,
  type SaveMySubscriptionInput,
  saveMySubscriptionInput,
} from "@samspill/domain";
import { type Actor, requireSignedIn } from "../actor.js";
import { type Tx, transact, type Unit, type Work } from "../unit-of-work.js";

// A signed-in person's own mail subscriptions (the page /subscriptions): start or change one,
// and stop it. Only ever the caller's own: the person comes from the actor, never the input,
// so there is nothing to aim at someone else's. API tokens act for an organisation, not a
// person, and are refused.

function ownPerson(actor: Actor | null): { actor: Actor; personId: string } {
  const signedIn = requireSignedIn(actor);
  if (signedIn.kind !== "PERSON" || !signedIn.personId) {
    throw new ForbiddenError("Only a signed-in person has mail subscriptions of their own");
  }
  return { actor: signedIn, personId: signedIn.personId };
}

const issue = (field: string, message: string, messageNb: string, messageNn: string): FieldIssue => ({
  field,
  code: "unknown_reference",
  message,
  messageNb,
  messageNn,
});

/** Refuses municipality numbers and hospital trusts that do not exist, naming the field. */
async function checkReferences(tx: Tx, input: SaveMySubscriptionInput): Promise<void> {
  const [municipalities, trusts] = await Promise.all([
    tx.municipality.findMany({
      where: { number: { in: input.municipalityNumbers } },
      select: { number: true },
    }),
    tx.organisation.findMany({
      where: { id: { in: input.hospitalTrustIds }, kind: "HOSPITAL_TRUST" },
      select: { id: true },
    }),
  ]);
  const known = new Set([...municipalities.map((m) => m.number), ...trusts.map((t) => t.id)]);
  const issues: FieldIssue[] = [
    ...input.municipalityNumbers.flatMap((n, i) =>
      known.has(n)
        ? []
        : [
            issue(
              `municipalityNumbers.${i}`,
              `No municipality ${n}`,
              `Ingen kommune ${n}`,
              `Ingen kommune ${n}`,
            ),
          ],
    ),
    ...input.hospitalTrustIds.flatMap((id, i) =>
      known.has(id)
        ? []
        : [
            issue(
              `hospitalTrustIds.${i}`,
              "Not a hospital trust",
              "Ikke et helseforetak",
              "Ikkje eit helseføretak",
            ),
          ],
    ),
  ];
  if (issues.length > 0) throw new DomainValidationError(issues);
}

/** Starts the caller's subscription of a kind, or changes its filter (and starts it again). Returns its id. */
export function saveMySubscription(unit: Unit, actor: Actor | null, raw: unknown): Promise<string> {
  const { actor: person, personId } = ownPerson(actor);
  const input = parseInput(saveMySubscriptionInput, raw);
  return transact(unit, person, async ({ tx, record }) => {
    await checkReferences(tx, input);
    const { kind, ...filter } = input;
    const stored = await tx.subscription.findUnique({ where: { personId_kind: { personId, kind } } });
    const row = stored
      ? await tx.subscription.update({ where: { id: stored.id }, data: { ...filter, active: true } })
      : await tx.subscription.create({ data: { personId, kind, ...filter } });
    await record({
      action: stored ? "subscription.update" : "subscription.create",
      entityType: "Subscription",
      entityId: row.id,
      organisationId: null,
      changes: { kind, ...filter, active: true },
      event: stored
        ? { type: "subscription.updated", payload: { id: row.id, kind, active: true } }
        : { type: "subscription.created", payload: { id: row.id, kind } },
    });
    return row.id;
  });
}

/** Stops the caller's subscription of a kind (the filter is kept for a later restart). */
export function cancelMySubscription(unit: Unit, actor: Actor | null, raw: unknown): Promise<string> {
  const { actor: person, personId } = ownPerson(actor);
  const { kind } = parseInput(cancelMySubscriptionInput, raw);
  return transact(unit, person, (work) => stopSubscription(work.tx, work.record, personId, kind, "page"));
}

/**
 * Stops a subscription, once: an inactive row is left as it is (a second click of a link
 * records nothing). Reminders go to admins and editors without a row, so stopping them stores
 * an inactive one.
 */
export async function stopSubscription(
  tx: Tx,
  record: Work["record"],
  personId: string,
  kind: SubscriptionKind,
  via: "page" | "unsubscribe-link",
): Promise<string> {
  const stored = await tx.subscription.findUnique({ where: { personId_kind: { personId, kind } } });
  if (stored && !stored.active) return stored.id;
  const row = stored
    ? await tx.subscription.update({ where: { id: stored.id }, data: { active: false } })
    : await tx.subscription.create({ data: { personId, kind, municipalityNumbers: [], active: false } });
  await record({
    action: "subscription.cancel",
    entityType: "Subscription",
    entityId: row.id,
    organisationId: null,
    changes: { kind, active: false, via },
    event: { type: "subscription.cancelled", payload: { id: row.id, kind, via } },
  });
  return row.id;
}
