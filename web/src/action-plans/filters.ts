import { type MeasureStatus, measureStatuses } from "@samspill/domain";

// The action plans page keeps its filters in the query string, so a filtered view can be
// bookmarked and shared ("the overdue measures of section 2.4 in our plan").

export interface MeasureFilters {
  /** Plan key, e.g. hmr-lms-2023-2025. */
  plan: string;
  /** Section number, e.g. 2.1.2; the gateway also matches its subsections. */
  section: string;
  status: MeasureStatus | "";
  /** One responsible party as the plan names it, e.g. "HF" or "Marita". */
  responsible: string;
  /** Also show measures removed in a revision (history). */
  removed: boolean;
}

const sectionNumber = /^\d+(\.\d+)*$/;

export function readMeasureFilters(params: URLSearchParams): MeasureFilters {
  const plan = params.get("plan") ?? "";
  const section = params.get("section") ?? "";
  const status = params.get("status") ?? "";
  return {
    plan: /^[\w.-]{1,100}$/.test(plan) ? plan : "",
    section: sectionNumber.test(section) ? section : "",
    status: (measureStatuses as readonly string[]).includes(status) ? (status as MeasureStatus) : "",
    responsible: (params.get("responsible") ?? "").slice(0, 100),
    removed: params.get("removed") === "1",
  };
}

export function writeMeasureFilters(filters: MeasureFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.plan) params.set("plan", filters.plan);
  if (filters.section) params.set("section", filters.section);
  if (filters.status) params.set("status", filters.status);
  if (filters.responsible) params.set("responsible", filters.responsible);
  if (filters.removed) params.set("removed", "1");
  return params;
}

/** The gateway's MeasureFilter; the responsible party is matched in the page (the API has no such filter). */
export function toMeasureFilter(filters: MeasureFilters) {
  return {
    planKey: filters.plan || undefined,
    section: filters.section || undefined,
    status: filters.status ? [filters.status] : undefined,
    includeRemoved: filters.removed,
  };
}

/** Today in Norway as YYYY-MM-DD, and the day `days` later: checkpoints are calendar days. */
export function osloDay(offsetDays = 0): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo" }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );
}
