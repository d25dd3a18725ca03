import { generateCookie } from "hono/cookie";
import { parse } from "hono/utils/cookie";

// HttpOnly keeps the ids away from scripts; SameSite=Lax keeps them off cross-site POSTs and
// sub-requests while still sending them on the top-level redirect back from the provider.
//
// Over https (PUBLIC_URL https, as in every deployment) the names carry the `__Host-` prefix:
// the browser then accepts the cookie only with Secure, Path=/ and no Domain, so neither a
// sibling subdomain nor a plain-http page on the same host can plant or overwrite it. Over
// plain http (`npm start` on http://127.0.0.1, the test rigs) a Secure cookie is not kept by
// every browser, so the names go without the prefix and the cookies without Secure.

const baseNames = { session: "samspill_session", loginFlow: "samspill_login" } as const;

export interface CookieNames {
  session: string;
  /** Holds the id of a sign-in in progress. */
  loginFlow: string;
}

export function cookieNames(secure: boolean): CookieNames {
  const prefix = secure ? "__Host-" : "";
  return { session: `${prefix}${baseNames.session}`, loginFlow: `${prefix}${baseNames.loginFlow}` };
}

/** The plain-http session cookie's name; over https it is `__Host-samspill_session`. */
export const sessionCookieName = baseNames.session;

/** Set-Cookie for `name`; an empty value with max-age 0 removes it. */
export function authCookie(name: string, value: string, maxAgeSeconds: number, secure: boolean): string {
  return generateCookie(name, value, {
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    secure,
    maxAge: maxAgeSeconds,
  });
}

export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("cookie");
  if (!header) return null;
  return parse(header, name)[name] ?? null;
}
