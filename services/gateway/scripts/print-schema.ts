import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { printSchema } from "graphql";
import { schema } from "../src/schema/index.js";

// Writes the public contract to schema.graphql; a test fails when the committed file is stale.
// `npm test` passes another path to compare a fresh print with the committed file.
const target = process.argv[2]
  ? resolve(process.argv[2])
  : fileURLToPath(new URL("../schema.graphql", import.meta.url));
writeFileSync(target, `${printSchema(schema)}\n`);
console.log(`Wrote ${target}`);
