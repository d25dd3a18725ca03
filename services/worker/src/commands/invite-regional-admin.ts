import { parseArgs } from "node:util";
import { createDatabase } from "@samspill/database";
import { writtenLanguages } from "@samspill/domain";
import { createMailer } from "@samspill/mail";
import { z } from "zod";
import { parseWorkerEnv } from "../env.js";
import { inviteRegionalAdmin } from "../regional-admin-invitation.js";

// `pnpm --filter @samspill/worker invite-regional-admin -- --email kari@helse-midt.no [--name "Kari
// Nordmann"] [--language nn] [--organisation <id>]`: invites an ADMIN of the regional health
// authority, as the system. Mails the invitation (SMTP_URL) and prints its one-time link; the
// first sign-in through the link makes the person a regional admin, who invites everyone else.

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: {
    email: { type: "string" },
    name: { type: "string" },
    language: { type: "string" },
    organisation: { type: "string" },
  },
});
const args = z
  .object({
    email: z.email(),
    name: z.string().min(1).optional(),
    language: z.enum(writtenLanguages).optional(),
    organisation: z.uuid().optional(),
  })
  .safeParse(values);
if (!args.success) {
  console.error(
    "Usage: invite-regional-admin --email <address> [--name <name>] [--language nb|nn|en] [--organisation <id>]",
  );
  process.exit(2);
}

const env = parseWorkerEnv();
const db = createDatabase({ url: env.DATABASE_URL, schema: env.DATABASE_SCHEMA, maxConnections: 1 });
const mailer = env.SMTP_URL ? createMailer(env.SMTP_URL, env.MAIL_FROM) : null;
try {
  const invited = await inviteRegionalAdmin(db, {
    email: args.data.email,
    name: args.data.name,
    language: args.data.language,
    organisationId: args.data.organisation,
    publicUrl: env.PUBLIC_URL,
    mailer,
  });
  console.log(
    `Invited ${args.data.email} as an admin of ${invited.organisationName} (invitation ${invited.invitationId}).`,
  );
  console.log(invited.notMailed ? `Not mailed: ${invited.notMailed}. Pass the link on yourself.` : "Mailed.");
  console.log(`One-time link, valid until ${invited.expiresAt.toISOString()}:`);
  console.log(invited.url);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  mailer?.close();
  await db.$disconnect();
}
