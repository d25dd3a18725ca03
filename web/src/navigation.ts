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
  { to: "/action-plans", label: "actionPlans" },
  // The gateway shows each admin the mail to their own members (RHF admins see all).
  { to: "/admin/mail", label: "mail", visible: (me) => !!me?.memberships.some((m) => m.role === "ADMIN") },
];
