import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { useDisableIntrospection } from "@graphql-yoga/plugin-disable-introspection";
import { BREAK, type DocumentNode, visit } from "graphql";
import { createGraphQLError, type Plugin } from "graphql-yoga";
import { defaultMaxQueryCost, queryCostPlugin } from "./query-cost.js";

// Limits that keep one client (or one hostile query) from starving the others.

export interface QueryLimits {
  maxDepth: number;
  /** Nodes an operation may touch, lists counted by their page size (query-cost.ts). */
  maxCost: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
}

export const defaultQueryLimits: QueryLimits = {
  maxDepth: 12,
  maxCost: defaultMaxQueryCost,
  maxAliases: 20,
  maxTokens: 3_000,
  maxDirectives: 20,
};

/**
 * graphql-armor's depth, alias, token and directive limits, and the query cost limit; introspection
 * off in production. Armor's own cost limit is off: it cannot count a list by its page size.
 */
export function queryLimitPlugins(production: boolean, limits: QueryLimits = defaultQueryLimits): Plugin[] {
  const armor = EnvelopArmorPlugin({
    maxDepth: { n: limits.maxDepth },
    costLimit: { enabled: false },
    maxAliases: { n: limits.maxAliases },
    maxTokens: { n: limits.maxTokens },
    maxDirectives: { n: limits.maxDirectives },
    // Suggestions ("did you mean …") map the schema for an attacker when introspection is off.
    blockFieldSuggestion: { enabled: production },
  }) as Plugin;
  const plugins = [wellFormedTextPlugin(), armor, queryCostPlugin(limits.maxCost)];
  return production ? [...plugins, useDisableIntrospection()] : plugins;
}

/**
 * Postgres text and jsonb cannot hold NUL or unpaired UTF-16 surrogates, and no person types
 * them. Refusing them here, for every operation, turns what would be a database error deep in a
 * transaction into a clear input error before anything runs.
 */
export function wellFormedTextPlugin(): Plugin {
  const malformed = (where: string) =>
    createGraphQLError(
      `${where} contains characters that are not valid text (NUL or a broken surrogate pair)`,
      {
        extensions: { code: "BAD_USER_INPUT", http: { status: 400 } },
      },
    );
  return {
    onParams({ params }) {
      const bad = findMalformed(params.query, "query") ?? findMalformed(params.variables, "variables");
      if (bad) throw malformed(bad);
    },
    // A string literal may spell them as escapes ("\u0000", "\ud800"), seen only once parsed.
    onExecute({ args, setResultAndStopExecution }) {
      if (hasMalformedLiteral(args.document))
        setResultAndStopExecution({ errors: [malformed("A string in the query")] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      if (hasMalformedLiteral(args.document))
        setResultAndStopExecution({ errors: [malformed("A string in the query")] });
    },
  };
}

/**
 * By document: yoga's parser cache hands every request of the same text the same document, and
 * walking it again was a visit of the whole query per request.
 */
const malformedLiterals = new WeakMap<DocumentNode, boolean>();

function hasMalformedLiteral(document: DocumentNode): boolean {
  let found = malformedLiterals.get(document);
  if (found === undefined) {
    found = findMalformedLiteral(document);
    malformedLiterals.set(document, found);
  }
  return found;
}

function findMalformedLiteral(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    StringValue(node) {
      if (findMalformed(node.value, "") === null) return;
      found = true;
      return BREAK;
    },
  });
  return found;
}

function findMalformed(value: unknown, path: string): string | null {
  if (typeof value === "string") {
    return value.includes("\u0000") || !(value as string & { isWellFormed(): boolean }).isWellFormed()
      ? path
      : null;
  }
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = findMalformed(v, `${path}.${i}`);
      if (found) return found;
    }
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const found = findMalformed(v, `${path}.${k}`);
      if (found) return found;
    }
  }
  return null;
}
