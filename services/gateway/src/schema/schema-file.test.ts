import { readFileSync } from "node:fs";
import { printSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "./index.js";

describe("schema.graphql", () => {
  it("is the printed schema (run `pnpm --filter @samspill/gateway print-schema` after changing it)", () => {
    const committed = readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8");
    expect(committed).toBe(`${printSchema(schema)}\n`);
  });
});
