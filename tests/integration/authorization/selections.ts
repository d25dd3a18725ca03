import {
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  isLeafType,
  isNonNullType,
  isObjectType,
} from "graphql";
import { sampleValue } from "./schema-inputs.js";

// Reads a field the way an attacker would: every field of the answer that needs no arguments,
// nested a few levels deep, so private data hidden one relation away is fetched too. Built from
// the schema, so a field added tomorrow is read tomorrow.

const maxDepth = 4;

function selection(schema: GraphQLSchema, type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return "";
  if (isAbstractType(named)) {
    const parts = schema
      .getPossibleTypes(named)
      .map((t) => `... on ${t.name} ${selection(schema, t, depth)}`);
    return `{ __typename ${parts.join(" ")} }`;
  }
  if (!isObjectType(named)) return "";
  const parts = ["__typename"];
  for (const field of Object.values(named.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const inner = getNamedType(field.type);
    if (isLeafType(inner)) parts.push(field.name);
    else if (depth < maxDepth) {
      const sub = selection(schema, field.type, depth + 1);
      if (sub) parts.push(`${field.name} ${sub}`);
    }
  }
  return `{ ${parts.join(" ")} }`;
}

/** A query calling `field` with `given` arguments (the others required get a sample value), selecting everything. */
export function readDocument(
  schema: GraphQLSchema,
  operation: "query" | "subscription",
  field: GraphQLField<unknown, unknown>,
  given: Record<string, unknown>,
): { query: string; variables: Record<string, unknown> } {
  const variables: Record<string, unknown> = {};
  for (const arg of field.args) {
    if (arg.name in given) variables[arg.name] = given[arg.name];
    else if (isNonNullType(arg.type) && arg.defaultValue === undefined)
      variables[arg.name] = sampleValue(arg.type);
  }
  const args = field.args.filter((a) => a.name in variables);
  const decl = args.map((a) => `$${a.name}: ${String(a.type)}`).join(", ");
  const call = args.map((a) => `${a.name}: $${a.name}`).join(", ");
  const query = `${operation}${decl ? `(${decl})` : ""} { result: ${field.name}${call ? `(${call})` : ""} ${selection(schema, field.type, 1)} }`;
  return { query, variables };
}
