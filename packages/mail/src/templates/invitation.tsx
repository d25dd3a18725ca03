// Compiled with the automatic JSX runtime however the file is loaded (tsx from the repo root
// finds no tsconfig with "jsx" and would fall back to React.createElement).
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Button } from "@react-email/button";
import type { Role } from "@samspill/domain";
import { links } from "../links.js";
import { colors, Layout, Paragraph } from "./layout.js";
import { type RenderedMail, renderMail } from "./render.js";

// The invitation to join an organisation in Samspill: who invited whom to what, the one-time
// link, and until when it works. Sent in bokmål, nynorsk or English.

export type InvitationLocale = "nb" | "nn" | "en";

const roleNames: Record<InvitationLocale, Record<Role, string>> = {
  nb: {
    ADMIN: "administrator",
    EDITOR: "redaktør",
    REPORTER: "rapportør",
    FORUM_MEMBER: "forummedlem",
    VIEWER: "leser",
  },
  nn: {
    ADMIN: "administrator",
    EDITOR: "redaktør",
    REPORTER: "rapportør",
    FORUM_MEMBER: "forummedlem",
    VIEWER: "lesar",
  },
  en: {
    ADMIN: "administrator",
    EDITOR: "editor",
    REPORTER: "reporter",
    FORUM_MEMBER: "forum member",
    VIEWER: "viewer",
  },
};

const texts = {
  nb: {
    subject: (org: string) => `Invitasjon til ${org} i Samspill`,
    title: "Du er invitert til Samspill",
    greeting: (name: string | null) => (name ? `Hei ${name},` : "Hei,"),
    invited: (who: string | null, org: string, role: string) =>
      `${who ?? "En administrator"} har invitert deg til ${org} i Samspill som ${role}.`,
    how: "Åpne lenken og logg inn. Første innlogging knytter deg til organisasjonen; du trenger ingen bruker fra før.",
    button: "Godta invitasjonen",
    expires: (date: string) => `Lenken kan brukes én gang og virker til ${date}.`,
    ignore: "Ventet du ikke denne e-posten, kan du se bort fra den.",
    reason: "Du får denne e-posten fordi en administrator i Samspill inviterte deg.",
  },
  nn: {
    subject: (org: string) => `Invitasjon til ${org} i Samspill`,
    title: "Du er invitert til Samspill",
    greeting: (name: string | null) => (name ? `Hei ${name},` : "Hei,"),
    invited: (who: string | null, org: string, role: string) =>
      `${who ?? "Ein administrator"} har invitert deg til ${org} i Samspill som ${role}.`,
    how: "Opna lenkja og logg inn. Første innlogging knyter deg til organisasjonen; du treng ingen brukar frå før.",
    button: "Godta invitasjonen",
    expires: (date: string) => `Lenkja kan brukast éin gong og verkar til ${date}.`,
    ignore: "Venta du ikkje denne e-posten, kan du sjå bort frå han.",
    reason: "Du får denne e-posten fordi ein administrator i Samspill inviterte deg.",
  },
  en: {
    subject: (org: string) => `Invitation to ${org} in Samspill`,
    title: "You are invited to Samspill",
    greeting: (name: string | null) => (name ? `Hello ${name},` : "Hello,"),
    invited: (who: string | null, org: string, role: string) =>
      `${who ?? "An administrator"} has invited you to ${org} in Samspill as ${role}.`,
    how: "Open the link and sign in. Your first sign-in joins you to the organisation; you need no account beforehand.",
    button: "Accept the invitation",
    expires: (date: string) => `The link works once, until ${date}.`,
    ignore: "If you did not expect this mail, you can ignore it.",
    reason: "You get this mail because an administrator in Samspill invited you.",
  },
} satisfies Record<InvitationLocale, unknown>;

const dateLocales: Record<InvitationLocale, string> = { nb: "nb-NO", nn: "nn-NO", en: "en-GB" };

/** "28. desember 2026 kl. 21:30", in Oslo time and the mail's language. */
function expiry(at: Date, locale: InvitationLocale): string {
  return new Intl.DateTimeFormat(dateLocales[locale], {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Oslo",
  }).format(at);
}

export interface InvitationMailProps {
  token: string;
  name: string | null;
  role: Role;
  organisationName: string;
  inviterName: string | null;
  expiresAt: Date;
  publicUrl: string;
  locale?: InvitationLocale;
}

export function InvitationMail(props: InvitationMailProps) {
  const t = texts[props.locale ?? "nb"];
  const href = links.invitation(props.publicUrl, props.token);
  const role = roleNames[props.locale ?? "nb"][props.role];
  return (
    <Layout
      preview={t.subject(props.organisationName)}
      title={t.title}
      publicUrl={props.publicUrl}
      reason={t.reason}
    >
      <Paragraph>{t.greeting(props.name)}</Paragraph>
      <Paragraph>{t.invited(props.inviterName, props.organisationName, role)}</Paragraph>
      <Paragraph>{t.how}</Paragraph>
      <Button
        href={href}
        style={{
          backgroundColor: colors.accent,
          color: "#ffffff",
          padding: "10px 18px",
          borderRadius: "4px",
        }}
      >
        {t.button}
      </Button>
      <Paragraph>{href}</Paragraph>
      <Paragraph>{t.expires(expiry(props.expiresAt, props.locale ?? "nb"))}</Paragraph>
      <Paragraph>{t.ignore}</Paragraph>
    </Layout>
  );
}

export function renderInvitation(props: InvitationMailProps): Promise<RenderedMail> {
  const t = texts[props.locale ?? "nb"];
  return renderMail(t.subject(props.organisationName), <InvitationMail {...props} />);
}
