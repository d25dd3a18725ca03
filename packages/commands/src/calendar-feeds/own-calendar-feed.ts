import { createHash, randomBytes } from "node:crypto";
import { ForbiddenError } from "@samspill/domain";
import { type Actor, requireSignedIn } from "../actor.js";
import { type Tx, transact, type Unit, type Work } from "../unit-of-work.js";

// A person's private calendar feed of their meetings: a link with a random token in it, which a
// calendar client polls without cookies. The token is shown once, in the answer to its creation;
// only its SHA-256 is stored (a high-entropy random secret needs no slow hash). A person has at
// most one live link: making a new one revokes the old, and revoking leaves the feed answering 404.
// Only ever the caller's own: the person comes from the actor, never the input. API tokens act
// for an organisation, not a person, and are refused.

export interface CreatedCalendarFeed {
  id: string;
  /** The clear token for the feed's URL; only its hash is stored. */
  token: string;
  createdAt: Date;
}

export function hashCalendarFeedToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** What a feed token looks like (43 base64url characters), checked before any database read. */
export const calendarFeedTokenPattern = /^[A-Za-z0-9_-]{43}$/;

function ownPerson(actor: Actor | null): { actor: Actor; personId: string } {
  const signedIn = requireSignedIn(actor);
  if (signedIn.kind !== "PERSON" || !signedIn.personId) {
    throw new ForbiddenError("Only a signed-in person has a calendar feed of their own");
  }
  return { actor: signedIn, personId: signedIn.personId };
}

/** Makes a new private feed link for the caller, revoking the one they had. */
export function createMyCalendarFeed(unit: Unit, actor: Actor | null): Promise<CreatedCalendarFeed> {
  const { actor: person, personId } = ownPerson(actor);
  const token = randomBytes(32).toString("base64url");
  return transact(unit, person, async ({ tx, record }) => {
    await revokeLive(tx, record, personId);
    const row = await tx.calendarFeed.create({ data: { personId, tokenHash: hashCalendarFeedToken(token) } });
    await record({
      action: "calendarFeed.create",
      entityType: "CalendarFeed",
      entityId: row.id,
      organisationId: null,
      changes: { createdAt: row.createdAt },
    });
    return { id: row.id, token, createdAt: row.createdAt };
  });
}

/** Revokes the caller's live feed link, if any; revoking twice records nothing the second time. */
export function revokeMyCalendarFeed(unit: Unit, actor: Actor | null): Promise<boolean> {
  const { actor: person, personId } = ownPerson(actor);
  return transact(unit, person, async ({ tx, record }) => (await revokeLive(tx, record, personId)) > 0);
}

async function revokeLive(tx: Tx, record: Work["record"], personId: string): Promise<number> {
  const live = await tx.calendarFeed.findMany({ where: { personId, revokedAt: null }, select: { id: true } });
  const revokedAt = new Date();
  for (const { id } of live) {
    // Conditional, so of two concurrent revocations only one writes and is audited.
    const { count } = await tx.calendarFeed.updateMany({
      where: { id, revokedAt: null },
      data: { revokedAt },
    });
    if (count === 1) {
      await record({
        action: "calendarFeed.revoke",
        entityType: "CalendarFeed",
        entityId: id,
        organisationId: null,
        changes: { revokedAt },
      });
    }
  }
  return live.length;
}
