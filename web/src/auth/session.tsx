import type { OrganisationKind, Role } from "@samspill/domain";
import { createContext, type ReactNode, useContext, useEffect, useState } from "react";

// The signed-in person comes from the gateway's /auth/me (the session cookie is HttpOnly, so
// the browser cannot read it). Signing in and out are full-page navigations to /auth/*.

export interface Membership {
  organisationId: string;
  organisationName: string | null;
  organisationKind: OrganisationKind | null;
  role: Role;
}

export interface Me {
  kind: "PERSON" | "API_TOKEN";
  personId: string | null;
  name: string;
  memberships: Membership[];
}

type Session = { status: "loading" } | { status: "signedOut" } | { status: "signedIn"; me: Me };

const SessionContext = createContext<Session>({ status: "loading" });

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: "loading" });
  useEffect(() => {
    let live = true;
    fetch("/auth/me", { credentials: "same-origin", headers: { accept: "application/json" } })
      .then(async (response) => {
        const next: Session = response.ok
          ? { status: "signedIn", me: (await response.json()) as Me }
          : { status: "signedOut" };
        if (live) setSession(next);
      })
      .catch(() => live && setSession({ status: "signedOut" }));
    return () => {
      live = false;
    };
  }, []);
  return <SessionContext value={session}>{children}</SessionContext>;
}

export const useSession = () => useContext(SessionContext);

export const editorRoles: readonly Role[] = ["ADMIN", "EDITOR"];

export function signInHref(returnTo: string): string {
  return `/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
}

export async function signOut(): Promise<void> {
  const response = await fetch("/auth/logout", {
    method: "POST",
    credentials: "same-origin",
    headers: { accept: "application/json", "x-samspill-csrf": "1" },
  });
  const body = response.ok ? ((await response.json()) as { redirectTo?: string }) : {};
  window.location.assign(body.redirectTo ?? "/");
}
