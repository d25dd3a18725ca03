import type { Role } from "@samspill/domain";
import type { Me } from "../auth/session.js";

/** The roles that may report participation for an organisation (as the gateway checks). */
export const reportingRoles: readonly Role[] = ["ADMIN", "EDITOR", "REPORTER"];

export interface Reporter {
  id: string;
  name: string;
}

/** The organisations the person may report for, each once, by name. */
export function reportingOrganisations(me: Me): Reporter[] {
  const byId = new Map<string, Reporter>();
  for (const m of me.memberships)
    if (reportingRoles.includes(m.role) && !byId.has(m.organisationId))
      byId.set(m.organisationId, { id: m.organisationId, name: m.organisationName ?? m.organisationId });
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, "nb"));
}

export function canReportFor(me: Me, organisationId: string): boolean {
  return me.memberships.some((m) => m.organisationId === organisationId && reportingRoles.includes(m.role));
}
