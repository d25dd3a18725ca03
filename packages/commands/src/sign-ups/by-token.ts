import {
  activeSignUpStatuses,
  DomainValidationError,
  fieldIssue,
  parseInput,
  type SignUpStatus,
  signUpTokenInput,
  updateSignUpInput,
} from "@samspill/domain";
import { type Actor, systemActor } from "../actor.js";
import { type Tx, transact, type Unit } from "../unit-of-work.js";
import { anonymiseRows } from "./anonymise.js";
import { signUpIdForToken } from "./links.js";
import { lockSession } from "./seats.js";
import { changeStatus } from "./transitions.js";

// What a person does through their private link: change their own details, cancel, or delete
// their data at once. The link is the authority (no account); it is refused as NotFound when
// unknown, so a guessed token learns nothing.

const linkHolder = systemActor("Privat påmeldingslenke");

/** Loads the sign-up a token opens, after locking its session (status changes need the lock). */
async function openLocked(tx: Tx, token: string) {
  const id = await signUpIdForToken(tx, token);
  const { sessionId } = await tx.sessionSignUp.findUniqueOrThrow({
    where: { id },
    select: { sessionId: true },
  });
  const session = await lockSession(tx, sessionId);
  const signUp = await tx.sessionSignUp.findUniqueOrThrow({
    where: { id },
    select: { id: true, status: true },
  });
  return { session, signUp };
}

function ensureActive(status: SignUpStatus) {
  if (!activeSignUpStatuses.includes(status))
    throw new DomainValidationError([
      fieldIssue(
        "token",
        "not_active",
        "This sign-up is no longer active",
        "Denne påmeldingen er ikke lenger aktiv",
        "Denne påmeldinga er ikkje lenger aktiv",
      ),
    ]);
}

/** Changes the person's own details; only which fields changed goes to the audit trail. */
export async function updateSignUpByToken(
  unit: Unit,
  _actor: Actor | null,
  raw: unknown,
): Promise<{ id: string }> {
  const { token, ...fields } = parseInput(updateSignUpInput, raw);
  return transact(unit, linkHolder, async ({ tx, record }) => {
    const id = await signUpIdForToken(tx, token);
    const before = await tx.sessionSignUp.findUniqueOrThrow({
      where: { id },
      select: {
        email: true,
        phone: true,
        status: true,
        session: { select: { offer: { select: { providerId: true } } } },
      },
    });
    ensureActive(before.status);
    const email = fields.email === undefined ? before.email : fields.email;
    const phone = fields.phone === undefined ? before.phone : fields.phone;
    if (!email && !phone)
      throw new DomainValidationError([
        fieldIssue(
          "email",
          "contact_required",
          "Give an e-mail address or a phone number",
          "Oppgi e-postadresse eller telefonnummer",
          "Oppgi e-postadresse eller telefonnummer",
        ),
      ]);
    await tx.sessionSignUp.update({ where: { id }, data: { ...fields, version: { increment: 1 } } });
    await record({
      action: "signup.update",
      entityType: "SessionSignUp",
      entityId: id,
      organisationId: before.session.offer.providerId,
      changes: { fields: Object.keys(fields).filter((k) => fields[k as keyof typeof fields] !== undefined) },
    });
    return { id };
  });
}

/** Cancels through the link; a held seat is freed and the waiting list moves (worker, by event). */
export async function cancelSignUpByToken(
  unit: Unit,
  _actor: Actor | null,
  raw: unknown,
): Promise<{ id: string }> {
  const { token } = parseInput(signUpTokenInput, raw);
  return transact(unit, linkHolder, async (work) => {
    const { session, signUp } = await openLocked(work.tx, token);
    ensureActive(signUp.status);
    await changeStatus(work, session, signUp, "CANCELLED", "signup.cancel", { cancelledAt: new Date() });
    return { id: signUp.id };
  });
}

/**
 * Deletes the person's data now: cancels an active sign-up (freeing its seat) and anonymises it
 * at once instead of after the retention period. The link stops working.
 */
export async function deleteSignUpByToken(
  unit: Unit,
  _actor: Actor | null,
  raw: unknown,
): Promise<{ id: string }> {
  const { token } = parseInput(signUpTokenInput, raw);
  return transact(unit, linkHolder, async (work) => {
    const { session, signUp } = await openLocked(work.tx, token);
    const now = new Date();
    if (activeSignUpStatuses.includes(signUp.status))
      await changeStatus(work, session, signUp, "CANCELLED", "signup.cancel", { cancelledAt: now });
    await anonymiseRows(work.tx, [signUp.id], now);
    await work.record({
      action: "signup.anonymise",
      entityType: "SessionSignUp",
      entityId: signUp.id,
      organisationId: session.providerId,
      changes: { anonymised: true, by: "person" },
    });
    return { id: signUp.id };
  });
}
