import { acceptInvitation, unitOf } from "@samspill/commands";
import type { Database } from "@samspill/database";
import type { Logger } from "pino";
import type { VerifiedSignIn } from "./relying-party.js";

// What a sign-in leads to before a session starts: an invitation it accepts (binding the
// signer's subject to the invited person), and the web pages for a link that no longer works
// and for someone who belongs nowhere. Those are pages of the web app, in the reader's language.

/** The web app's pages that sign-in sends people to (web/src/organisation-admin/routes.tsx). */
export const signInPages = {
  invitation: (token: string, problem?: string) =>
    `/invitations/${encodeURIComponent(token)}${problem ? `?problem=${encodeURIComponent(problem)}` : ""}`,
  noAccess: "/no-access",
};

export type InvitationAnswer = { ok: true } | { ok: false; redirectTo: string };

/** Accepts the invitation behind `token` for the signer; on any problem, where to show it. */
export async function acceptOnSignIn(
  db: Database,
  log: Logger,
  token: string,
  identity: VerifiedSignIn,
  requestId: string | null,
): Promise<InvitationAnswer> {
  try {
    const accepted = await acceptInvitation(unitOf(db, requestId), token, identity);
    if (accepted.outcome === "ACCEPTED" || accepted.outcome === "ALREADY_YOURS") {
      log.info(
        { personId: accepted.personId, organisationId: accepted.organisationId },
        "invitation accepted",
      );
      return { ok: true };
    }
    log.info({ outcome: accepted.outcome }, "sign-in: invitation not accepted");
    const problem = accepted.outcome === "EMAIL_TAKEN" ? "email-taken" : undefined;
    return { ok: false, redirectTo: signInPages.invitation(token, problem) };
  } catch (error) {
    // Another sign-in through the same link won the race: the page tells the link is used.
    log.warn({ err: error }, "sign-in: invitation could not be accepted");
    return { ok: false, redirectTo: signInPages.invitation(token) };
  }
}

/** True when the person holds no role anywhere: they see whom to ask instead of an empty app. */
export async function belongsNowhere(db: Database, personId: string): Promise<boolean> {
  return (await db.membership.count({ where: { personId } })) === 0;
}
