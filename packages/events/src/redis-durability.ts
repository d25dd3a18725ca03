import type { Redis } from "ioredis";

// Queued events live only in Redis between the relay marking them sent and a worker finishing
// them. That is safe only if Redis writes them to disk (AOF) and never evicts keys to free memory.

const required: { key: string; accepted: readonly string[] }[] = [
  { key: "appendonly", accepted: ["yes"] },
  // "always" is stricter than the required everysec (at most one second of writes at risk).
  { key: "appendfsync", accepted: ["everysec", "always"] },
  { key: "maxmemory-policy", accepted: ["noeviction"] },
];

/** enforce: refuse to start; warn: log and go on; off: do not ask (e.g. CONFIG is disabled). */
export type DurabilityPolicy = "enforce" | "warn" | "off";

export interface WarnLogger {
  warn(message: string): void;
}

/** What is wrong with the server's settings, one line each; empty when all is well. */
export async function redisDurabilityProblems(redis: Redis): Promise<string[]> {
  const problems: string[] = [];
  for (const { key, accepted } of required) {
    try {
      const reply = (await redis.config("GET", key)) as string[];
      const value = reply[1];
      if (value === undefined || !accepted.includes(value))
        problems.push(`${key} is ${value === undefined ? "unknown" : `"${value}"`}, needs "${accepted[0]}"`);
    } catch (error) {
      problems.push(`CONFIG GET ${key} failed (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  return problems;
}

export async function checkRedisDurability(
  redis: Redis,
  policy: DurabilityPolicy,
  log: WarnLogger,
): Promise<void> {
  if (policy === "off") return;
  const problems = await redisDurabilityProblems(redis);
  if (problems.length === 0) return;
  const message = [
    "Redis is not set up to keep queued events safe:",
    ...problems.map((p) => `  - ${p}`),
    "Run redis-server with --appendonly yes --appendfsync everysec --maxmemory-policy noeviction",
    "(or set REDIS_DURABILITY_CHECK=off when a managed Redis hides CONFIG and you have verified it yourself).",
  ].join("\n");
  if (policy === "enforce") throw new Error(message);
  log.warn(message);
}

export function defaultDurabilityPolicy(nodeEnv: string): DurabilityPolicy {
  return nodeEnv === "production" ? "enforce" : "warn";
}
