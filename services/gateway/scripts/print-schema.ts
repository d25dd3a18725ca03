import { writeFileSync } from "node:fs";
import { printSchema } from "graphql";
import { schema } from "../src/schema/index.js";

// Writes the public contract to schema.graphql; a test fails when the committed file is stale.
const target = new URL("../schema.graphql", import.meta.url);
writeFileSync(target, `${printSchema(schema)}\n`);
console.log(`Wrote ${target.pathname}`);
