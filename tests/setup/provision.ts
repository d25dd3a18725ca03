import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startPgliteServer } from "@samspill/database/embedded";
import { Redis } from "ioredis";
import pg from "pg";
import { startRedisServer } from "../../infra/local/redis.mjs";

// Each test run gets its own database (a fresh one on the Postgres named by DATABASE_URL, or
// a private PGlite) and its own Redis key prefix (or a private redis-server), all removed at
// the end, so runs never see each other's data.

export const repoRoot = resolve(import.meta.dirname, "../..");

export interface Provisioned {
  url: string;
  teardown: () => Promise<void>;
}

/** Asynchronous on purpose: an embedded PGlite served from this process must keep answering. */
export function migrate(url: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn("node", ["packages/database/scripts/prisma.mjs", "migrate", "deploy"], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => {
      output += d;
    });
    child.stderr.on("data", (d) => {
      output += d;
    });
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolvePromise() : reject(new Error(`migrate deploy failed (${code}):\n${output}`)),
    );
  });
}

export async function provisionDatabase(mode: "external" | "pglite"): Promise<Provisioned> {
  const external = process.env.DATABASE_URL;
  if (mode === "external" && external) {
    const name = `samspill_test_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: external });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(external);
    url.pathname = `/${name}`;
    await migrate(url.toString());
    return {
      url: url.toString(),
      teardown: async () => {
        const client = new pg.Client({ connectionString: external });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.end();
      },
    };
  }
  const server = await startPgliteServer({});
  await migrate(server.url);
  return { url: server.url, teardown: () => server.stop() };
}

export interface ProvisionedRedis {
  url: string;
  prefix: string;
  teardown: () => Promise<void>;
}

export async function provisionRedis(): Promise<ProvisionedRedis> {
  const prefix = `samspill-test-${process.pid}-${Date.now().toString(36)}`;
  const external = process.env.REDIS_URL;
  if (external) {
    return {
      url: external,
      prefix,
      teardown: async () => {
        const redis = new Redis(external);
        // BullMQ keys are `{prefix}:queue:…`; scan rather than KEYS so a shared Redis is not blocked.
        let cursor = "0";
        do {
          const [next, keys] = await redis.scan(cursor, "MATCH", `*${prefix}*`, "COUNT", 500);
          cursor = next;
          if (keys.length > 0) await redis.del(...keys);
        } while (cursor !== "0");
        await redis.quit();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "samspill-redis-"));
  const server = await startRedisServer({ dir });
  return {
    url: server.url,
    prefix,
    teardown: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
