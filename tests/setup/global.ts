import type { TestProject } from "vitest/node";
import { provisionDatabase, provisionRedis } from "./provision.js";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseMode: "external" | "pglite";
    redisUrl: string;
    queuePrefix: string;
  }
}

/** Integration projects: the database named by DATABASE_URL (or PGlite when unset) and Redis. */
export default async function setup(project: TestProject) {
  const mode =
    project.config.env?.SAMSPILL_TEST_DB === "pglite" || !process.env.DATABASE_URL ? "pglite" : "external";
  const [db, redis] = await Promise.all([provisionDatabase(mode), provisionRedis()]);
  project.provide("databaseUrl", db.url);
  project.provide("databaseMode", mode);
  project.provide("redisUrl", redis.url);
  project.provide("queuePrefix", redis.prefix);
  return async () => {
    await Promise.allSettled([db.teardown(), redis.teardown()]);
  };
}
