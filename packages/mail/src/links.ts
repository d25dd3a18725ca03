// Addresses that mails link to; one place, so the routes can change in one place. Each is a
// route of the web app (web/src/router.tsx) or of the gateway (served at the same public origin
// through the proxy); tests/integration/links checks every link of every mail against them.

const base = (publicUrl: string) => publicUrl.replace(/\/+$/, "");
const query = (token: string) => `?token=${encodeURIComponent(token)}`;

export interface CatalogueLinkFilter {
  municipality?: readonly string[];
  priorityGroup?: readonly string[];
  diagnosisGroup?: readonly string[];
  from?: string;
  to?: string;
}

export const links = {
  home: (publicUrl: string) => `${base(publicUrl)}/`,
  offer: (publicUrl: string, id: string) => `${base(publicUrl)}/offers/${encodeURIComponent(id)}`,
  /** Opens the agreement in the workspace of the reader's organisation that is a party to it. */
  agreement: (publicUrl: string, id: string) => `${base(publicUrl)}/agreements/${encodeURIComponent(id)}`,
  /** The action plans page showing one plan (web/src/action-plans/filters.ts reads `plan`). */
  actionPlan: (publicUrl: string, key: string) =>
    `${base(publicUrl)}/action-plans?plan=${encodeURIComponent(key)}`,
  /**
   * The catalogue (the web app's front page) narrowed as given: the parameters are the ones
   * web/src/catalogue/filters.ts reads, lists repeated, `from`/`to` Oslo dates (YYYY-MM-DD) of
   * sessions. A digest links here to everything of a subscriber's filter it does not list.
   */
  catalogue: (publicUrl: string, filter: CatalogueLinkFilter = {}) => {
    const params = new URLSearchParams();
    for (const key of ["municipality", "priorityGroup", "diagnosisGroup"] as const)
      for (const value of filter[key] ?? []) params.append(key, value);
    if (filter.from) params.set("from", filter.from);
    if (filter.to) params.set("to", filter.to);
    const search = params.toString();
    return `${base(publicUrl)}/${search ? `?${search}` : ""}`;
  },
  /** The signed-in reader's organisations, each with its agreements. */
  workspace: (publicUrl: string) => `${base(publicUrl)}/workspace`,
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
