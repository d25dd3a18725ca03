import type { Database } from "@samspill/database";
import type { Viewer } from "../context.js";
import { resolveApiToken } from "./api-tokens.js";
import { readCookie } from "./cookies.js";
import type { SessionStore } from "./sessions.js";

export interface ViewerDeps {
  db: Database;
  sessions: SessionStore;
  /** The session cookie's name (cookies.ts: `__Host-` prefixed over https). */
  cookieName: string;
}

export type ResolveViewer = (request: Request) => Promise<Viewer | null>;

export interface ViewerResolvers {
  /** The caller of a request, looked up once per request object. */
  resolveViewer: ResolveViewer;
  /** Looks the caller up afresh each time: for long-lived requests (subscriptions) re-checking. */
  recheckViewer: ResolveViewer;
}

/**
 * Who is calling: a bearer API token (machine clients) or the session cookie (people).
 * A person's memberships are read on every request in one query, so a changed role applies
 * at once; the name comes from the session. The answer is kept per request object, so the rate
 * limit, the GraphQL context and a route asking about the same request look the caller up once.
 */
export function createViewerResolvers({ db, sessions, cookieName }: ViewerDeps): ViewerResolvers {
  const answers = new WeakMap<Request, Promise<Viewer | null>>();
  return {
    resolveViewer(request) {
      let answer = answers.get(request);
      if (!answer) {
        answer = resolveViewer(request);
        answers.set(request, answer);
      }
      return answer;
    },
    recheckViewer: resolveViewer,
  };

  async function resolveViewer(request: Request): Promise<Viewer | null> {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "")?.[1];
    if (bearer) return resolveApiToken(db, bearer);
    const sessionId = readCookie(request, cookieName);
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
  }
}
