#!/usr/bin/env node
// `npm test`: lint, typecheck, the dependency-cycle check, the dependency rules and every test
// suite, in that order.
// Ends with one plain line "Tests: N passed, N failed" that CI reads.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { bin, ensureInstalled, generate, pnpm, root, run } from "./workspace.mjs";

const step = (title) => console.log(`\n▶ ${title}`);
// gql.tada is a dependency of packages/graphql only, so its CLI is linked there.
const gqlTada = join(root, "packages", "graphql", "node_modules", ".bin", "gql.tada");

ensureInstalled();
step("Generate the Prisma client");
generate();

step("Lint and format check (biome)");
run(bin("biome"), ["check", "."]);

step("Typecheck every package (tsc --noEmit)");
pnpm(["-r", "--workspace-concurrency=2", "typecheck"]);
run(bin("tsc"), ["--noEmit", "-p", "tests/tsconfig.json"]);
if (existsSync(join(root, "infra", "tsconfig.json")))
  run(bin("tsc"), ["--noEmit", "-p", "infra/tsconfig.json"]);

step("Generated GraphQL files are current (schema.graphql, graphql-env.d.ts)");
checkGraphQLFiles();

step("GraphQL documents are valid against schema.graphql (gql.tada check)");
checkGraphQLDocuments();

step("Dependency cycles (madge --circular)");
run(bin("madge"), [
  "--circular",
  "--extensions",
  "ts,tsx",
  "--ts-config",
  "tsconfig.base.json",
  // Prisma's generated client has cycles of its own; only our code is held to the rule. The
  // bench (reached through tests/integration/bench) is a script of its own whose phases and report
  // name each other's result types: type-only imports, erased before anything runs.
  "--exclude",
  "/generated/|^bench/",
  "packages",
  "services",
  "web/src",
  "tests",
]);

// Which code may import which (layers, feature folders, gateway and worker apart): the rules and
// why are in .dependency-cruiser.cjs; any violation fails the run.
step("Dependency rules (dependency-cruiser)");
run(bin("depcruise"), [
  "--config",
  ".dependency-cruiser.cjs",
  "--output-type",
  "err",
  "packages",
  "services",
  "web/src",
]);

step("Tests (vitest: unit, integration, integration on PGlite)");
const artifacts = join(root, "tests", ".artifacts");
mkdirSync(artifacts, { recursive: true });
const report = join(artifacts, "vitest.json");
let failed = false;
try {
  run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]);
} catch {
  failed = true;
}
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, "utf8"));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(
    `\nTests: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ""}`,
  );
  if (r.numTotalTests === 0) failed = true;
}
process.exit(failed ? 1 : 0);

/**
 * tsc types a document that names a missing field as `unknown` rather than failing, so every
 * `graphql()` document is validated against schema.graphql by gql.tada's check, which reads the
 * ts-plugin entry of each tsconfig. Warnings fail too: an interpolated document goes unchecked.
 * All three run before failing, so one run names every invalid document.
 */
function checkGraphQLDocuments() {
  const invalid = ["web/tsconfig.json", "tests/tsconfig.json", "bench/tsconfig.json"].filter((tsconfig) => {
    try {
      run(gqlTada, ["check", "--fail-on-warn", "--tsconfig", tsconfig]);
      return false;
    } catch {
      return true;
    }
  });
  if (invalid.length > 0) {
    console.error(`Invalid GraphQL documents in the files listed above (checked by ${invalid.join(", ")}).`);
    process.exit(1);
  }
}

/**
 * Prints the gateway's Pothos schema and gql.tada's introspection output (which types the
 * documents of the web app, the tests and the benchmark) into a temporary folder, and fails
 * when the committed copies differ: a schema change must come with both files regenerated.
 */
function checkGraphQLFiles() {
  const committedSchema = join(root, "services", "gateway", "schema.graphql");
  const committedTypes = join(root, "packages", "graphql", "src", "graphql-env.d.ts");
  const dir = mkdtempSync(join(tmpdir(), "samspill-graphql-"));
  try {
    const schema = join(dir, "schema.graphql");
    const types = join(dir, "graphql-env.d.ts");
    run(bin("tsx"), ["services/gateway/scripts/print-schema.ts", schema], { quiet: true });
    // gql.tada reads the schema from a tsconfig plugin entry: point one at the fresh print.
    const tsconfig = join(dir, "tsconfig.json");
    const plugin = { name: "gql.tada/ts-plugin", schema, tadaOutputLocation: types };
    writeFileSync(tsconfig, JSON.stringify({ compilerOptions: { plugins: [plugin] } }));
    run(gqlTada, ["generate", "output", "--tsconfig", tsconfig], { quiet: true });
    const stale = [
      [committedSchema, schema],
      [committedTypes, types],
    ].filter(
      ([committed, fresh]) =>
        !existsSync(committed) || readFileSync(committed, "utf8") !== readFileSync(fresh, "utf8"),
    );
    if (stale.length > 0) {
      console.error(
        `Stale generated GraphQL files: ${stale.map(([f]) => relative(root, f)).join(", ")}.\n` +
          "Regenerate and commit them:\n" +
          "  pnpm --filter @samspill/gateway print-schema\n" +
          "  pnpm --filter @samspill/graphql generate",
      );
      process.exit(1);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
