import { personMailHeader, recordSensitiveRead } from "@samspill/commands";
import type { Prisma } from "@samspill/database";
import type { DigestPreview } from "@samspill/mail";
import { z } from "zod";
import { isRegionalAdmin } from "../admin/regional-admin.js";
import { builder } from "../builder.js";
import { unitOf } from "../commands.js";
import type { Context } from "../context.js";
import { pagedList, takePage } from "../list-page.js";

// Mail the hub sends, seen from the web app: the messages the local SMTP sink captured (the
// embedded default has no real mail server) and a preview of a person's next weekly digest.

builder.prismaObject("CapturedMail", {
  description: "A message the local SMTP sink received instead of delivering it.",
  fields: (t) => ({
    id: t.exposeID("id"),
    messageId: t.exposeString("messageId", { nullable: true }),
    from: t.exposeString("from"),
    to: t.exposeStringList("to", { description: "The envelope recipients." }),
    subject: t.exposeString("subject"),
    text: t.exposeString("text"),
    html: t.exposeString("html", {
      nullable: true,
      description: "The HTML as sent. Show it only in a sandboxed iframe (no scripts, no same origin).",
    }),
    size: t.exposeInt("size"),
    receivedAt: t.expose("receivedAt", { type: "DateTime" }),
  }),
});

const DigestPreviewRef = builder.objectRef<DigestPreview>("DigestPreview").implement({
  description: "The weekly digest a person would get if it were sent now; nothing is sent or recorded.",
  fields: (t) => ({
    periodKey: t.exposeString("periodKey", { description: "ISO week, e.g. 2026-W48." }),
    since: t.expose("since", { type: "DateTime", description: "Changes after this time are included." }),
    subject: t.exposeString("subject"),
    html: t.exposeString("html"),
    text: t.exposeString("text"),
    empty: t.exposeBoolean("empty", { description: "Nothing to report: the job would send no mail." }),
    active: t.exposeBoolean("active", { description: "False when the subscription is switched off." }),
  }),
});

interface DigestRecipient {
  personId: string;
  name: string;
  email: string;
  organisations: string[];
  active: boolean;
}

const DigestRecipientRef = builder.objectRef<DigestRecipient>("DigestRecipient").implement({
  description: "A person with a weekly digest subscription, whose next digest you may preview.",
  fields: (t) => ({
    personId: t.exposeID("personId"),
    name: t.exposeString("name"),
    email: t.exposeString("email"),
    organisations: t.exposeStringList("organisations", { description: "Where the person is a member." }),
    active: t.exposeBoolean("active", { description: "False when the subscription is switched off." }),
  }),
});

/** Subscribers an admin may preview, by name: a page of them for the preview picker. */
const recipientsPage = pagedList("digestRecipients", { default: 200, max: 500 });

const adminOf = (ctx: Context) =>
  ctx.viewer?.memberships.filter((m) => m.role === "ADMIN").map((m) => m.organisationId) ?? [];

/** Mails to members of the organisations the viewer administers. */
async function ownMails(ctx: Context): Promise<Prisma.CapturedMailWhereInput> {
  const members = await ctx.db.person.findMany({
    where: { memberships: { some: { organisationId: { in: adminOf(ctx) } } } },
    select: { email: true },
  });
  return { to: { hasSome: members.map((m) => m.email) } };
}

/**
 * Mails to course participants (the sign-up flow) carry a name and a private link to the
 * person's sign-up: they are no admin's to read, so the view leaves them out for everyone.
 */
const notToParticipants: Prisma.CapturedMailWhereInput = {
  OR: [
    { NOT: { headers: { array_contains: [{ key: personMailHeader.toLowerCase() }] } } },
    // array_contains is unknown (not false) for headers stored as no array, which NOT would
    // drop: a mail stored without header lines carries no participant's marker.
    { headers: { equals: {} } },
  ],
};

/** Captured mails the viewer may read: all for RHF admins, else those to members of orgs they administer. */
async function visibleMails(ctx: Context): Promise<Prisma.CapturedMailWhereInput> {
  const reach = (await isRegionalAdmin(ctx.db, ctx.viewer)) ? {} : await ownMails(ctx);
  return { AND: [reach, notToParticipants] };
}

/** Logs an RHF admin's read of mails to other organisations' members (see recordSensitiveRead). */
async function logOthersMail(ctx: Context, subject: string, mailId?: string): Promise<void> {
  if (!(await isRegionalAdmin(ctx.db, ctx.viewer))) return;
  if (mailId) {
    const own = await ctx.db.capturedMail.count({ where: { AND: [{ id: mailId }, await ownMails(ctx)] } });
    if (own > 0) return;
  }
  await recordSensitiveRead(unitOf(ctx), ctx.viewer, { kind: "mail", subject, organisationId: null });
}

