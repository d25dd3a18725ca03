import type { Audience, DiagnosisScope, OfferKind, PriorityGroup } from "./enums.js";

// An agreement set against what was delivered under it. A responsibility says what one party
// takes on (offer kinds, audiences, priority groups, diagnosis scope; an empty list: any); it is
// delivered by a linked offer of that party that fits every criterion it names. What shows as a
// gap: a responsibility no linked offer fits, and a linked offer with no session held in the period.

export interface ResponsibilityCriteria {
  id: string;
  organisationId: string;
  diagnosisScope: DiagnosisScope | null;
  offerKinds: readonly OfferKind[];
  audiences: readonly Audience[];
  priorityGroups: readonly PriorityGroup[];
}

export interface LinkedOffer {
  id: string;
  providerId: string;
  kind: OfferKind;
  diagnosisScope: DiagnosisScope;
  audiences: readonly Audience[];
  priorityGroups: readonly PriorityGroup[];
}

const meets = <T>(wanted: readonly T[], has: readonly T[]) =>
  wanted.length === 0 || wanted.some((w) => has.includes(w));

/** Whether `offer` delivers (part of) what the responsibility promises. */
export function offerFulfils(r: ResponsibilityCriteria, offer: LinkedOffer): boolean {
  return (
    offer.providerId === r.organisationId &&
    (r.diagnosisScope === null || r.diagnosisScope === offer.diagnosisScope) &&
    meets(r.offerKinds, [offer.kind]) &&
    meets(r.audiences, offer.audiences) &&
    meets(r.priorityGroups, offer.priorityGroups)
  );
}

/** Each responsibility's linked offers that fulfil it, by responsibility id (an empty list: a gap). */
export function offersByResponsibility(
  responsibilities: readonly ResponsibilityCriteria[],
  offers: readonly LinkedOffer[],
): Map<string, string[]> {
  return new Map(
    responsibilities.map((r) => [r.id, offers.filter((o) => offerFulfils(r, o)).map((o) => o.id)]),
  );
}
