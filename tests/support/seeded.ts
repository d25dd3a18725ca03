import type { Database } from "@samspill/database";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll } from "vitest";
import { testDatabase } from "./db.js";

/**
 * The run's database with the demo region seeded, for test files split across several modules
 * (a file's helpers and its tests share this binding). Set by `useSeededDatabase`.
 */
export let db: Database;

/** Seeds the demo region before the calling file's tests and disconnects after them. */
export function useSeededDatabase(): void {
  beforeAll(async () => {
    db = testDatabase();
    await seedDemoData(db);
  });
  afterAll(() => db.$disconnect());
}
