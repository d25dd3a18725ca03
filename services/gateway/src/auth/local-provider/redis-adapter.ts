import type { Redis } from "ioredis";
import type { Adapter, AdapterPayload } from "oidc-provider";

// Storage for the demo provider's state (interactions, its own sessions, codes, grants) in the
// gateway's Redis: several gateway instances can then share one demo provider's state, and a
// restart does not break sign-ins in progress. Keys share the deployment's {hash tag}.

/** Models whose records belong to a grant and go when the grant is revoked. */
const grantable = new Set([
  "AccessToken",
  "AuthorizationCode",
  "RefreshToken",
  "DeviceCode",
  "BackchannelAuthenticationRequest",
  "PreAuthorizedCode",
]);

/**
 * Every record expires, at the latest after a day: a record oidc-provider saves without a
 * lifetime (or with a longer one) would otherwise stay in Redis for good, and sign-ins begun
 * and abandoned in a loop could fill it.
 */
export const longestStateSeconds = 24 * 3600;

export function redisAdapter(redis: Redis, keyPrefix: string): (model: string) => Adapter {
  const grantKey = (grantId: string) => `${keyPrefix}:oidc:grant:${grantId}`;
  const uidKey = (uid: string) => `${keyPrefix}:oidc:uid:${uid}`;
  const userCodeKey = (code: string) => `${keyPrefix}:oidc:user-code:${code}`;

  return (model) => {
    const key = (id: string) => `${keyPrefix}:oidc:${model}:${id}`;
    const find = async (id: string): Promise<AdapterPayload | undefined> => {
      const raw = await redis.get(key(id));
      return raw ? (JSON.parse(raw) as AdapterPayload) : undefined;
    };
    return {
      async upsert(id, payload, expiresIn) {
        const ttl = Math.min(
          expiresIn && expiresIn > 0 ? Math.ceil(expiresIn) : longestStateSeconds,
          longestStateSeconds,
        );
        const multi = redis.multi();
        const put = (k: string, value: string) => multi.set(k, value, "EX", ttl);
        put(key(id), JSON.stringify(payload));
        if (payload.uid) put(uidKey(payload.uid), id);
        if (payload.userCode) put(userCodeKey(payload.userCode), id);
        if (grantable.has(model) && payload.grantId) multi.rpush(grantKey(payload.grantId), key(id));
        await multi.exec();
        if (grantable.has(model) && payload.grantId) {
          // The grant's index lives as long as its longest-lived member.
          const current = await redis.ttl(grantKey(payload.grantId));
          if (current === -1 || current < ttl) await redis.expire(grantKey(payload.grantId), ttl);
        }
      },
      find,
      async findByUid(uid) {
        const id = await redis.get(uidKey(uid));
        return id ? find(id) : undefined;
      },
      async findByUserCode(code) {
        const id = await redis.get(userCodeKey(code));
        return id ? find(id) : undefined;
      },
      async consume(id) {
        const payload = await find(id);
        if (!payload) return;
        payload.consumed = Math.floor(Date.now() / 1000);
        await redis.set(key(id), JSON.stringify(payload), "KEEPTTL");
      },
      async destroy(id) {
        await redis.del(key(id));
      },
      async revokeByGrantId(grantId) {
        const keys = await redis.lrange(grantKey(grantId), 0, -1);
        await redis.del(...keys, grantKey(grantId));
      },
    };
  };
}
