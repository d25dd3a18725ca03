import { type GraphQLResolveInfo, Kind, type OperationDefinitionNode, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { selects } from "./overview-selection.js";

// The overview reads provider lists only when asked: missing a way of asking would answer
// `providers` with an error, so every way a document can name the field must be seen.

function infoOf(document: string): GraphQLResolveInfo {
  const doc = parse(document);
  const operation = doc.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const overview = operation?.selectionSet.selections[0];
  if (overview?.kind !== Kind.FIELD) throw new Error("no overview field");
  const fragments = Object.fromEntries(
    doc.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])),
  );
  return { fieldNodes: [overview], fragments } as unknown as GraphQLResolveInfo;
}

describe("selects", () => {
  it("sees a field nested directly", () => {
    expect(selects(infoOf("{ overview { rows { cells { providers { id } } } } }"), "providers")).toBe(true);
  });

  it("sees a field in a named fragment, also one used twice or nested", () => {
    const info = infoOf(`{ overview { total { ...A } rows { cells { ...A } } } }
      fragment A on OverviewCell { ...B }
      fragment B on OverviewCell { providers { name } }`);
    expect(selects(info, "providers")).toBe(true);
  });

  it("sees a field in an inline fragment or under a directive", () => {
    expect(
      selects(infoOf("{ overview { total { ... on OverviewCell { providers { id } } } } }"), "providers"),
    ).toBe(true);
    expect(
      selects(
        infoOf("query($p: Boolean!) { overview { total { providers @include(if: $p) { id } } } }"),
        "providers",
      ),
    ).toBe(true);
  });

  it("is false when only counts are asked for, however the fragments repeat", () => {
    const info = infoOf(`{ overview { total { ...A } totals { ...A } rows { cells { providerCount ...A } } } }
      fragment A on OverviewCell { value offerCount }`);
    expect(selects(info, "providers")).toBe(false);
  });
});
