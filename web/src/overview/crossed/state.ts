import {
  audienceClasses,
  crossDimensions,
  diagnosisGroups,
  gapSorts,
  offerFormats,
  priorityGroups,
} from "@samspill/domain";

// The crossed overview's state lives in the query string, in the names the CSV export takes
// (/export/crossed-gaps.csv), so a link shows the same table to whoever opens it and the
// download link is the page's own parameters.

export type CrossDimension = (typeof crossDimensions)[number];
export type GapSort = (typeof gapSorts)[number];

export interface CrossedState {
  trust: string | null;
  community: string | null;
  rows: CrossDimension;
  columns: CrossDimension;
  below: number;
  sort: GapSort;
  /** One value per filter at most on this page ("" = all); the API takes lists. */
  priorityGroup: string;
  diagnosisGroup: string;
  format: string;
  audience: string;
  /** Language columns asked for beyond the region's own. */
  showLanguage: string[];
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const idParam = (value: string | null) => (value && uuid.test(value) ? value : null);
const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T | ""): T | "" =>
  values.find((v) => v === value) ?? fallback;

export function readState(params: URLSearchParams): CrossedState {
  const rows = oneOf(crossDimensions, params.get("rows"), "MUNICIPALITY") || "MUNICIPALITY";
  const columnsAsked = oneOf(crossDimensions, params.get("columns"), "LANGUAGE") || "LANGUAGE";
  const columns = columnsAsked === rows ? (rows === "LANGUAGE" ? "MUNICIPALITY" : "LANGUAGE") : columnsAsked;
  const below = Number(params.get("below") ?? "1");
  return {
    trust: idParam(params.get("hospitalTrust")),
    community: idParam(params.get("healthCommunity")),
    rows,
    columns,
    below: Number.isInteger(below) && below >= 1 && below <= 1000 ? below : 1,
    sort: oneOf(gapSorts, params.get("sort"), "OFFER_COUNT") || "OFFER_COUNT",
    priorityGroup: oneOf(priorityGroups, params.get("priorityGroup"), ""),
    diagnosisGroup: oneOf(diagnosisGroups, params.get("diagnosisGroup"), ""),
    format: oneOf(offerFormats, params.get("format"), ""),
    audience: oneOf(audienceClasses, params.get("audience"), ""),
    showLanguage: params.getAll("showLanguage").filter((l) => /^[a-z-]{2,10}$/.test(l)),
  };
}

export function writeState(s: CrossedState): URLSearchParams {
  const params = new URLSearchParams();
  if (s.trust) params.set("hospitalTrust", s.trust);
  if (s.community) params.set("healthCommunity", s.community);
  params.set("rows", s.rows);
  params.set("columns", s.columns);
  if (s.below !== 1) params.set("below", String(s.below));
  if (s.sort !== "OFFER_COUNT") params.set("sort", s.sort);
  for (const key of ["priorityGroup", "diagnosisGroup", "format", "audience"] as const)
    if (s[key]) params.set(key, s[key]);
  for (const l of s.showLanguage) params.append("showLanguage", l);
  return params;
}

const list = <T extends string>(value: string) => (value ? [value as T] : []);

/** The query's variables for a state (the gaps' page apart). */
export function variablesOf(s: CrossedState) {
  return {
    trust: s.trust,
    community: s.community,
    rows: s.rows,
    columns: s.columns,
    below: s.below,
    sort: s.sort,
    languages: s.showLanguage,
    filter: {
      priorityGroups: list<(typeof priorityGroups)[number]>(s.priorityGroup),
      diagnosisGroups: list<(typeof diagnosisGroups)[number]>(s.diagnosisGroup),
      formats: list<(typeof offerFormats)[number]>(s.format),
      audiences: list<(typeof audienceClasses)[number]>(s.audience),
    },
  };
}

/** The crossed overview of the joint overview's area (its parameters are named as the export's). */
export function crossedAreaParams(area: { trust: string | null; community: string | null }): string {
  const params = new URLSearchParams();
  if (area.trust) params.set("hospitalTrust", area.trust);
  if (area.community) params.set("healthCommunity", area.community);
  return params.toString();
}
