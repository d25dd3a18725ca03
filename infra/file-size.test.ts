import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Files stay small enough to read in one go (issue 11): no source file over about 400 lines, no
// gateway schema file over about 300 (types, reads and one-line resolvers calling a command). A
// file that grows past its limit is split by what it holds. The list comes from git (tracked
// files and new ones not ignored), so a clean clone checks the same files as a working tree.

const root = join(import.meta.dirname, "..");
const fileLimit = 400;
const schemaLimit = 300;
const schemaFolder = "services/gateway/src/schema/";

/** Lengths that are not code's: the seed's data files and what a generator wrote. */
function exempt(path: string): boolean {
  return path.endsWith(".data.ts") || /(^|\/)generated\//.test(path) || path.endsWith("/graphql-env.d.ts");
}

function sourceFiles(): string[] {
  const listed = execFileSync(
    "git",
    ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "*.ts", "*.tsx", "*.mjs", "*.cjs"],
    { cwd: root, encoding: "utf8" },
  );
  // A tracked file deleted in the working tree is still listed until the deletion is committed.
  return listed.split("\0").filter((path) => path !== "" && existsSync(join(root, path)));
}

function lineCount(path: string): number {
  const text = readFileSync(join(root, path), "utf8");
  return text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
}

describe("file size", () => {
  const files = sourceFiles().filter((path) => !exempt(path));

  it("finds the source files", () => {
    expect(files).toContain("services/gateway/src/builder.ts");
    expect(files.some((path) => path.startsWith(schemaFolder))).toBe(true);
  });

  it(`keeps every file within ${fileLimit} lines and every schema file within ${schemaLimit}`, () => {
    const tooLong = files.flatMap((path) => {
      const limit = path.startsWith(schemaFolder) ? schemaLimit : fileLimit;
      const lines = lineCount(path);
      return lines > limit ? [`${path}: ${lines} lines (limit ${limit})`] : [];
    });
    expect(tooLong).toEqual([]);
  });
});
