import { complexityFromQuery, type FieldComplexityValue } from "@pothos/plugin-complexity";
import { type DocumentNode, type GraphQLSchema, Kind } from "graphql";
import { createGraphQLError, type Plugin } from "graphql-yoga";

// What a query may cost, counted before it runs: every field selected is one node, and what a
// list field selects counts once per item it can return. A connection returns its page size
// (`first` or `last`, else the default below); a list without paging counts at a bounded size:
// the builder's default list multiplier, or `boundedList` where the domain bounds it. Nested
// lists multiply, so municipalities → hospital trust → catchment → … grows as 400ⁿ.

/** Items assumed for a connection asked for without `first` or `last`: the change feed's default, the largest. */
export const defaultPageSize = 100;
/** Items assumed for a list without paging whose size the domain does not bound. */
export const defaultListSize = 50;
/** Norway has 357 municipalities: a list of them, or the overview's row per municipality, is never longer. */
export const municipalityListCost = { field: 1, multiplier: 400 } as const;
/** Nodes one operation may touch; the web app's costliest query (the overview matrix) needs about a third. */
export const defaultMaxQueryCost = 250_000;

const pageSize = (value: unknown) =>
  typeof value === "number" && Number.isFinite(value) ? Math.max(0, value) : undefined;

/** A connection field's cost: its selection once per item of the page asked for. */
export const connectionCost = (args: { first?: unknown; last?: unknown }): FieldComplexityValue => ({
  field: 1,
  multiplier: pageSize(args.first) ?? pageSize(args.last) ?? defaultPageSize,
});

/** A connection's edges are its page, already counted on the connection field. */
export const edgesCost: FieldComplexityValue = { field: 1, multiplier: 1 };

/** The cost of the operation a request selects (by name, else the only one), with its variables. */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): number {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation) return 0;
  // Pothos measures the first operation of a document: hand it only the selected one.
  const selected: DocumentNode = {
    ...document,
    definitions: [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)],
  };
  return complexityFromQuery(selected, { schema, variables: variables ?? {} }).complexity;
}

/**
 * Refuses an operation whose cost is over `maxCost` after validation and before any resolver
 * runs. It is measured at execution, not as a validation rule, because yoga caches validation
 * by document alone while the cost depends on the variables (a page size may be one).
 */
export function queryCostPlugin(maxCost: number = defaultMaxQueryCost): Plugin {
  const refuse = (cost: number) =>
    createGraphQLError(
      `Query too costly: it could touch ${cost} nodes, more than the ${maxCost} allowed. Ask for smaller pages (first) or fewer nested lists.`,
      { extensions: { code: "QUERY_TOO_COSTLY", cost, maxCost, http: { status: 400 } } },
    );
  const check = (args: {
    schema: GraphQLSchema;
    document: DocumentNode;
    variableValues?: Record<string, unknown> | null;
    operationName?: string | null;
  }) => {
    let cost: number;
    try {
      cost = operationCost(args.schema, args.document, args.variableValues ?? undefined, args.operationName);
    } catch {
      // Variables that do not fit the operation: execution itself answers that as bad input.
      return null;
    }
    return cost > maxCost ? refuse(cost) : null;
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const error = check(args);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const error = check(args);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}