/** Logs a preview of the digest of someone who shares no organisation with the viewer. */
async function logOthersPreview(ctx: Context, personId: string): Promise<void> {
  if (ctx.viewer?.personId === personId) return;
  const theirs = await ctx.db.membership.findMany({ where: { personId }, select: { organisationId: true } });
  const own = new Set(ctx.viewer?.memberships.map((m) => m.organisationId));
  if (theirs.some((m) => own.has(m.organisationId))) return;
  await recordSensitiveRead(unitOf(ctx), ctx.viewer, {
    kind: "mailPreview",
    subject: personId,
    organisationId: theirs[0]?.organisationId ?? null,
  });
}

/** The viewer themself, an RHF admin, or an ADMIN of an organisation the person belongs to. */
async function mayPreviewFor(ctx: Context, personId: string): Promise<boolean> {
  if (!ctx.viewer) return false;
  if (ctx.viewer.personId === personId) return true;
  if (!z.uuid().safeParse(personId).success) return false;
  const shared = await ctx.db.membership.count({
    where: { personId, organisationId: { in: adminOf(ctx) } },
  });
  return shared > 0 || (await isRegionalAdmin(ctx.db, ctx.viewer));
}

builder.queryFields((t) => ({
  sentMails: t.prismaConnection({
    type: "CapturedMail",
    cursor: "id",
    description:
      "Mails the local SMTP sink captured, newest first (admins: RHF admins see all, others those to their members); never mails to course participants.",
    maxSize: 100,
    authScopes: (_root, _args, ctx) => adminOf(ctx).length > 0,
    resolve: async (query, _root, _args, ctx) => {
      await logOthersMail(ctx, "list");
      return ctx.db.capturedMail.findMany({
        ...query,
        where: await visibleMails(ctx),
        orderBy: { id: "desc" },
      });
    },
  }),
  sentMail: t.prismaField({
    type: "CapturedMail",
    nullable: true,
    description: "One captured mail, or null when it does not exist or is not among those you may read.",
    args: { id: t.arg.id({ required: true }) },
    authScopes: (_root, _args, ctx) => adminOf(ctx).length > 0,
    resolve: async (query, _root, args, ctx) => {
      const id = String(args.id);
      if (!z.uuid().safeParse(id).success) return null;
      const mail = await ctx.db.capturedMail.findFirst({
        ...query,
        where: { AND: [{ id }, await visibleMails(ctx)] },
      });
      if (mail) await logOthersMail(ctx, id, id);
      return mail;
    },
  }),
  digestRecipients: t.field({
    type: [DigestRecipientRef],
    description:
      "Weekly digest subscribers whose digest you may preview, by name: all for RHF admins, else members of the organisations you administer (and you).",
    args: recipientsPage.args,
    complexity: recipientsPage.complexity,
    authScopes: (_root, _args, ctx) => adminOf(ctx).length > 0,
    resolve: async (_root, args, ctx) => {
      const everyone = await isRegionalAdmin(ctx.db, ctx.viewer);
      const subscriptions = await ctx.db.subscription.findMany({
        ...takePage(recipientsPage.page(args)),
        where: {
          kind: "WEEKLY_DIGEST",
          ...(everyone
            ? {}
            : {
                person: {
                  OR: [
                    { memberships: { some: { organisationId: { in: adminOf(ctx) } } } },
                    ...(ctx.viewer?.personId ? [{ id: ctx.viewer.personId }] : []),
                  ],
                },
              }),
        },
        select: {
          active: true,
          person: {
            select: {
              id: true,
              name: true,
              email: true,
              memberships: { select: { organisation: { select: { name: true } } } },
            },
          },
        },
        orderBy: [{ person: { name: "asc" } }, { personId: "asc" }],
      });
      return subscriptions.map(({ active, person }) => ({
        personId: person.id,
        name: person.name,
        email: person.email,
        organisations: [...new Set(person.memberships.map((m) => m.organisation.name))],
        active,
      }));
    },
  }),
  previewDigest: t.field({
    type: DigestPreviewRef,
    nullable: true,
    description:
      "Renders the person's next weekly digest without sending it; null without a weekly subscription.",
    args: { personId: t.arg.id({ required: true }) },
    authScopes: (_root, args, ctx) => mayPreviewFor(ctx, String(args.personId)),
    resolve: async (_root, args, ctx) => {
      await logOthersPreview(ctx, String(args.personId));
      // On demand: the digest's templates bring React Email, which nothing else in the gateway uses.
      const { previewDigest } = await import("./digest-preview.js");
      return previewDigest(ctx.db, String(args.personId), {
        publicUrl: ctx.publicUrl,
        smallCountThreshold: ctx.smallCountThreshold,
      });
    },
  }),
}));
