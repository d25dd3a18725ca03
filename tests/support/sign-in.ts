import type { Database } from "@samspill/database";
import { developmentMailLinkSecret } from "@samspill/events/mail-links";
import type { TadaDocumentNode } from "@samspill/graphql";
import { Redis } from "ioredis";
import { pino } from "pino";
import { inject } from "vitest";
import { createGateway } from "../../services/gateway/src/app.js";
import { createAuth, csrfHeaderName } from "../../services/gateway/src/auth/index.js";
import { type GatewayEnv, parseGatewayEnv } from "../../services/gateway/src/env.js";
import { graphQLClient } from "./graphql-client.js";

// Acting as a demo user through the real sign-in: the gateway's /auth/login, the embedded
// OpenID provider's pages, the code exchange and the session cookie, all in-process through
// `app.fetch`. Use `createSignInGateway(db)` for an app with sign-in, then
// `await signIn(app, "demo-kari")` for headers to send with GraphQL requests.

/** The origin the in-process gateway pretends to be served from (also the provider's). */
export const testOrigin = "http://samspill.test";

export interface FetchApp {
  fetch(request: Request): Response | Promise<Response>;
}

export function testGatewayEnv(overrides: Record<string, string> = {}): GatewayEnv {
  return parseGatewayEnv({
    NODE_ENV: "test",
    DATABASE_URL: inject("databaseUrl"),
    REDIS_URL: inject("redisUrl"),
    QUEUE_PREFIX: inject("queuePrefix"),
    PUBLIC_URL: testOrigin,
    WEB_ORIGIN: testOrigin,
    OIDC_LOCAL_ISSUER: `${testOrigin}/oidc`,
    DEMO_SIGN_IN: "on",
    // As the worker signs with outside production; a test that sets NODE_ENV=production needs one.
    MAIL_LINK_SECRET: developmentMailLinkSecret,
    ...overrides,
  });
}

export interface SignInGateway {
  app: ReturnType<typeof createGateway>["app"];
  redis: Redis;
  env: GatewayEnv;
  close(): Promise<void>;
}

/** The gateway with sign-in, sessions and API tokens, on this run's database and Redis. */
export async function createSignInGateway(
  db: Database,
  overrides: Record<string, string> = {},
  gatewayOptions: Partial<Parameters<typeof createGateway>[0]> = {},
): Promise<SignInGateway> {
  const env = testGatewayEnv(overrides);
  const log = pino({ level: "silent" });
  const redis = new Redis(env.REDIS_URL);
  const auth = await createAuth({ db, redis, env, log }).catch(async (error: unknown) => {
    await redis.quit();
    throw error;
  });
  const { app } = createGateway({
    db,
    log,
    production: false,
    webOrigin: env.WEB_ORIGIN,
    resolveViewer: auth.resolveViewer,
    recheckViewer: auth.recheckViewer,
    yogaPlugins: auth.yogaPlugins,
    ...gatewayOptions,
  });
  auth.routes(app);
  return {
    app,
    redis,
    env,
    close: async () => {
      await auth.close();
      await redis.quit();
    },
  };
}

