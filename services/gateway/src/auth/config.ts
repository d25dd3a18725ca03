import { randomBytes } from "node:crypto";
import type { GatewayEnv } from "../env.js";
import { type CookieNames, cookieNames } from "./cookies.js";
import type { SessionLifetimes } from "./sessions.js";

/** Everything sign-in needs, derived once from the environment. */
export interface AuthConfig {
  /** Origin the browser sees (PUBLIC_URL, or the gateway's own address). */
  publicUrl: URL;
  /** Session cookies get `Secure` and `__Host-` names when the public URL is https. */
  secureCookies: boolean;
  cookieNames: CookieNames;
  sessionLifetimes: SessionLifetimes;
  /** Redis key namespace, hash-tagged like the queues so one deployment shares a cluster slot. */
  keyPrefix: string;
  /** The provider the gateway signs people in with; null when sign-in is not configured. */
  issuer: URL | null;
  /** True when `issuer` is the embedded demo provider served under /oidc by this process. */
  localProvider: boolean;
  clientId: string;
  clientSecret: string | null;
  clientPrivateJwk: JsonWebKey | null;
  redirectUri: URL;
  postLogoutRedirectUri: URL;
  scopes: string;
  acrValues: string | null;
  /** Plain-http issuers are accepted only outside production (local providers, test rigs). */
  allowInsecureIssuer: boolean;
  localJwks: { keys: JsonWebKey[] } | null;
}

export function authConfigFrom(env: GatewayEnv): AuthConfig {
  const production = env.NODE_ENV === "production";
  // The demo provider signs anyone in as anyone: it runs only when asked for by name, never
  // because a setting is missing, and never beside a real issuer or in production.
  const localProvider = env.DEMO_SIGN_IN === "on";
  if (localProvider && production)
    throw new Error("DEMO_SIGN_IN=on is refused with NODE_ENV=production: the demo sign-in lets anyone in");
  if (localProvider && env.OIDC_ISSUER)
    throw new Error(
      "DEMO_SIGN_IN=on and OIDC_ISSUER are both set: choose the demo sign-in or the real issuer",
    );
  const ownAddress = `http://${loopbackFor(env.GATEWAY_HOST)}:${env.GATEWAY_PORT}`;
  const publicUrl = new URL(env.PUBLIC_URL ?? ownAddress);
  const base = publicUrl.href.replace(/\/$/, "");
  // Defaults to the gateway's own address, which browsers reach directly, so the web dev
  // server needs no extra proxy route; set OIDC_LOCAL_ISSUER behind a reverse proxy.
  const localIssuer = new URL(env.OIDC_LOCAL_ISSUER ?? `${ownAddress}/oidc`);
  const issuer = env.OIDC_ISSUER ? new URL(env.OIDC_ISSUER) : localProvider ? localIssuer : null;
  return {
    publicUrl,
    secureCookies: publicUrl.protocol === "https:",
    cookieNames: cookieNames(publicUrl.protocol === "https:"),
    sessionLifetimes: {
      idleSeconds: env.SESSION_TTL_SECONDS,
      absoluteSeconds: Math.max(env.SESSION_TTL_SECONDS, env.SESSION_MAX_AGE_SECONDS),
    },
    keyPrefix: `{${env.QUEUE_PREFIX}}`,
    issuer,
    localProvider,
    clientId: env.OIDC_CLIENT_ID,
    // The embedded provider registers the gateway with a per-process secret unless one is set.
    clientSecret: env.OIDC_CLIENT_SECRET ?? (localProvider ? randomBytes(32).toString("base64url") : null),
    clientPrivateJwk: env.OIDC_CLIENT_PRIVATE_JWK
      ? parseJson<JsonWebKey>("OIDC_CLIENT_PRIVATE_JWK", env.OIDC_CLIENT_PRIVATE_JWK)
      : null,
    redirectUri: new URL(env.OIDC_REDIRECT_URI ?? `${base}/auth/callback`),
    postLogoutRedirectUri: new URL(env.OIDC_POST_LOGOUT_REDIRECT_URI ?? `${base}/`),
    scopes: env.OIDC_SCOPES,
    acrValues: env.OIDC_ACR_VALUES ?? null,
    allowInsecureIssuer: !production,
    localJwks: env.OIDC_LOCAL_JWKS
      ? parseJson<{ keys: JsonWebKey[] }>("OIDC_LOCAL_JWKS", env.OIDC_LOCAL_JWKS)
      : null,
  };
}

function loopbackFor(host: string): string {
  if (host === "0.0.0.0" || host === "::" || host === "") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}

function parseJson<T>(name: string, text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`${name} must be JSON`);
  }
}
