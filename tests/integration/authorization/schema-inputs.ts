import { randomUUID } from "node:crypto";
import {
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from "graphql";

// Builds the smallest well-typed arguments for any mutation from the schema itself, so a test
// can reach every mutation's authorization check without knowing its inputs by heart. Ids are
// fresh random UUIDs: they name nothing the caller owns.

export function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [sampleValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]?.value;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined)
        out[field.name] = sampleValue(field.type);
    }
    return out;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case "ID":
        return randomUUID();
      case "Int":
        return 1;
      case "Float":
        return 1;
      case "Boolean":
        return false;
      case "DateTime":
        return "2027-03-01T10:00:00.000Z";
      case "Date":
        return "2027-03-01";
      case "JSON":
        return {};
      default:
        return "Samspill";
    }
  }
  throw new Error(`No sample for ${String(type)}`);
}

export function mutationFields(schema: GraphQLSchema): GraphQLField<unknown, unknown>[] {
  return Object.values(schema.getMutationType()?.getFields() ?? {});
}

/** A document calling `field` with variables for all its required arguments. */
export function callDocument(field: GraphQLField<unknown, unknown>): {
  query: string;
  variables: Record<string, unknown>;
} {
  const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const variables = Object.fromEntries(required.map((a) => [a.name, sampleValue(a.type)]));
  const decl = required.map((a) => `$${a.name}: ${String(a.type)}`).join(", ");
  const call = required.map((a) => `${a.name}: $${a.name}`).join(", ");
  const query = `mutation${decl ? `(${decl})` : ""} { result: ${field.name}${call ? `(${call})` : ""} { __typename } }`;
  return { query, variables };
}
