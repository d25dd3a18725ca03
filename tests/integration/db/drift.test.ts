import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { repoRoot } from "../../setup/provision.js";

// schema.prisma and the committed migrations must describe the same database. `migrate diff`
// replays the migrations into a shadow database and compares; exit 2 means they differ.

const packageDir = join(repoRoot, "packages/database");

function diff(schemaPath: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      "node",
      [
        "scripts/prisma.mjs",
        "migrate",
        "diff",
        "--from-migrations",
        "prisma/migrations",
        "--to-schema",
        schemaPath,
        "--exit-code",
      ],
      {
        cwd: packageDir,
        env: { ...process.env, DATABASE_URL: inject("databaseUrl") },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (d) => {
      output += d;
    });
    child.stderr.on("data", (d) => {
      output += d;
    });
    child.once("exit", (code) => resolve({ code, output }));
  });
}

describe("schema and migrations", () => {
  it("are in step", async () => {
    const { code, output } = await diff("prisma/schema.prisma");
    expect(output).toContain("No difference detected");
    expect(code).toBe(0);
  }, 120_000);

  it("are reported as drifted when the schema changes without a migration", async () => {
    const dir = mkdtempSync(join(tmpdir(), "samspill-drift-"));
    try {
      const schema = readFileSync(join(packageDir, "prisma/schema.prisma"), "utf8").replace(
        "model Offer {",
        "model Offer {\n  driftProbe String?",
      );
      writeFileSync(join(dir, "schema.prisma"), schema);
      const { code, output } = await diff(join(dir, "schema.prisma"));
      expect(output).toMatch(/driftProbe/);
      expect(code).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
