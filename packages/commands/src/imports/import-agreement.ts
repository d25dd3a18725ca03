import { importAgreementInput, parseInput } from "@samspill/domain";
import type { Actor } from "../actor.js";
import { agreementPayload } from "../agreements/agreement-rows.js";
import { coordinatorOf } from "../bulk/dataset-rows.js";
import type { Unit } from "../unit-of-work.js";
import { importAsRegionalAdmin } from "./admin-import.js";
import { type Imported, presentOf } from "./apply-import.js";

/**
 * Creates or updates an agreement named by the caller's id, with its parties, responsibilities and
 * linked offers. Parts stored but not listed stay: they may have been added in the hub since.
 */
export async function importAgreement(unit: Unit, actor: Actor | null, raw: unknown): Promise<Imported> {
  const input = parseInput(importAgreementInput, raw);
  const target = { entityType: "Agreement", action: "agreement", id: input.id, organisationId: null };
  return importAsRegionalAdmin(unit, actor, target, async (tx) => {
    const { id, parties, responsibilities, offerIds, ...fields } = input;
    const before = await tx.agreement.findUnique({
      where: { id },
      include: { parties: true, responsibilities: true, offers: { select: { offerId: true } } },
    });
    const partyKey = (p: { organisationId: string; role: string }) => `${p.organisationId}:${p.role}`;
    const responsibilityKey = (r: (typeof responsibilities)[number]) => JSON.stringify(r);
    const listed = {
      parties: parties.map(partyKey),
      responsibilities: responsibilities.map(responsibilityKey),
      offerIds,
    };
    const stored = before && {
      ...before,
      parties: presentOf(listed.parties, before.parties.map(partyKey)),
      responsibilities: presentOf(
        listed.responsibilities,
        before.responsibilities.map(({ id, organisationId, description, diagnosisScope }) =>
          responsibilityKey({ id, organisationId, description, diagnosisScope }),
        ),
      ),
      offerIds: presentOf(
        offerIds,
        before.offers.map((o) => o.offerId),
      ),
    };
    const next = {
      ...fields,
      parties: presentOf(listed.parties, listed.parties),
      responsibilities: presentOf(listed.responsibilities, listed.responsibilities),
      offerIds: presentOf(offerIds, offerIds),
    };
    const writeParts = async () => {
      await tx.agreementParty.createMany({
        data: parties.map((p) => ({ agreementId: id, ...p })),
        skipDuplicates: true,
      });
      for (const { id: rid, ...r } of responsibilities) {
        await tx.agreementResponsibility.upsert({
          where: { id: rid },
          create: { id: rid, agreementId: id, ...r },
          update: { agreementId: id, ...r },
        });
      }
      await tx.agreementOffer.createMany({
        data: offerIds.map((offerId) => ({ agreementId: id, offerId })),
        skipDuplicates: true,
      });
    };
    const version = before ? before.version + 1 : 1;
    return {
      stored,
      next,
      create: () => tx.agreement.create({ data: { id, ...fields, coordinatorId: coordinatorOf(parties) } }),
      update: () => tx.agreement.update({ where: { id }, data: { ...fields, version: { increment: 1 } } }),
      writeParts,
      event: (outcome) => ({
        type: outcome === "CREATED" ? "agreement.created" : "agreement.updated",
        payload: agreementPayload(id, { ...fields, version }),
      }),
    };
  });
}
