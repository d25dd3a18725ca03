import type { OfferRow, Org, Row } from "./model.js";
import type { Random } from "./random.js";
import type { Scale } from "./scale.js";

// Participation reports for the last twelve quarters: most on an offer (by its provider or a user
// organisation that ran it with them), the rest on a meeting point.

export function buildParticipationReports(
  r: Random,
  scale: Scale,
  today: Date,
  live: readonly OfferRow[],
  meetingIds: readonly string[],
  userOrgs: readonly Org[],
) {
  const quarters = Array.from({ length: 12 }, (_, q) => {
    const start = new Date(
      Date.UTC(today.getUTCFullYear(), Math.floor(today.getUTCMonth() / 3) * 3 - 3 * (q + 1), 1),
    );
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3, 0));
    return [start, end] as const;
  });
  const reports: Row<"participationReports">[] = [];
  for (let i = 0; i < scale.participationReports; i++) {
    const [start, end] = r.pick(quarters);
    const onOffer = meetingIds.length === 0 || r.chance(0.92);
    const offer = onOffer ? r.pick(live) : null;
    // In the order the random draws were always made, so a seed keeps giving the same data set.
    reports.push({
      id: r.uuid(),
      reporterId: offer && r.chance(0.6) ? offer.provider.id : r.pick(userOrgs).id,
      offerId: offer?.id ?? null,
      meetingPointId: offer ? null : r.pick(meetingIds),
      periodStart: start,
      periodEnd: end,
      patients: r.int(0, 40),
      carers: r.int(0, 15),
      childrenAndYouth: r.chance(0.2) ? r.int(0, 10) : 0,
      parents: r.chance(0.1) ? r.int(0, 8) : 0,
      others: r.int(0, 3),
      userRepsPlanning: r.int(0, 2),
      userRepsDelivery: r.int(0, 2),
      userRepsEvaluation: r.int(0, 1),
    });
  }
  return reports;
}
