import { defaultReviewDue } from "@samspill/domain";
import { at, type OfferRow, type Row } from "./model.js";
import { describeOffer } from "./offer-text.js";
import type { Organisations } from "./organisations.js";
import type { Random } from "./random.js";
import type { Scale } from "./scale.js";

// The offers, most of them published, and their sessions: nine in ten sessions belong to a
// published offer, spread from four months back to eight months ahead.

export function buildOffers(r: Random, scale: Scale, today: Date, orgs: Organisations) {
  const { trusts, municipalities, userOrgs, catchment } = orgs;
  const offers: OfferRow[] = [];
  const rows: Row<"offers">[] = [];
  for (let i = 0; i < scale.offers; i++) {
    const providerKind = r.weighted([40, 48, 12]);
    const provider =
      providerKind === 0 ? r.pick(trusts) : providerKind === 1 ? r.pick(municipalities) : r.pick(userOrgs);
    const o = describeOffer(r, provider, catchment[provider.trust]!);
    const status = (["PUBLISHED", "DRAFT", "PAUSED", "ARCHIVED"] as const)[r.weighted([85, 7, 4, 4])]!;
    const publishedAt = status === "DRAFT" ? null : at(today, -r.int(1, 5 * 365 - 1), r.int(8, 15));
    const a0099 = provider.kind === "HOSPITAL_TRUST" && r.chance(0.6);
    const id = r.uuid();
    offers.push({ id, provider, status, format: o.format, municipalities: o.municipalities });
    // In the order the random draws were always made, so a seed keeps giving the same data set.
    rows.push({
      id,
      providerId: provider.id,
      unitId: provider.unitId ?? null,
      title: o.title,
      summary: o.summary,
      description: o.description,
      kind: o.kind,
      diagnosisScope: o.scope,
      diagnosisCodes: o.codes,
      diagnosisGroups: o.groups,
      topics: o.topics,
      audiences: o.audiences,
      priorityGroups: o.priorityGroups,
      format: o.format,
      location:
        o.format === "DIGITAL"
          ? null
          : `${r.pick(["Kurssenteret", "Frisklivssentralen", "Auditoriet", "Helsehuset"])}, ${provider.name}`,
      onlineUrl: o.format === "PHYSICAL" ? null : `https://kurs.example.no/${id.slice(0, 8)}`,
      languages: o.languages,
      accessibility: o.accessibility,
      municipalityNumbers: o.municipalities,
      userRepPlanning: provider.kind !== "MUNICIPALITY" || r.chance(0.5),
      userRepDelivery: r.chance(0.7),
      userRepEvaluation: r.chance(0.6),
      a0099Eligible: a0099,
      interdisciplinary: a0099 || r.chance(0.4),
      status,
      publishedAt,
      reviewDueOn: publishedAt ? defaultReviewDue(publishedAt).toISOString().slice(0, 10) : null,
      contactName: r.pick([
        "Kari Nordmann",
        "Ola Hansen",
        "Ingrid Berg",
        "Per Johansen",
        "Aisha Ali",
        "Nils Olsen",
      ]),
      contactEmail: `kurs@${provider.name.toLowerCase().replace(/[^a-z]+/g, "")}.no`,
    });
  }
  return { offers, rows };
}

export function buildSessions(r: Random, scale: Scale, today: Date, offers: readonly OfferRow[]) {
  const live = offers.filter((o) => o.status !== "DRAFT");
  const published = live.filter((o) => o.status === "PUBLISHED");
  const sessions: Row<"sessions">[] = [];
  for (let i = 0; i < scale.sessions; i++) {
    const offer = r.chance(0.9) ? r.pick(published) : r.pick(live);
    const startsAt = at(today, r.int(-120, 240), r.int(8, 18));
    const capacity = r.chance(0.7) ? r.int(8, 30) : null;
    sessions.push({
      id: r.uuid(),
      offerId: offer.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + r.int(2, 3) * 3_600_000),
      location: offer.format === "DIGITAL" ? null : `Møterom ${r.int(1, 12)}`,
      onlineUrl: offer.format === "PHYSICAL" ? null : `https://kurs.example.no/møte/${r.int(1000, 9999)}`,
      capacity,
      registrations: r.int(0, capacity ?? 25),
      cancelled: r.chance(0.03),
    });
  }
  return { live, published, sessions };
}
