import type { Prisma } from "@samspill/database";
import { type DiagnosisGroup, DomainValidationError, diagnosisGroupsOf, fieldIssue } from "@samspill/domain";
import { type OfferSnapshot, toOfferSnapshot } from "@samspill/events";
import { expectVersion, found, type Tx } from "../unit-of-work.js";

// What the offer commands share: the one read of an offer a command makes, and the snapshot its
// event carries, built from that read plus the change rather than by reading the row again.

export const offerWithRelations = {
  provider: { select: { kind: true } },
  municipalities: { select: { municipalityNumber: true } },
} satisfies Prisma.OfferInclude;

export type LoadedOffer = Prisma.OfferGetPayload<{ include: typeof offerWithRelations }>;

export function loadOffer(tx: Tx, id: string): Promise<LoadedOffer> {
  return found(tx.offer.findUnique({ where: { id }, include: offerWithRelations }), "Offer", id);
}

export const municipalityNumbersOf = (offer: Pick<LoadedOffer, "municipalities">) =>
  offer.municipalities.map((m) => m.municipalityNumber);

/** The offer as it stands after a versioned write: the loaded row, the change and the new version. */
export function snapshotAfter(
  before: LoadedOffer,
  change: Partial<Omit<LoadedOffer, "provider" | "municipalities">>,
  municipalityNumbers?: readonly string[],
): OfferSnapshot {
  return toOfferSnapshot({
    ...before,
    ...change,
    version: before.version + 1,
    municipalities: (municipalityNumbers ?? municipalityNumbersOf(before)).map((n) => ({
      municipalityNumber: n,
    })),
  });
}

export async function assertMunicipalitiesExist(tx: Tx, numbers: readonly string[]): Promise<void> {
  if (numbers.length === 0) return;
  const known = await tx.municipality.count({ where: { number: { in: [...numbers] } } });
  if (known !== new Set(numbers).size) {
    throw new DomainValidationError([
      fieldIssue(
        "municipalityNumbers",
        "unknown_municipality",
        "Unknown municipality number",
        "Ukjent kommunenummer",
        "Ukjent kommunenummer",
      ),
    ]);
  }
}

/**
 * Refuses a unit that is not the provider's own: an offer may name only a department or centre
 * of the organisation that runs it, never someone else's (nor an unknown id).
 */
export async function assertUnitOfProvider(
  tx: Tx,
  unitId: string | null | undefined,
  providerId: string,
): Promise<void> {
  if (!unitId) return;
  const unit = await tx.unit.findUnique({ where: { id: unitId }, select: { organisationId: true } });
  if (unit?.organisationId !== providerId) {
    throw new DomainValidationError([
      fieldIssue(
        "unitId",
        "unit_of_other_organisation",
        "The unit must belong to the provider",
        "Enheten må høre til tilbyderen",
        "Eininga må høyre til tilbydaren",
      ),
    ]);
  }
}

/** An offer's diagnosis groups: the ones chosen plus those its ICD-10 codes fall in. */
export function mergeGroups(groups: readonly DiagnosisGroup[], codes: readonly string[]): DiagnosisGroup[] {
  return [...new Set([...groups, ...diagnosisGroupsOf(codes).filter((g) => g !== "OTHER")])];
}

/** Writes `data` only if the offer is still at `version` (optimistic locking), raising it by one. */
export async function updateOfferAtVersion(
  tx: Tx,
  id: string,
  version: number,
  data: Prisma.OfferUpdateManyMutationInput,
): Promise<void> {
  const updated = await tx.offer.updateMany({
    where: { id, version },
    data: { ...data, version: { increment: 1 } },
  });
  await expectVersion(updated, "Offer", id, version, () =>
    tx.offer.findUnique({ where: { id }, select: { version: true } }),
  );
}
