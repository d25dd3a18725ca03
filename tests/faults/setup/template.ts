import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase } from "@samspill/database";
import { rebuildOverview } from "@samspill/read-model";
import { seedDemoData } from "@samspill/seed";
import type { TestProject } from "vitest/node";
import { migrate } from "../../setup/provision.js";
import { initCluster, type PostgresKind, postgresKind, startPostgres } from "../support/postgres.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** A stopped cluster, migrated and seeded, that each fault test copies for a Postgres of its own. */
    faultsCluster: string;
    faultsPostgresKind: PostgresKind;
  }
}

// Migrating and seeding takes far longer than copying a data directory, so it is done once per
// run; every test file then starts a private server on its own copy and may break it freely.
export default async function setup(project: TestProject) {
  // The faults-pglite project sets SAMSPILL_FAULTS_POSTGRES in its own env, which reaches its test
  // workers but not this setup, so it is read from the project's config as well.
  const kind: PostgresKind =
    project.config.env?.SAMSPILL_FAULTS_POSTGRES === "pglite" ? "pglite" : postgresKind();
  const dir = mkdtempSync(join(tmpdir(), "samspill-faults-template-"));
  const cluster = join(dir, "cluster");
  try {
    initCluster(kind, cluster);
    const server = await startPostgres(kind, cluster);
    try {
      await migrate(server.url);
      const db = createDatabase({ url: server.url, maxConnections: 4 });
      try {
        await seedDemoData(db);
        await rebuildOverview(db);
      } finally {
        await db.$disconnect();
      }
    } finally {
      await server.stop();
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  project.provide("faultsCluster", cluster);
  project.provide("faultsPostgresKind", kind);
  return () => rmSync(dir, { recursive: true, force: true });
}
