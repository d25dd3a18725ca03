// Addresses that mails link to; one place, so the routes can change in one place. Each is a
// route of the web app (web/src/router.tsx) or of the gateway (served at the same public origin
// through the proxy); tests/integration/links checks every link of every mail against them.

const base = (publicUrl: string) => publicUrl.replace(/\/+$/, "");
const query = (token: string) => `?token=${encodeURIComponent(token)}`;

export const links = {
  home: (publicUrl: string) => `${base(publicUrl)}/`,
  offer: (publicUrl: string, id: string) => `${base(publicUrl)}/offers/${encodeURIComponent(id)}`,
  /** Opens the agreement in the workspace of the reader's organisation that is a party to it. */
  agreement: (publicUrl: string, id: string) => `${base(publicUrl)}/agreements/${encodeURIComponent(id)}`,
  /** The action plans page showing one plan (web/src/action-plans/filters.ts reads `plan`). */
  actionPlan: (publicUrl: string, key: string) =>
    `${base(publicUrl)}/action-plans?plan=${encodeURIComponent(key)}`,
  subscriptions: (publicUrl: string) => `${base(publicUrl)}/subscriptions`,
  /** The web page that explains what stops and asks to confirm (the link shown in the mail). */
  unsubscribePage: (publicUrl: string, token: string) =>
    `${base(publicUrl)}/subscriptions/unsubscribe${query(token)}`,
  /** The gateway's RFC 8058 one-click endpoint (the List-Unsubscribe header): POST stops the mail. */
  unsubscribeOneClick: (publicUrl: string, token: string) => `${base(publicUrl)}/unsubscribe${query(token)}`,
  /** An invitation's one-time link: the web page that shows it and starts the sign-in that accepts it. */
  invitation: (publicUrl: string, token: string) =>
    `${base(publicUrl)}/invitations/${encodeURIComponent(token)}`,
  /** A health-community forum's flag (web/src/forum-flags). */
  forumFlag: (publicUrl: string, id: string) => `${base(publicUrl)}/forum-flags/${encodeURIComponent(id)}`,
  /** A course sign-up's private link: see, change, cancel or delete it; accept an offered seat. */
  signUp: (publicUrl: string, token: string) => `${base(publicUrl)}/sign-ups/${encodeURIComponent(token)}`,
};
