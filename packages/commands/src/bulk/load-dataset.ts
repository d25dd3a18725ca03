import { type DatasetBatchInput, datasetBatchInput, ForbiddenError, parseInput } from "@samspill/domain";
import type { Actor } from "../actor.js";
import { transact, type Unit } from "../unit-of-work.js";
import {
  agreementRows,
  communityMemberRows,
  type DatasetCounts,
  meetingRows,
  offerRows,
  providerKinds,
} from "./dataset-rows.js";

/**
 * Writes one batch of a bulk load in one transaction, with one audit entry that counts the rows
 * per table (never the rows themselves: they may name people).
 *
 * A bulk load is a restore, not a series of business actions: it deliberately records no domain
 * events per row (hundreds of thousands of them would only be replayed into projections that
 * are cheaper to rebuild). Whoever loads a data set rebuilds the overview read model afterwards
 * with `rebuildOverview` from @samspill/read-model. Only the system may load: nobody else can
 * write past the per-row rules and events of the ordinary commands.
 */
export async function loadDatasetBatch(
  unit: Unit,
  actor: Actor | null,
  raw: DatasetBatchInput,
): Promise<DatasetCounts> {
  if (actor?.kind !== "SYSTEM") throw new ForbiddenError("Only the system loads data sets");
  const batch = parseInput(datasetBatchInput, raw);
  const members = communityMemberRows(batch);
  const agreements = agreementRows(batch.agreements);
  const meetings = meetingRows(batch.meetingPoints);
  return transact(
    unit,
    actor,
    async ({ tx, record }) => {
      const n = async (write: Promise<{ count: number }>) => (await write).count;
      // Property by property, in the order of the foreign keys; the providers' kinds are read
      // once their organisations are in.
      const organisations = await n(tx.organisation.createMany({ data: batch.organisations }));
      const offers = offerRows(batch.offers, await providerKinds(tx, batch.offers));
      const counts: DatasetCounts = {
        Organisation: organisations,
        HealthCommunityMember: await n(tx.healthCommunityMember.createMany({ data: members })),
        Unit: await n(tx.unit.createMany({ data: batch.units })),
        Offer: await n(tx.offer.createMany({ data: offers.rows })),
        OfferMunicipality: await n(tx.offerMunicipality.createMany({ data: offers.municipalities })),
        OfferSession: await n(tx.offerSession.createMany({ data: batch.sessions })),
        Agreement: await n(tx.agreement.createMany({ data: agreements.rows })),
        AgreementParty: await n(tx.agreementParty.createMany({ data: agreements.parties })),
        AgreementResponsibility: await n(
          tx.agreementResponsibility.createMany({ data: agreements.responsibilities }),
        ),
        AgreementOffer: await n(tx.agreementOffer.createMany({ data: agreements.offers })),
        MeetingPoint: await n(tx.meetingPoint.createMany({ data: meetings.rows })),
        MeetingParticipant: await n(tx.meetingParticipant.createMany({ data: meetings.participants })),
        ParticipationReport: await n(tx.participationReport.createMany({ data: batch.participationReports })),
        Person: await n(tx.person.createMany({ data: batch.people })),
        Subscription: await n(tx.subscription.createMany({ data: batch.subscriptions })),
      };
      await record({
        action: "dataset.load",
        entityType: "Dataset",
        entityId: batch.dataset,
        organisationId: null,
        changes: { rows: counts },
      });
      return counts;
      // A batch is thousands of rows: a command's 15 s would fail it on a machine busy with other
      // work (seen at load averages of 20 and more), where nothing is wrong but the wait.
    },
    bulkLoadTiming,
  );
}

const bulkLoadTiming = { maxWait: 30_000, timeout: 300_000 };
