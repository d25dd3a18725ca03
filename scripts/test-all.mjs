#!/usr/bin/env node
// `npm test`: lint, typecheck, the dependency-cycle check and every test suite, in that order.
// Ends with one plain line "Tests: N passed, N failed" that CI reads.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { bin, ensureInstalled, generate, pnpm, root, run } from "./workspace.mjs";

const step = (title) => console.log(`\n▶ ${title}`);

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

step("Dependency cycles (madge --circular)");
run(bin("madge"), [
  "--circular",
  "--extensions",
  "ts,tsx",
  "--ts-config",
  "tsconfig.base.json",
  // Prisma's generated client has cycles of its own; only our code is held to the rule.
  "--exclude",
  "/generated/",
  "packages",
  "services",
  "web/src",
  "tests",
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
