import { generateCookie } from "hono/cookie";
import { parse } from "hono/utils/cookie";

export const sessionCookieName = "samspill_session";
/** Holds the id of a sign-in in progress; scoped to /auth so it never travels elsewhere. */
export const loginFlowCookieName = "samspill_login";

// HttpOnly keeps the id away from scripts; SameSite=Lax keeps it off cross-site POSTs and
// sub-requests while still sending it on the top-level redirect back from the provider.

export function sessionCookie(id: string, maxAgeSeconds: number, secure: boolean): string {
  return generateCookie(sessionCookieName, id, {
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    secure,
    maxAge: maxAgeSeconds,
  });
}

export function clearedSessionCookie(secure: boolean): string {
  return generateCookie(sessionCookieName, "", {
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    secure,
    maxAge: 0,
  });
}

export function loginFlowCookie(id: string, maxAgeSeconds: number, secure: boolean): string {
  return generateCookie(loginFlowCookieName, id, {
    httpOnly: true,
    sameSite: "Lax",
    path: "/auth",
    secure,
    maxAge: maxAgeSeconds,
  });
}

export function clearedLoginFlowCookie(secure: boolean): string {
  return generateCookie(loginFlowCookieName, "", {
    httpOnly: true,
    sameSite: "Lax",
    path: "/auth",
    secure,
    maxAge: 0,
  });
}

export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("cookie");
  if (!header) return null;
  return parse(header, name)[name] ?? null;
}
