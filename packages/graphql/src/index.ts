import { initGraphQLTada } from "gql.tada";
import type { introspection } from "./graphql-env.js";

// Documents in the web app, the tests and the benchmark are typed from the gateway's printed
// schema (services/gateway/schema.graphql) through gql.tada's introspection output next to this
// file; `npm test` fails when either is stale. Masking is off so a fragment's fields are read
// directly from the result that spreads it, as urql's own documents were.
export const graphql = initGraphQLTada<{
  introspection: introspection;
  disableMasking: true;
  scalars: {
    // graphql-scalars serialises both as ISO 8601 strings.
    Date: string;
    DateTime: string;
    JSON: unknown;
  };
}>();

export type { FragmentOf, ResultOf, TadaDocumentNode, VariablesOf } from "gql.tada";
