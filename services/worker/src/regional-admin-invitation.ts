import { invitePerson, systemActor, unitOf } from "@samspill/commands";
import type { Database } from "@samspill/database";
import { type InvitationLocale, links, type Mailer } from "@samspill/mail";
import { sendInvitationMail } from "./jobs/invitation-mail.js";

// A new region's first admin: nobody can sign in to invite them, so the operator does, as the
// system, through the same invitation command the admin pages use. The command draws the link
// at once (the mail job then leaves the invitation alone), the mail goes out as any invitation
// does, and the operator gets the link too, for a region whose mail is not set up yet.

export interface RegionalAdminInvitationInput {
  email: string;
  name?: string;
  /** The mail's language; by default the regional health authority's. */
  language?: InvitationLocale;
  /** Needed only when the database holds more than one regional health authority. */
  organisationId?: string;
  publicUrl: string;
  /** Null when no mail is configured (SMTP_URL unset): the link is only handed back. */
  mailer: Mailer | null;
}

export interface RegionalAdminInvitation {
  invitationId: string;
  organisationName: string;
  url: string;
  expiresAt: Date;
  /** Why no mail went out; null when it was sent. */
  notMailed: string | null;
}

export async function inviteRegionalAdmin(
  db: Database,
  input: RegionalAdminInvitationInput,
): Promise<RegionalAdminInvitation> {
  const organisationId = input.organisationId ?? (await theRegionalHealthAuthority(db));
  const { id, link } = await invitePerson(
    unitOf(db),
    systemActor("Regional admin invitation"),
    { organisationId, email: input.email, name: input.name ?? null, role: "ADMIN" },
    { issueLink: true },
  );
  if (!link) throw new Error("The invitation command drew no link");
  let notMailed: string | null = "SMTP_URL is not set";
  if (input.mailer) {
    try {
      await sendInvitationMail(input.mailer, input.publicUrl, link, input.language ?? link.locale);
      notMailed = null;
    } catch (error) {
      notMailed = error instanceof Error ? error.message : String(error);
    }
  }
  return {
    invitationId: id,
    organisationName: link.organisationName,
    url: links.invitation(input.publicUrl, link.token),
    expiresAt: link.expiresAt,
    notMailed,
  };
}

async function theRegionalHealthAuthority(db: Database): Promise<string> {
  const found = await db.organisation.findMany({
    where: { kind: "REGIONAL_HEALTH_AUTHORITY" },
    select: { id: true, name: true },
    take: 2,
  });
  if (found.length === 0)
    throw new Error("No regional health authority: run the migrate job (it loads the reference data) first");
  if (found.length > 1)
    throw new Error("More than one regional health authority: name one with --organisation");
  return found[0]!.id;
}
