import { operationCost, schema } from "@samspill/gateway";
import { it } from "vitest";
import { costliestVariables, webOperations } from "../../support/web-documents.js";
it("prints", () => {
  const rows = webOperations().map((op) => [op.file, op.name, operationCost(schema, op.document, costliestVariables(schema, op.document, 1000))]);
  rows.sort((a, b) => (b[2] as number) - (a[2] as number));
  console.log(rows.map((r) => r.join("\t")).join("\n"));
});
