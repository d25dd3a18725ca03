import type { Dimension } from "./queries.js";

// The overview's state lives in the query string (?trust=…&community=…&by=format), so a link
// to the page shows the same area and view to whoever opens it.

export const dimensions: readonly Dimension[] = ["PRIORITY_GROUP", "DIAGNOSIS_GROUP", "FORMAT", "LANGUAGE"];

const slugOf: Record<Dimension, string> = {
  PRIORITY_GROUP: "priority-group",
  DIAGNOSIS_GROUP: "diagnosis-group",
  FORMAT: "format",
  LANGUAGE: "language",
};

export interface OverviewFilters {
  trust: string | null;
  community: string | null;
  dimension: Dimension;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const idParam = (value: string | null) => (value && uuid.test(value) ? value : null);

export function readFilters(params: URLSearchParams): OverviewFilters {
  const by = params.get("by");
  const dimension = dimensions.find((d) => slugOf[d] === by) ?? "PRIORITY_GROUP";
  return { trust: idParam(params.get("trust")), community: idParam(params.get("community")), dimension };
}

export function writeFilters(filters: OverviewFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.trust) params.set("trust", filters.trust);
  if (filters.community) params.set("community", filters.community);
  if (filters.dimension !== "PRIORITY_GROUP") params.set("by", slugOf[filters.dimension]);
  return params;
}