/** A minimal browser cookie store: honours Path, Max-Age and Expires; one host. */
export class CookieJar {
  readonly #cookies = new Map<string, { name: string; value: string; path: string }>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      let path = "/";
      let expired = value === "";
      for (const attribute of attributes) {
        const [key = "", val = ""] = attribute.trim().split("=");
        const k = key.toLowerCase();
        if (k === "path") path = val;
        if (k === "max-age" && Number(val) <= 0) expired = true;
        if (k === "expires" && Date.parse(val) <= Date.now()) expired = true;
      }
      const id = `${name};${path}`;
      if (expired) this.#cookies.delete(id);
      else this.#cookies.set(id, { name, value, path });
    }
  }

  header(url: URL): string {
    return [...this.#cookies.values()]
      .filter((c) => c.path === "/" || url.pathname === c.path || url.pathname.startsWith(`${c.path}/`))
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
  }

  get(name: string): string | undefined {
    return [...this.#cookies.values()].find((c) => c.name === name)?.value;
  }
}

/** One request as a browser would send it: the jar's cookies, no automatic redirects. */
export async function send(app: FetchApp, jar: CookieJar, target: string | URL, init: RequestInit = {}) {
  const url = new URL(target, testOrigin);
  const headers = new Headers(init.headers);
  const cookie = jar.header(url);
  if (cookie) headers.set("cookie", cookie);
  const response = await app.fetch(new Request(url, { ...init, headers, redirect: "manual" }));
  jar.store(response);
  return response;
}

/** Follows redirects within the sign-in machinery (/oidc, /auth); stops at any other target. */
export async function followRedirects(app: FetchApp, jar: CookieJar, first: Response, from: string | URL) {
  let response = first;
  let url = new URL(from, testOrigin);
  const origin = url.origin;
  for (let hops = 0; hops < 20; hops++) {
    const location = response.headers.get("location");
    if (response.status < 300 || response.status >= 400 || !location) return { response, url };
    const next = new URL(location, url);
    if (next.origin !== origin || !/^\/(oidc|auth)\//.test(next.pathname)) return { response, url };
    url = next;
    response = await send(app, jar, url);
  }
  throw new Error("too many redirects during sign-in");
}

export interface SignedIn {
  /** Headers for authenticated requests: the session cookie and the CSRF header. */
  headers: Record<string, string>;
  sessionId: string;
  /** Where the gateway sent the browser after sign-in. */
  location: string;
  /** The browser's cookies afterwards, including the provider's own sign-in session. */
  jar: CookieJar;
}

/**
 * The whole sign-in as `subject` (e.g. "demo-kari"), through the provider's real pages, on the
 * gateway's public origin (an https one gets `__Host-` cookies).
 */
export async function signInAs(
  app: FetchApp,
  subject: string,
  returnTo = "/",
  origin = testOrigin,
): Promise<SignedIn> {
  const jar = new CookieJar();
  const loginUrl = new URL(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`, origin);
  const toPage = await followRedirects(app, jar, await send(app, jar, loginUrl), loginUrl);
  const page = await toPage.response.text();
  const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
  if (toPage.response.status !== 200 || !action) {
    throw new Error(`sign-in: no login page (${toPage.response.status} at ${toPage.url})`);
  }
  if (!page.includes(`value="${subject}"`)) throw new Error(`sign-in: ${subject} is not a demo user`);
  const posted = await send(app, jar, new URL(action, toPage.url), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ subject }).toString(),
  });
  const done = await followRedirects(app, jar, posted, new URL(action, toPage.url));
  const cookieName = origin.startsWith("https:") ? "__Host-samspill_session" : "samspill_session";
  const sessionId = jar.get(cookieName);
  const location = done.response.headers.get("location");
  if (!sessionId || !location) {
    throw new Error(
      `sign-in: no session (${done.response.status} at ${done.url}): ${await done.response.text()}`,
    );
  }
  return {
    headers: { cookie: `${cookieName}=${sessionId}`, [csrfHeaderName]: "1" },
    sessionId,
    location,
    jar,
  };
}

/** Request headers (session cookie + CSRF header) for acting as a demo user. */
export async function signIn(app: FetchApp, subject: string): Promise<Record<string, string>> {
  return (await signInAs(app, subject)).headers;
}

/** POSTs a typed GraphQL operation to the in-process gateway and returns status and body. */
export function postGraphQL<R, V>(
  app: FetchApp,
  document: TadaDocumentNode<R, V>,
  variables?: V,
  headers: Record<string, string> = {},
) {
  const client = graphQLClient((request) => app.fetch(request), `${testOrigin}/graphql`, {
    accept: "application/json",
    ...headers,
  });
  return client.query(document, variables);
}
