import { type MeetingKind, meetingKinds } from "@samspill/domain";
import { at, type OfferRow, type Org, type Row } from "./model.js";
import type { Organisations } from "./organisations.js";
import type { Random } from "./random.js";
import type { Scale } from "./scale.js";
import { meetingTitles, subAgreements, subjects } from "./words.js";

// How the organisations work together: the sub-agreements between each municipality and its
// trust (the responsibilities split by the task-division rule, a few offers linked), and the
// meeting points the trusts, municipalities and health-community forums hold.

/** Meetings any organisation holds (forums belong to health communities). */
const ordinaryMeetingKinds = meetingKinds.filter((k) => k !== "HEALTH_COMMUNITY_FORUM" && k !== "OTHER");

export function buildAgreements(
  r: Random,
  scale: Scale,
  today: Date,
  tag: string,
  orgs: Organisations,
  offers: readonly OfferRow[],
) {
  const { trusts, municipalities, userOrgs } = orgs;
  const offersBy = new Map<string, OfferRow[]>();
  for (const o of offers) offersBy.set(o.provider.id, [...(offersBy.get(o.provider.id) ?? []), o]);
  const agreements: Row<"agreements">[] = [];
  const agreementsOfTrust = trusts.map((): string[] => []);
  for (let i = 0; i < scale.agreements; i++) {
    const m = municipalities[i % municipalities.length]!;
    const trust = trusts[m.trust]!;
    const [title, sub] = subAgreements[Math.floor(i / municipalities.length) % subAgreements.length]!;
    const validFrom = at(today, -r.int(200, 2_200));
    const validTo = r.chance(0.1) ? null : at(today, r.int(-200, 1_500));
    const end = validTo && validTo < validFrom ? validFrom : validTo;
    const status = r.chance(0.03) ? "DRAFT" : end && end < today && r.chance(0.5) ? "EXPIRED" : "ACTIVE";
    const id = r.uuid();
    agreementsOfTrust[m.trust]!.push(id);
    const parties: Row<"agreements">["parties"] = [
      { organisationId: trust.id, role: "HOSPITAL_TRUST" },
      { organisationId: m.id, role: "MUNICIPALITY" },
    ];
    if (r.chance(0.2)) parties.push({ organisationId: r.pick(userOrgs).id, role: "USER_ORGANISATION" });
    const responsibilities: Row<"agreements">["responsibilities"] = [
      {
        id: r.uuid(),
        organisationId: trust.id,
        description: "Diagnosespesifikke lærings- og mestringstilbud",
        diagnosisScope: "DIAGNOSIS_SPECIFIC",
        offerKinds: ["GROUP_COURSE"],
        audiences: ["PATIENTS", "CARERS"],
      },
      {
        id: r.uuid(),
        organisationId: m.id,
        description: "Diagnoseuavhengige tilbud og frisklivstilbud",
        diagnosisScope: "DIAGNOSIS_INDEPENDENT",
        offerKinds: ["GROUP_COURSE", "PEER_ACTIVITY"],
        audiences: ["PATIENTS"],
      },
    ];
    const candidates = [...(offersBy.get(trust.id) ?? []), ...(offersBy.get(m.id) ?? [])];
    const offerIds = r.chance(0.3) ? r.sample(candidates, r.int(1, 3)).map((o) => o.id) : [];
    agreements.push({
      id,
      title: `${title} mellom ${m.name.replace(tag, "")} og ${trust.name.replace(tag, "")}`,
      subAgreement: sub,
      validFrom,
      validTo: end,
      status,
      parties,
      responsibilities,
      offerIds,
    });
  }
  return { agreements, agreementsOfTrust };
}

export function buildMeetingPoints(
  r: Random,
  scale: Scale,
  today: Date,
  orgs: Organisations,
  agreementsOfTrust: readonly (readonly string[])[],
) {
  const { trusts, userOrgs, communities, catchment } = orgs;
  const meetings: Row<"meetingPoints">[] = [];
  for (let i = 0; i < scale.meetingPoints; i++) {
    const kindOf = r.weighted([40, 40, 20]);
    const trustIndex = r.int(0, trusts.length - 1);
    const local = catchment[trustIndex]!;
    const organiser =
      kindOf === 0 ? trusts[trustIndex]! : kindOf === 1 ? r.pick(local) : communities[trustIndex]!;
    const kind: MeetingKind = kindOf === 2 ? "HEALTH_COMMUNITY_FORUM" : r.pick(ordinaryMeetingKinds);
    const startsAt = at(today, r.int(-1_000, 365), r.int(9, 14));
    const agreementsHere = agreementsOfTrust[trustIndex]!;
    // In the order the random draws were always made, so a seed keeps giving the same data set.
    const meeting = {
      id: r.uuid(),
      kind,
      title: `${r.pick(meetingTitles)} ${startsAt.getUTCFullYear()}`,
      organiserId: organiser.id,
      healthCommunityId: kindOf === 2 ? organiser.id : null,
      agreementId: agreementsHere.length > 0 && r.chance(0.15) ? r.pick(agreementsHere) : null,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      location: r.pick(["Rådhuset", "Sykehuset", "Kulturhuset", "Digitalt"]),
      agenda: `1. Velkommen\n2. ${r.pick(subjects)}\n3. Eventuelt`,
    };
    const others: Org[] = r.sample([...local, trusts[trustIndex]!, ...r.sample(userOrgs, 2)], r.int(1, 4));
    const present = new Set([organiser, ...others].filter((o) => o.kind !== "HEALTH_COMMUNITY"));
    meetings.push({ ...meeting, participantIds: [...present].map((o) => o.id) });
  }
  return meetings;
}
