import { diagnosisGroupOf } from "@samspill/domain";
import {
  audienceLabels,
  diagnosisGroupLabels,
  diagnosisScopeLabels,
  labelsOf,
  priorityGroupLabels,
} from "./labels.js";
import type { OfferForExport, SessionForExport } from "./types.js";

// Facts every format derives the same way, so an offer reads alike in HSDS, FHIR, iCal and CSV.

export interface OfferContact {
  name: string | null;
  email: string | null;
  phone: string | null;
}

/** The offer's own contact first; the unit running it is the fallback people can reach. */
export function offerContact(offer: OfferForExport): OfferContact {
  return {
    name: offer.contactName ?? offer.unit?.name ?? null,
    email: offer.contactEmail ?? offer.unit?.email ?? null,
    phone: offer.contactPhone ?? offer.unit?.phone ?? null,
  };
}

/** Where people meet, when they meet in person at all. */
export function offerPlace(offer: OfferForExport): string | null {
  if (offer.format === "DIGITAL") return null;
  return offer.location ?? offer.unit?.address ?? null;
}

export function offerOnlineUrl(offer: OfferForExport): string | null {
  return offer.format === "PHYSICAL" ? null : offer.onlineUrl;
}

/** A session counts as off when it is cancelled or the offer no longer runs. */
export function sessionIsOff(offer: OfferForExport, session: SessionForExport): boolean {
  return session.cancelled || offer.status !== "PUBLISHED";
}

export function nextSession(offer: OfferForExport, now: Date): SessionForExport | undefined {
  return offer.sessions
    .filter((s) => !sessionIsOff(offer, s) && s.endsAt.getTime() >= now.getTime())
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
}

export function upcomingCancelledSessions(offer: OfferForExport, now: Date): SessionForExport[] {
  return offer.sessions.filter((s) => s.cancelled && s.endsAt.getTime() >= now.getTime());
}

/** The newest change to the offer or anything shown with it. */
export function offerLastModified(offer: OfferForExport): Date {
  const stamps = [offer.updatedAt, offer.provider.updatedAt, ...offer.sessions.map((s) => s.updatedAt)];
  if (offer.unit) stamps.push(offer.unit.updatedAt);
  return new Date(Math.max(...stamps.map((d) => d.getTime())));
}

/** "Diabetes (ICD-10 E11)" or "Diagnoseuavhengig". */
export function diagnosisText(offer: OfferForExport): string {
  if (offer.diagnosisScope === "DIAGNOSIS_INDEPENDENT") return diagnosisScopeLabels.DIAGNOSIS_INDEPENDENT;
  const groups = new Set([...offer.diagnosisGroups, ...offer.diagnosisCodes.map(diagnosisGroupOf)]);
  const named = labelsOf(diagnosisGroupLabels, [...groups]).join(", ");
  const codes = offer.diagnosisCodes.length > 0 ? ` (ICD-10 ${offer.diagnosisCodes.join(", ")})` : "";
  return `${named || diagnosisScopeLabels.DIAGNOSIS_SPECIFIC}${codes}`;
}

/** Who the offer is for, in one sentence per aspect. */
export function eligibilityText(offer: OfferForExport): string {
  const lines = [];
  if (offer.audiences.length > 0)
    lines.push(`Målgruppe: ${labelsOf(audienceLabels, offer.audiences).join(", ")}.`);
  lines.push(`Diagnose: ${diagnosisText(offer)}.`);
  if (offer.priorityGroups.length > 0) {
    lines.push(`Prioriterte grupper: ${labelsOf(priorityGroupLabels, offer.priorityGroups).join(", ")}.`);
  }
  return lines.join(" ");
}

/**
 * The description without the summary it often opens with: many providers (and the import)
 * write the summary as the description's first paragraph, and harvesters show both fields.
 */
export function descriptionBeyondSummary(offer: Pick<OfferForExport, "summary" | "description">): string {
  const summary = offer.summary.trim();
  const description = offer.description.trim();
  if (summary === "" || !description.startsWith(summary)) return description;
  return description.slice(summary.length).trim();
}

/** The summary, then whatever the longer description adds, as plain text. */
export function offerDescription(offer: Pick<OfferForExport, "summary" | "description">): string {
  return [offer.summary.trim(), descriptionBeyondSummary(offer)].filter((t) => t !== "").join("\n\n");
}

export function isHttpUrl(value: string | null | undefined): value is string {
  if (!value || !URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === "https:" || protocol === "http:";
}
