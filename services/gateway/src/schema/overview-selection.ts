import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from "graphql";

// Whether an operation asks for a field anywhere below the current one. The overview reads each
// cell's provider list only when some selection names it: the overview page asks for counts,
// and naming hundreds of providers per answer is most of the work when nobody shows them. A
// field under @skip/@include counts as asked for: reading too much is safe, too little is not.

export function selects(info: GraphQLResolveInfo, field: string): boolean {
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode | undefined): boolean => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === field || walk(selection.selectionSet)) return true;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (walk(selection.selectionSet)) return true;
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        if (walk(info.fragments[selection.name.value]?.selectionSet)) return true;
      }
    }
    return false;
  };
  return info.fieldNodes.some((node) => walk(node.selectionSet));
}
