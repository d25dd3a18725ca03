import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

// graphql ships both index.mjs ("module") and index.js ("main"). Node loads index.js for the
// Pothos and Yoga packages; Vite would give our sources index.mjs, and two copies of graphql
// refuse each other's types. Point everything at the one Node uses.
const graphqlEntry = createRequire(import.meta.url).resolve("graphql", {
  paths: [new URL("./services/gateway/", import.meta.url).pathname],
});

// Three projects: fast unit tests; integration tests against the Postgres named by
// DATABASE_URL (PGlite when unset) and Redis; and the database tests once more on PGlite so the
// embedded default cannot drift from real Postgres.
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: [
            "packages/*/src/**/*.test.ts",
            "services/*/src/**/*.test.ts",
            "infra/**/*.test.ts",
            "web/src/**/*.test.ts",
          ],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/global.ts"],
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: "integration-pglite",
          include: ["tests/integration/db/**/*.test.ts"],
          globalSetup: ["tests/setup/global.ts"],
          env: { SAMSPILL_TEST_DB: "pglite" },
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // Fault injection (tests/faults/README.md): each file starts and breaks its own Postgres,
          // redis-server, gateway and worker processes, so files run one at a time.
          name: "faults",
          include: ["tests/faults/**/*.test.ts"],
          globalSetup: ["tests/faults/setup/template.ts"],
          fileParallelism: false,
          testTimeout: 110_000,
        },
      },
      {
        extends: true,
        test: {
          // The no-overbooking burst (500 sign-ups, 12 seats, the worker killed) once more on the
          // embedded PGlite, whose locking must hold the capacity as Postgres's does.
          name: "faults-pglite",
          include: ["tests/faults/sign-up-burst.test.ts"],
          globalSetup: ["tests/faults/setup/template.ts"],
          env: { SAMSPILL_FAULTS_POSTGRES: "pglite" },
          fileParallelism: false,
          testTimeout: 110_000,
        },
      },
      {
        extends: true,
        test: {
          // Browser journeys against the started hub (tests/e2e/setup/hub.ts), one file at a time.
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/e2e/setup/hub.ts"],
          fileParallelism: false,
          testTimeout: 120_000,
        },
      },
    ],
  },
});
