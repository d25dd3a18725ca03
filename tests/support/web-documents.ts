import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  type GraphQLSchema,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  type OperationDefinitionNode,
  parse,
  typeFromAST,
  visit,
} from "graphql";

// The GraphQL operations the web app sends, read from its sources: every gql.tada
// `graphql(\`…\`)` call under web/src, with the fragments each operation spreads.

const webSource = new URL("../../web/src/", import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

export interface WebOperation {
  file: string;
  name: string;
  document: DocumentNode;
}

export function webOperations(): WebOperation[] {
  const operations: { file: string; node: OperationDefinitionNode }[] = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const file of sourceFiles(webSource)) {
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/\bgraphql\(\s*`([^`]*)`/g)) {
      for (const definition of parse(match[1] ?? "").definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
        if (definition.kind === Kind.OPERATION_DEFINITION)
          operations.push({ file: file.slice(webSource.length), node: definition });
      }
    }
  }
  return operations.map(({ file, node }) => {
    const needed = new Map<string, FragmentDefinitionNode>();
    const collect = (root: OperationDefinitionNode | FragmentDefinitionNode) =>
      visit(root, {
        FragmentSpread(spread) {
          const fragment = fragments.get(spread.name.value);
          if (!fragment) throw new Error(`${file}: fragment ${spread.name.value} not found in web/src`);
          if (needed.has(fragment.name.value)) return;
          needed.set(fragment.name.value, fragment);
          collect(fragment);
        },
      });
    collect(node);
    return {
      file,
      name: node.name?.value ?? "(anonymous)",
      document: { kind: Kind.DOCUMENT, definitions: [node, ...needed.values()] },
    };
  });
}

/**
 * Variables for an operation at their most costly: every page size (`first`, `last`) at `pageSize`,
 * every other required variable a valid value of its type (required input fields filled in).
 */
export function costliestVariables(
  schema: GraphQLSchema,
  operation: DocumentNode,
  pageSize: number,
): Record<string, unknown> {
  const definition = operation.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  const out: Record<string, unknown> = {};
  for (const variable of definition?.variableDefinitions ?? []) {
    const type = typeFromAST(schema, variable.type) as GraphQLInputType | undefined;
    if (!type) continue;
    const name = variable.variable.name.value;
    if (/^(first|last)$/i.test(name)) out[name] = pageSize;
    // Summaries take a period of the grid, which a bare string is not.
    else if (name === "period") out[name] = "2026";
    else if (isNonNullType(type)) out[name] = sample(type);
  }
  return out;
}

function sample(type: GraphQLInputType): unknown {
  const inner = getNullableType(type);
  if (isListType(inner)) return [sample(inner.ofType)];
  if (isEnumType(inner)) return inner.getValues()[0]?.value;
  if (isInputObjectType(inner))
    return Object.fromEntries(
      Object.values(inner.getFields())
        .filter((field) => isNonNullType(field.type))
        .map((field) => [field.name, sample(field.type)]),
    );
  const scalars: Record<string, unknown> = {
    ID: "00000000-0000-4000-8000-000000000000",
    String: "x",
    Int: 1,
    Float: 1,
    Boolean: true,
    Date: "2026-01-01",
    DateTime: "2026-01-01T00:00:00Z",
    JSON: {},
  };
  return scalars[inner.name] ?? "x";
}
