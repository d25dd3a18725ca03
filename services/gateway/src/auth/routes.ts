import type { Database } from "@samspill/database";
import { invitationToken } from "@samspill/domain";
import type { Env, Hono, Context as HonoContext } from "hono";
import { getCookie } from "hono/cookie";
import type { Logger } from "pino";
import type { AuthConfig } from "./config.js";
import { authCookie } from "./cookies.js";
import { acceptOnSignIn, belongsNowhere, signInPages } from "./first-sign-in.js";
import type { LocalProvider } from "./local-provider/provider.js";
import { signInLanguage, signInTexts } from "./page-texts.js";
import { messagePage } from "./pages.js";
import type { RelyingParty, VerifiedSignIn } from "./relying-party.js";
import { safeReturnTo } from "./return-to.js";
import { loginFlowTtlSeconds, type SessionStore } from "./sessions.js";
import type { ResolveViewer } from "./viewer.js";

export interface AuthRouteDeps {
  db: Database;
  log: Logger;
  config: AuthConfig;
  sessions: SessionStore;
  relyingParty: RelyingParty | null;
  localProvider: LocalProvider | null;
  resolveViewer: ResolveViewer;
}

/** /auth/login, /auth/callback, /auth/logout, /auth/me, and the demo provider under /oidc. */
export function mountAuthRoutes<E extends Env>(app: Hono<E>, deps: AuthRouteDeps): void {
  const { db, log, config, sessions, relyingParty, localProvider, resolveViewer } = deps;
  const secure = config.secureCookies;
  const names = config.cookieNames;
  // The browser keeps the cookie for the absolute lifetime at most; Redis enforces both lifetimes.
  const sessionMaxAge = config.sessionLifetimes.absoluteSeconds;
  // A page of the sign-in routes' own, in the reader's language (page-texts.ts).
  const page = <E2 extends Env>(
    c: HonoContext<E2>,
    key: "notConfigured" | "unavailable" | "expired" | "refused",
  ) => {
    const lang = signInLanguage(c.req.header("accept-language"));
    const texts = signInTexts[lang];
    const [title, message] = texts[key];
    const again = key === "notConfigured" ? undefined : { href: "/auth/login", text: texts.signInAgain };
    return messagePage(title, message, again, lang);
  };

  app.get("/auth/login", async (c) => {
    c.header("cache-control", "no-store");
    if (!relyingParty) {
      return c.html(page(c, "notConfigured"), 503);
    }
    const returnTo = safeReturnTo(c.req.query("returnTo"));
    // A sign-in started from an invitation's link accepts it in the callback (first-sign-in.ts).
    const invitation = invitationToken.safeParse(c.req.query("invitation")).data;
    let begun: Awaited<ReturnType<RelyingParty["begin"]>>;
    try {
      begun = await relyingParty.begin(returnTo);
    } catch (error) {
      log.error({ err: error }, "sign-in: the OpenID provider could not be reached");
      return c.html(page(c, "unavailable"), 503);
    }
    const flowId = await sessions.saveLoginFlow(invitation ? { ...begun.flow, invitation } : begun.flow);
    c.header("set-cookie", authCookie(names.loginFlow, flowId, loginFlowTtlSeconds, secure), {
      append: true,
    });
    return c.redirect(begun.authorizationUrl.href, 302);
  });

  app.get("/auth/callback", async (c) => {
    c.header("cache-control", "no-store");
    const flowId = getCookie(c, names.loginFlow);
    const flow = flowId ? await sessions.takeLoginFlow(flowId) : null;
    c.header("set-cookie", authCookie(names.loginFlow, "", 0, secure), { append: true });
    if (!flow || !relyingParty) {
      return c.html(page(c, "expired"), 400);
    }
    const callbackUrl = new URL(c.req.url);
    if (callbackUrl.searchParams.get("error") === "access_denied") return c.redirect(flow.returnTo, 303);

    let signedIn: VerifiedSignIn;
    try {
      signedIn = await relyingParty.complete(callbackUrl, flow);
    } catch (error) {
      log.warn({ err: error }, "sign-in: the provider's answer was refused");
      return c.html(page(c, "refused"), 400);
    }
    const { subject, idToken } = signedIn;
    if (flow.invitation) {
      const answer = await acceptOnSignIn(db, log, flow.invitation, signedIn, requestIdOf(c));
      if (!answer.ok) return c.redirect(answer.redirectTo, 303);
    }
    const person = await db.person.findUnique({
      where: { oidcSubject: subject },
      select: { id: true, name: true },
    });
    if (!person) {
      // No session: the web page says whom to ask for an invitation.
      log.info({ subject }, "sign-in refused: no person has this subject");
      return c.redirect(signInPages.noAccess, 303);
    }
    // Always a new session id, so an id planted before sign-in is worthless afterwards.
    const previous = getCookie(c, names.session);
    if (previous) await sessions.end(previous);
    const sessionId = await sessions.create({ personId: person.id, name: person.name, subject, idToken });
    c.header("set-cookie", authCookie(names.session, sessionId, sessionMaxAge, secure), { append: true });
    log.info({ personId: person.id }, "signed in");
    // Signed in, but with no role anywhere: the page of whom to ask instead of an empty app.
    if (await belongsNowhere(db, person.id)) return c.redirect(signInPages.noAccess, 303);
    return c.redirect(flow.returnTo, 303);
  });

  app.post("/auth/logout", async (c) => {
    c.header("cache-control", "no-store");
    const sessionId = getCookie(c, names.session);
    const ended = sessionId ? await sessions.end(sessionId) : null;
    c.header("set-cookie", authCookie(names.session, "", 0, secure), { append: true });
    let redirectTo = config.postLogoutRedirectUri.href;
    if (ended && relyingParty) {
      try {
        redirectTo = (await relyingParty.endSessionUrl(ended.idToken))?.href ?? redirectTo;
      } catch (error) {
        // Signed out of Samspill regardless; only the provider's own session stays.
        log.warn({ err: error }, "sign-out: the provider's end-session endpoint is unavailable");
      }
    }
    if (wantsJson(c)) return c.json({ signedOut: true, redirectTo });
    return c.redirect(redirectTo, 303);
  });

  app.get("/auth/me", async (c) => {
    c.header("cache-control", "no-store");
    const viewer = await resolveViewer(c.req.raw);
    if (!viewer) return c.json({ error: "SIGNED_OUT", message: "Not signed in" }, 401);
    const organisations = await db.organisation.findMany({
      where: { id: { in: [...new Set(viewer.memberships.map((m) => m.organisationId))] } },
      select: { id: true, name: true, kind: true },
    });
    const byId = new Map(organisations.map((o) => [o.id, o]));
    return c.json({
      kind: viewer.kind,
      personId: viewer.personId,
      tokenId: viewer.tokenId,
      name: viewer.name,
      memberships: viewer.memberships.map((m) => ({
        organisationId: m.organisationId,
        organisationName: byId.get(m.organisationId)?.name ?? null,
        organisationKind: byId.get(m.organisationId)?.kind ?? null,
        role: m.role,
      })),
    });
  });

  if (localProvider) {
    const mountPath = localProvider.issuer.pathname.replace(/\/$/, "");
    app.all(`${mountPath}/*`, (c) => localProvider.handle(c.req.raw));
  }
}

function wantsJson<E extends Env>(c: HonoContext<E>): boolean {
  return (c.req.header("accept") ?? "").includes("application/json");
}

/** The request id the request-id middleware settled on (request-id.ts), for the audit trail. */
function requestIdOf<E extends Env>(c: HonoContext<E>): string | null {
  const id = (c.var as { requestId?: unknown }).requestId;
  return typeof id === "string" ? id : null;
}
