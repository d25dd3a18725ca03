import { complexityFromQuery, type FieldComplexityValue } from "@pothos/plugin-complexity";
import { DomainValidationError } from "@samspill/domain";
import { type DocumentNode, type ExecutionResult, GraphQLError, type GraphQLSchema, Kind } from "graphql";
import { createGraphQLError, type Plugin } from "graphql-yoga";

// What a query may cost, counted before it runs: every field selected is one node, and what a
// list field selects counts once per item it can return. A connection returns its page size
// (`first` or `last`, else a full page); a list without paging counts at a bounded size:
// the builder's default list multiplier, or `boundedList` where the domain bounds it. Nested
// lists multiply, so municipalities → hospital trust → catchment → … grows as 400ⁿ.

/** Items a connection serves at most, unless it says otherwise with `pagedCost` (plugin-prisma's default). */
const defaultMaxPageSize = 100;
/** Items assumed for a list without paging whose size the domain does not bound (Pothos' default). */
export const defaultListSize = 10;
/** Norway has 357 municipalities: a list of them, or the overview's row per municipality, is never longer. */
export const municipalityListCost = { field: 1, multiplier: 400 } as const;
/**
 * Nodes one operation may touch. The web app's costliest query, the forum's reviews at full
 * pages, needs about three quarters; all municipalities with their trust's catchment (160,000) is refused.
 */
export const defaultMaxQueryCost = 100_000;

const pageSize = (value: unknown) =>
  typeof value === "number" && Number.isFinite(value) ? Math.max(0, value) : undefined;

/**
 * The cost of a connection serving at most `maxSize` items a page: its selection once per item
 * of the page asked for (`first` or `last`), or of a full page when it does not say.
 */
export const pagedCost =
  (maxSize: number) =>
  (args: { first?: unknown; last?: unknown }): FieldComplexityValue => ({
    field: 1,
    multiplier: Math.min(pageSize(args.first) ?? pageSize(args.last) ?? maxSize, maxSize),
  });

/** Every connection's cost unless it sets its own (the builder's default). */
export const connectionCost = pagedCost(defaultMaxPageSize);

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
  const check = (args: {
    schema: GraphQLSchema;
    document: DocumentNode;
    variableValues?: Record<string, unknown> | null;
    operationName?: string | null;
  }): ExecutionResult | null => {
    let cost: number;
    try {
      cost = operationCost(args.schema, args.document, args.variableValues ?? undefined, args.operationName);
    } catch (error) {
      // Measuring reads the arguments of paged fields, so bad ones show here first. The whole
      // operation is refused: running its other fields unmeasured would defeat the limit.
      // Answered as the field's own argument error would have been: with `data: null`.
      return { data: null, errors: [unmeasurable(error)] };
    }
    if (cost <= maxCost) return null;
    const refusal = createGraphQLError(
      `Query too costly: it could touch ${cost} nodes, more than the ${maxCost} allowed. Ask for smaller pages (first) or fewer nested lists.`,
      { extensions: { code: "QUERY_TOO_COSTLY", cost, maxCost, http: { status: 400 } } },
    );
    return { errors: [refusal] };
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const refusal = check(args);
      if (refusal) setResultAndStopExecution(refusal);
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const refusal = check(args);
      if (refusal) setResultAndStopExecution(refusal);
    },
  };
}

function unmeasurable(error: unknown): GraphQLError {
  if (error instanceof DomainValidationError)
    return createGraphQLError(error.message, {
      extensions: { code: "BAD_USER_INPUT", issues: error.issues },
    });
  const message = error instanceof GraphQLError ? error.message : "The query's arguments are not valid";
  return createGraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });
}
