import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase, type Database } from "@samspill/database";
import { inject } from "vitest";
import type { Child } from "../../support/processes.js";
import { copyCluster, type PrivatePostgres, startPostgres } from "./postgres.js";
import { type PrivateRedis, startPrivateRedis } from "./redis.js";

// Everything one fault test breaks is its own: a temp directory, a Postgres on a copy of the
// run's seeded cluster (tests/faults/setup/template.ts), a redis-server with AOF, and the service
// processes it starts. `teardown` stops all of them and removes the directory, whatever state
// the test left them in.

export interface Stack {
  dir: string;
  postgres: PrivatePostgres;
  redis: PrivateRedis;
  /** A client of the test's own (the services have theirs). */
  db: Database;
  queuePrefix: string;
  /** Environment for a worker or gateway process on this stack. */
  env(extra?: Record<string, string>): Record<string, string>;
  /** Remembers a started process so teardown kills it if the test did not stop it. */
  track(child: Child): Child;
  teardown(): Promise<void>;
}

export async function startStack(name: string): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), `samspill-faults-${name}-`));
  const children: Child[] = [];
  const started: { postgres?: PrivatePostgres; redis?: PrivateRedis; db?: Database } = {};
  const teardown = async () => {
    await Promise.allSettled(children.map((c) => c.stop(5_000)));
    await started.db?.$disconnect().catch(() => undefined);
    await Promise.allSettled([started.postgres?.kill(), started.redis?.kill()]);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const cluster = join(dir, "cluster");
    copyCluster(inject("faultsCluster"), cluster);
    const [postgres, redis] = await Promise.all([
      startPostgres(inject("faultsPostgresKind"), cluster),
      startPrivateRedis(join(dir, "redis")),
    ]);
    started.postgres = postgres;
    started.redis = redis;
    const db = createDatabase({ url: postgres.url, maxConnections: 4 });
    started.db = db;
    const queuePrefix = `faults-${name}`;
    return {
      dir,
      postgres,
      redis,
      db,
      queuePrefix,
      env: (extra = {}) => ({
        DATABASE_URL: postgres.url,
        REDIS_URL: redis.url,
        QUEUE_PREFIX: queuePrefix,
        ...extra,
      }),
      track(child) {
        children.push(child);
        return child;
      },
      teardown,
    };
  } catch (error) {
    await teardown();
    throw error;
  }
}
