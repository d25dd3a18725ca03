import {
  type AccessibilityFeature,
  type Audience,
  accessibilityFeatures,
  audiences,
  type DiagnosisGroup,
  diagnosisGroups,
  languageCodes,
  type OfferFormat,
  type OfferKind,
  type OrganisationKind,
  offerFormats,
  offerKinds,
  organisationKinds,
  type PriorityGroup,
  priorityGroups,
  type TimeOfDay,
  timesOfDay,
  type Weekday,
  weekdays,
} from "@samspill/domain";

// The catalogue's filters live in the URL, under the same names the CSV/HSDS/FHIR exports take
// (services/gateway/src/routes/exports.ts), so a search page's query string is also an export's.

export interface CatalogueFilters {
  text: string;
  municipality: string[];
  hospitalTrust: string;
  /** Kinds of provider, e.g. HOSPITAL_TRUST: what the other trusts offer. */
  providerKind: OrganisationKind[];
  priorityGroup: PriorityGroup[];
  diagnosisGroup: DiagnosisGroup[];
  diagnosisCode: string[];
  audience: Audience[];
  format: OfferFormat[];
  kind: OfferKind[];
  language: string[];
  accessibility: AccessibilityFeature[];
  /** YYYY-MM-DD: offers with a session on or after / on or before this day. */
  from: string;
  to: string;
  /** Weekdays and parts of the day of upcoming sessions (Oslo time). */
  day: Weekday[];
  time: TimeOfDay[];
  /** A municipality's name: results nearest first from its centre. */
  near: string;
  /** Kilometres from `near`, as chosen from `distances`; empty for any distance. */
  within: string;
}

export const distances = ["10", "25", "50", "100"] as const;

export type ListFilter = {
  [K in keyof CatalogueFilters]: CatalogueFilters[K] extends string[] ? K : never;
}[keyof CatalogueFilters];

const listKeys: readonly ListFilter[] = [
  "municipality",
  "providerKind",
  "priorityGroup",
  "diagnosisGroup",
  "diagnosisCode",
  "audience",
  "format",
  "kind",
  "language",
  "accessibility",
];
/** Filters the export routes do not take: the page keeps them, a download leaves them out. */
const pageOnlyListKeys: readonly ListFilter[] = ["day", "time"];

/** What the gateway's filter accepts as an ICD-10 code or prefix. */
export const icd10Prefix = /^[A-Za-z]\d{0,2}(\.\w{0,2})?$/;
const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function values(params: URLSearchParams, key: string): string[] {
  return [
    ...new Set(
      params
        .getAll(key)
        .flatMap((v) => v.split(","))
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
}

function oneOf<T extends string>(allowed: readonly T[], list: string[]): T[] {
  return list.filter((v): v is T => (allowed as readonly string[]).includes(v));
}

/** Reads the filters from a query string; values the gateway would refuse are left out. */
export function readFilters(params: URLSearchParams): CatalogueFilters {
  const day = (key: string) => {
    const v = params.get(key) ?? "";
    return isoDay.test(v) ? v : "";
  };
  const trust = params.get("hospitalTrust") ?? "";
  return {
    text: (params.get("text") ?? "").slice(0, 200),
    municipality: values(params, "municipality").filter((v) => /^\d{4}$/.test(v)),
    hospitalTrust: uuid.test(trust) ? trust : "",
    providerKind: oneOf(organisationKinds, values(params, "providerKind")),
    priorityGroup: oneOf(priorityGroups, values(params, "priorityGroup")),
    diagnosisGroup: oneOf(diagnosisGroups, values(params, "diagnosisGroup")),
    diagnosisCode: values(params, "diagnosisCode")
      .map((c) => c.toUpperCase())
      .filter((c) => icd10Prefix.test(c)),
    audience: oneOf(audiences, values(params, "audience")),
    format: oneOf(offerFormats, values(params, "format")),
    kind: oneOf(offerKinds, values(params, "kind")),
    language: values(params, "language").filter((c) => languageCodes.has(c)),
    accessibility: oneOf(accessibilityFeatures, values(params, "accessibility")),
    from: day("from"),
    to: day("to"),
    day: oneOf(weekdays, values(params, "day")),
    time: oneOf(timesOfDay, values(params, "time")),
    near: (params.get("near") ?? "").trim().slice(0, 100),
    within: oneOf(distances, values(params, "within"))[0] ?? "",
  };
}

/** The query string for the filters; with `forExport`, only what the export routes take. */
export function writeFilters(filters: CatalogueFilters, { forExport = false } = {}): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.text.trim()) params.set("text", filters.text.trim());
  if (filters.hospitalTrust) params.set("hospitalTrust", filters.hospitalTrust);
  for (const key of listKeys) for (const v of filters[key]) params.append(key, v);
  if (!forExport) {
    if (filters.from) params.set("from", filters.from);
    if (filters.to) params.set("to", filters.to);
    for (const key of pageOnlyListKeys) for (const v of filters[key]) params.append(key, v);
    if (filters.near.trim()) params.set("near", filters.near.trim());
    if (filters.near.trim() && filters.within) params.set("within", filters.within);
  }
  return params;
}

export function hasFilters(filters: CatalogueFilters): boolean {
  return writeFilters(filters).size > 0;
}

/** Oslo-time day boundaries as instants, so "to 3 March" includes the evening of 3 March. */
function osloDayStart(day: string, endOfDay: boolean): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d, endOfDay ? 23 : 0, endOfDay ? 59 : 0, endOfDay ? 59 : 0);
  // Oslo is UTC+1 or UTC+2; find the offset in force at that moment.
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Oslo",
    hour: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(guess));
  const osloHour = Number(parts.find((p) => p.type === "hour")?.value ?? 0);
  const utcHour = new Date(guess).getUTCHours();
  const offsetHours = (osloHour - utcHour + 24) % 24;
  return new Date(guess - offsetHours * 3_600_000).toISOString();
}

/** The gateway's OfferFilter for these filters (published offers only: the public catalogue). */
export function toOfferFilter(filters: CatalogueFilters) {
  const list = <T>(v: T[]) => (v.length > 0 ? v : undefined);
  return {
    text: filters.text.trim() || undefined,
    municipalityNumbers: list(filters.municipality),
    hospitalTrustId: filters.hospitalTrust || undefined,
    providerKinds: list(filters.providerKind),
    priorityGroups: list(filters.priorityGroup),
    diagnosisGroups: list(filters.diagnosisGroup),
    diagnosisCodes: list(filters.diagnosisCode),
    audiences: list(filters.audience),
    formats: list(filters.format),
    kinds: list(filters.kind),
    languages: list(filters.language),
    accessibility: list(filters.accessibility),
    sessionFrom: filters.from ? osloDayStart(filters.from, false) : undefined,
    sessionTo: filters.to ? osloDayStart(filters.to, true) : undefined,
    daysOfWeek: list(filters.day),
    timesOfDay: list(filters.time),
    near: filters.near.trim()
      ? { place: filters.near.trim(), withinKm: filters.within ? Number(filters.within) : undefined }
      : undefined,
    statuses: ["PUBLISHED" as const],
  };
}
