import type { Prisma } from "@samspill/database";
import type { OfferSnapshot } from "./catalogue.js";

// Reads offers as the snapshots offer events carry. Commands build the snapshot they publish
// from this mapping and the overview rebuild reads with the same select, so the two cannot disagree.

export const offerSnapshotSelect = {
  id: true,
  version: true,
  providerId: true,
  title: true,
  status: true,
  diagnosisScope: true,
  diagnosisGroups: true,
  priorityGroups: true,
  format: true,
  languages: true,
  audiences: true,
  flaggedForReview: true,
  reviewDueOn: true,
  provider: { select: { kind: true } },
  municipalities: { select: { municipalityNumber: true } },
} satisfies Prisma.OfferSelect;

export type OfferSnapshotRow = Prisma.OfferGetPayload<{ select: typeof offerSnapshotSelect }>;

export function toOfferSnapshot(o: OfferSnapshotRow): OfferSnapshot {
  return {
    id: o.id,
    version: o.version,
    providerId: o.providerId,
    providerKind: o.provider.kind,
    title: o.title,
    status: o.status,
    diagnosisScope: o.diagnosisScope,
    diagnosisGroups: o.diagnosisGroups,
    priorityGroups: o.priorityGroups,
    format: o.format,
    languages: o.languages,
    audiences: o.audiences,
    municipalityNumbers: o.municipalities.map((m) => m.municipalityNumber),
    flaggedForReview: o.flaggedForReview,
    reviewDueOn: o.reviewDueOn?.toISOString().slice(0, 10) ?? null,
  };
}
