import type { Me } from "./auth/session.js";
import type { Catalogue } from "./i18n/catalogue.js";

// The main menu. An entry is listed only when its page exists (see router.tsx) and, with
// `visible`, only to those who can use it. The joint overview (/overview), participation
// reporting (/participation), action plans (/action-plans) and mail (/admin/mail) go here,
// next to their routes, when their pages are built.

export interface NavEntry {
  to: string;
  /** Key in the message catalogue's `nav` section (add it to every locale). */
  label: Exclude<keyof Catalogue["nav"], "label">;
  /** Only for the index route: active on "/" alone, not on every path under it. */
  end?: boolean;
  visible?: (me: Me | null) => boolean;
}

export const navEntries: NavEntry[] = [
  { to: "/", label: "catalogue", end: true },
  { to: "/organisations", label: "organisations" },
  { to: "/overview", label: "overview" },
  { to: "/workspace", label: "workspace", visible: (me) => me !== null },
  { to: "/participation", label: "participation", visible: (me) => me !== null },
  // Importing offers from a spreadsheet: for the admins and editors of a provider.
  {
    to: "/import",
    label: "offerImport",
    visible: (me) => !!me?.memberships.some((m) => m.role === "ADMIN" || m.role === "EDITOR"),
  },
  { to: "/courses/pam", label: "pam" },
  { to: "/courses/a0099", label: "a0099" },
  // Referral requests to decide: editors and admins of a provider.
  {
    to: "/intake",
    label: "intake",
    visible: (me) => !!me?.memberships.some((m) => m.role === "ADMIN" || m.role === "EDITOR"),
  },
  { to: "/action-plans", label: "actionPlans" },
  // A health community's flags: for its forum members.
  {
    to: "/forum-flags",
    label: "forumFlags",
    visible: (me) =>
      !!me?.memberships.some(
        (m) => m.organisationKind === "HEALTH_COMMUNITY" && (m.role === "FORUM_MEMBER" || m.role === "ADMIN"),
      ),
  },
  // The gateway shows each admin the mail to their own members (RHF admins see all).
  { to: "/admin/mail", label: "mail", visible: (me) => !!me?.memberships.some((m) => m.role === "ADMIN") },
  // Each signed-in person's own mail: the digest, summaries and reminders (the mails link here too).
  { to: "/subscriptions", label: "subscriptions", visible: (me) => me !== null },
  // Organisation admins manage their own organisation; the regional admin every organisation.
  {
    to: "/admin/organisations",
    label: "people",
    visible: (me) => !!me?.memberships.some((m) => m.role === "ADMIN"),
  },
];
