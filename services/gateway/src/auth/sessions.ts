import { createHash, randomBytes } from "node:crypto";
import type { Redis } from "ioredis";

// Sessions live in Redis, not in the cookie: every gateway instance sees the same sessions,
// and deleting the key signs the person out everywhere at once. The cookie holds only an
// opaque random id; Redis holds its SHA-256, so a copy of Redis cannot be replayed as cookies.
//
// Two lifetimes: the idle one slides with every request, and the absolute one counts from
// sign-in and never moves, so a stolen or forgotten session that is kept busy still ends.

export interface SessionData {
  personId: string;
  /** The person's name at sign-in, so a request needs only its memberships from the database. */
  name: string;
  /** The provider's subject, kept for the audit trail of who signed in how. */
  subject: string;
  /** Sent back as `id_token_hint` when signing out at the provider (RP-initiated logout). */
  idToken: string | null;
  createdAt: string;
}

/** Sign-in in progress: what the callback must check, kept server-side for ten minutes. */
export interface LoginFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  /** The invitation link's token this sign-in accepts, if it started from one. */
  invitation?: string;
}

export const loginFlowTtlSeconds = 600;

export interface SessionLifetimes {
  /** Seconds without a request after which the session ends. */
  idleSeconds: number;
  /** Seconds after sign-in after which the session ends, however busy. */
  absoluteSeconds: number;
}

export interface SessionStore {
  create(data: Omit<SessionData, "createdAt">): Promise<string>;
  /** The session, its idle lifetime extended (never past the absolute one); null when unknown or expired. */
  touch(id: string): Promise<SessionData | null>;
  /** Deletes the session (sign-out everywhere) and returns what it held. */
  end(id: string): Promise<SessionData | null>;
  saveLoginFlow(flow: LoginFlow): Promise<string>;
  /** Reads and deletes in one step, so a callback URL cannot be replayed. */
  takeLoginFlow(id: string): Promise<LoginFlow | null>;
}

export function createSessionStore(
  redis: Redis,
  keyPrefix: string,
  lifetimes: SessionLifetimes,
): SessionStore {
  const sessionKey = (id: string) => `${keyPrefix}:session:${digest(id)}`;
  const flowKey = (id: string) => `${keyPrefix}:login-flow:${digest(id)}`;
  return {
    async create(data) {
      const id = newId();
      const record: SessionData = { ...data, createdAt: new Date().toISOString() };
      const ttl = Math.min(lifetimes.idleSeconds, lifetimes.absoluteSeconds);
      await redis.set(sessionKey(id), JSON.stringify(record), "EX", ttl);
      return id;
    },
    async touch(id) {
      if (!plausibleId(id)) return null;
      const key = sessionKey(id);
      const raw = await redis.get(key);
      if (!raw) return null;
      const session = JSON.parse(raw) as SessionData;
      const ageSeconds = (Date.now() - Date.parse(session.createdAt)) / 1000;
      const left = Math.floor(lifetimes.absoluteSeconds - ageSeconds);
      if (!(left > 0)) {
        await redis.del(key);
        return null;
      }
      // EXPIRE never creates a key: a session ended meanwhile on another gateway stays ended.
      await redis.expire(key, Math.min(lifetimes.idleSeconds, left));
      return session;
    },
    async end(id) {
      if (!plausibleId(id)) return null;
      const raw = await redis.getdel(sessionKey(id));
      return raw ? (JSON.parse(raw) as SessionData) : null;
    },
    async saveLoginFlow(flow) {
      const id = newId();
      await redis.set(flowKey(id), JSON.stringify(flow), "EX", loginFlowTtlSeconds);
      return id;
    },
    async takeLoginFlow(id) {
      if (!plausibleId(id)) return null;
      const raw = await redis.getdel(flowKey(id));
      return raw ? (JSON.parse(raw) as LoginFlow) : null;
    },
  };
}

function newId(): string {
  return randomBytes(32).toString("base64url");
}

function digest(id: string): string {
  return createHash("sha256").update(id).digest("base64url");
}

/** Ids are 43 base64url characters; anything else is not worth a Redis round trip. */
function plausibleId(id: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(id);
}
