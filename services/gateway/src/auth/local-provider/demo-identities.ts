import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";

// Someone the demo provider has never seen: a person following an invitation's link signs in
// for the first time, as a real provider's new user would. The demo provider makes up a subject
// and keeps the chosen name in Redis (expiring like its own sign-in), so the ID token carries
// it; the invitation then binds that subject to the invited person.

export const newIdentityChoice = "__new__";
const lifetimeSeconds = 8 * 3600;

export interface DemoIdentities {
  /** A fresh subject for `name`. */
  create(name: string): Promise<string>;
  /** The name of a subject made up here, or null. */
  nameOf(subject: string): Promise<string | null>;
}

export function demoIdentities(redis: Redis, keyPrefix: string): DemoIdentities {
  const key = (subject: string) => `${keyPrefix}:demo-identity:${subject}`;
  return {
    async create(name) {
      const subject = `demo-new-${randomBytes(9).toString("base64url")}`;
      await redis.set(key(subject), name, "EX", lifetimeSeconds);
      return subject;
    },
    nameOf: (subject) => (subject.startsWith("demo-new-") ? redis.get(key(subject)) : Promise.resolve(null)),
  };
}
