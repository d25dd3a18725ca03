import type { Database } from "@samspill/database";
import type { Viewer } from "../context.js";
import { resolveApiToken } from "./api-tokens.js";
import { readCookie, sessionCookieName } from "./cookies.js";
import type { SessionStore } from "./sessions.js";

export interface ViewerDeps {
  db: Database;
  sessions: SessionStore;
}

export type ResolveViewer = (request: Request) => Promise<Viewer | null>;

/**
 * Who is calling: a bearer API token (machine clients) or the session cookie (people).
 * A person's memberships are read on every request in one query, so a changed role applies
 * at once; the name comes from the session.
 */
export function createViewerResolver({ db, sessions }: ViewerDeps): ResolveViewer {
  return async function resolveViewer(request) {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "")?.[1];
    if (bearer) return resolveApiToken(db, bearer);
    const sessionId = readCookie(request, sessionCookieName);
    if (!sessionId) return null;
    const session = await sessions.touch(sessionId);
    if (!session) return null;
    const memberships = await db.membership.findMany({
      where: { personId: session.personId },
      select: { organisationId: true, role: true },
    });
    // No memberships may mean the person was deleted; then the session ends with them.
    if (memberships.length === 0) {
      const exists = await db.person.findUnique({ where: { id: session.personId }, select: { id: true } });
      if (!exists) {
        await sessions.end(sessionId);
        return null;
      }
    }
    return { kind: "PERSON", personId: session.personId, tokenId: null, name: session.name, memberships };
  };
}
