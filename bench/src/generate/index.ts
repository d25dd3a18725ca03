import {
  type AccessibilityFeature,
  type Audience,
  accessibilityFeatures,
  type DiagnosisGroup,
  defaultReviewDue,
  type MeetingKind,
  meetingKinds,
  type OfferFormat,
  type OfferKind,
  type OfferStatus,
  type OrganisationKind,
  type PriorityGroup,
  priorityGroups,
  type Topic,
  taskDivisionFlag,
} from "@samspill/domain";
import { insertRows, type Queryable } from "./insert.js";
import { type Random, seeded } from "./random.js";
import {
  diagnoses,
  hospitalAudiences,
  hospitalCourseKinds,
  hospitalTrusts,
  meetingTitles,
  municipalityNames,
  municipalThemes,
  peerTitles,
  regionalAuthorities,
  sentences,
  subAgreements,
  subjects,
  universities,
  userOrganisations,
} from "./words.js";

export { insertRows, type Queryable } from "./insert.js";

// A national-scale synthetic data set for the benchmark: every municipality and hospital trust,
// their offers, sessions, agreements, meeting points and participation reports, written with a
// few bulk statements through `pg` into a migrated database. Distributions follow the domain:
// trusts offer diagnosis-specific courses to their whole catchment, municipalities run
// diagnosis-independent offers locally, user organisations run peer activities.

export interface Scale {
  municipalities: number;
  hospitalTrusts: number;
  offers: number;
  sessions: number;
  agreements: number;
  meetingPoints: number;
  participationReports: number;
}

export const scales = {
  /** The national scale the issue asks for. */
  full: {
    municipalities: 357,
    hospitalTrusts: 20,
    offers: 5_000,
    sessions: 50_000,
    agreements: 2_000,
    meetingPoints: 5_000,
    participationReports: 100_000,
  },
  /** `--quick`: a region, for smoke runs of the whole benchmark. */
  quick: {
    municipalities: 60,
    hospitalTrusts: 5,
    offers: 800,
    sessions: 6_000,
    agreements: 300,
    meetingPoints: 600,
    participationReports: 10_000,
  },
  /** For the generator's own test. */
  tiny: {
    municipalities: 6,
    hospitalTrusts: 2,
    offers: 30,
    sessions: 60,
    agreements: 8,
    meetingPoints: 6,
    participationReports: 50,
  },
} satisfies Record<string, Scale>;

export interface GenerateOptions {
  seed?: number;
  /** Appended to organisation names, so a data set can be added to a database that has others. */
  tag?: string;
  /** The day relative dates count from (default: today, midnight UTC). */
  today?: Date;
}

export interface GeneratedDataset {
  /** Rows written per table. */
  rows: Record<string, number>;
  hospitalTrustIds: string[];
  healthCommunityIds: string[];
  municipalityNumbers: string[];
  publishedOfferIds: string[];
}

interface Org {
  id: string;
  kind: OrganisationKind;
  name: string;
  /** The trust whose catchment the organisation is in (trusts: themselves). */
  trust: number;
  municipalityNumber?: string;
  unitId?: string;
}

interface OfferRow {
  id: string;
  provider: Org;
  status: OfferStatus;
  format: OfferFormat;
  municipalities: string[];
}

const day = 86_400_000;
/** Meetings any organisation holds (forums belong to health communities). */
const ordinaryMeetingKinds = meetingKinds.filter((k) => k !== "HEALTH_COMMUNITY_FORUM" && k !== "OTHER");
const at = (today: Date, days: number, hour = 0) => new Date(today.getTime() + days * day + hour * 3_600_000);

function hashTag(tag: string): number {
  let hash = 0;
  for (const char of tag) hash = (Math.imul(hash, 31) + (char.codePointAt(0) ?? 0)) >>> 0;
  return hash;
}

export async function generateDataset(
  db: Queryable,
  scale: Scale,
  options: GenerateOptions = {},
): Promise<GeneratedDataset> {
  // Ids come from the generator, so a tagged data set needs its own stream or it would reuse the
  // ids of an earlier data set in the same database.
  const r = seeded(options.seed ?? 20_261_123 ^ hashTag(options.tag ?? ""));
  const tag = options.tag ? ` [${options.tag}]` : "";
  const now = options.today ?? new Date();
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const stamp = new Date();
  const rows: Record<string, number> = {};
  const put = async (table: string, columns: Parameters<typeof insertRows>[2], data: unknown[][]) => {
    rows[table] = (rows[table] ?? 0) + (await insertRows(db, table, columns, data));
  };

  // ------------------------------------------------------------ organisations and municipalities
  const taken = new Set(
    (await db.query<{ number: string }>(`SELECT "number" FROM "Municipality"`)).rows.map((m) => m.number),
  );
  const numbers = freeMunicipalityNumbers(r, taken, scale.municipalities);
  const names = municipalityNames(scale.municipalities);

  const rhfs: Org[] = regionalAuthorities.map((name) => ({
    id: r.uuid(),
    kind: "REGIONAL_HEALTH_AUTHORITY",
    name: `${name}${tag}`,
    trust: -1,
  }));
  const trustDefs = Array.from({ length: scale.hospitalTrusts }, (_, i) => {
    const [name, region, county] = hospitalTrusts[i % hospitalTrusts.length]!;
    const suffix = i < hospitalTrusts.length ? "" : ` ${Math.floor(i / hospitalTrusts.length) + 1}`;
    return { name: `${name}${suffix}`, region, county };
  });
  const trusts: Org[] = trustDefs.map((t, i) => ({
    id: r.uuid(),
    kind: "HOSPITAL_TRUST",
    name: `${t.name}${tag}`,
    trust: i,
  }));
  // Catchments of uneven size, every trust with at least one municipality.
  const weights = trusts.map(() => r.int(6, 36));
  const trustOf = numbers.map((_, i) => (i < trusts.length ? i : r.weighted(weights)));
  const municipalities: Org[] = numbers.map((number, i) => ({
    id: r.uuid(),
    kind: "MUNICIPALITY",
    name: `${names[i]} kommune${tag}`,
    trust: trustOf[i]!,
    municipalityNumber: number,
  }));
  const userOrgs: Org[] = userOrganisations.map((name) => ({
    id: r.uuid(),
    kind: "USER_ORGANISATION",
    name: `${name}${tag}`,
    trust: r.int(0, trusts.length - 1),
  }));
  const unis: Org[] = universities.map((name) => ({
    id: r.uuid(),
    kind: "UNIVERSITY",
    name: `${name}${tag}`,
    trust: r.int(0, trusts.length - 1),
  }));
  const communities: Org[] = trusts.map((_, i) => ({
    id: r.uuid(),
    kind: "HEALTH_COMMUNITY",
    name: `Helsefellesskapet ${trustDefs[i]!.name.replace(/ HF$/, "")}${tag}`,
    trust: i,
  }));
  const organisations = [...rhfs, ...trusts, ...municipalities, ...userOrgs, ...unis, ...communities];
  const parentOf = (o: Org) => (o.kind === "HOSPITAL_TRUST" ? rhfs[trustDefs[o.trust]!.region]!.id : null);
  await put(
    "Organisation",
    [
      ["id", "uuid"],
      ["kind", '"OrganisationKind"'],
      ["name", "text"],
      ["parentId", "uuid"],
      ["updatedAt", "timestamp(3)"],
    ],
    organisations.map((o) => [o.id, o.kind, o.name, parentOf(o), stamp]),
  );
  await put(
    "Municipality",
    [
      ["number", "text"],
      ["name", "text"],
      ["county", "text"],
      ["hospitalTrustId", "uuid"],
    ],
    municipalities.map((m, i) => [
      m.municipalityNumber,
      `${names[i]}${tag}`,
      trustDefs[m.trust]!.county,
      trusts[m.trust]!.id,
    ]),
  );
  // The organisation's municipality number needs the municipality row first.
  await db.query(
    `UPDATE "Organisation" o SET "municipalityNumber" = t.n FROM unnest($1::uuid[], $2::text[]) AS t(id, n) WHERE o."id" = t.id`,
    [municipalities.map((m) => m.id), municipalities.map((m) => m.municipalityNumber)],
  );
  const members = communities.flatMap((c, i) => [
    [c.id, trusts[i]!.id],
    ...municipalities.filter((m) => m.trust === i).map((m) => [c.id, m.id]),
    ...r.sample(userOrgs, 2).map((u) => [c.id, u.id]),
  ]);
  await put(
    "HealthCommunityMember",
    [
      ["healthCommunityId", "uuid"],
      ["organisationId", "uuid"],
    ],
    members,
  );
  const unitOwners = [...trusts, ...municipalities];
  for (const o of unitOwners) o.unitId = r.uuid();
  await put(
    "Unit",
    [
      ["id", "uuid"],
      ["organisationId", "uuid"],
      ["kind", '"UnitKind"'],
      ["name", "text"],
      ["updatedAt", "timestamp(3)"],
    ],
    unitOwners.map((o) =>
      o.kind === "HOSPITAL_TRUST"
        ? [o.unitId, o.id, "LEARNING_AND_MASTERY_CENTRE", "Lærings- og mestringssenteret", stamp]
        : [o.unitId, o.id, "HEALTHY_LIVING_CENTRE", "Frisklivssentralen", stamp],
    ),
  );

  // ------------------------------------------------------------ offers
  const catchment = trusts.map((_, i) => municipalities.filter((m) => m.trust === i));
  const offers: OfferRow[] = [];
  const offerData: unknown[][] = [];
  const offerMunicipalities: unknown[][] = [];
  for (let i = 0; i < scale.offers; i++) {
    const providerKind = r.weighted([40, 48, 12]);
    const provider =
      providerKind === 0 ? r.pick(trusts) : providerKind === 1 ? r.pick(municipalities) : r.pick(userOrgs);
    const o = describeOffer(r, provider, catchment[provider.trust]!);
    const status = (["PUBLISHED", "DRAFT", "PAUSED", "ARCHIVED"] as const)[r.weighted([85, 7, 4, 4])]!;
    const publishedAt = status === "DRAFT" ? null : at(today, -r.int(1, 5 * 365 - 1), r.int(8, 15));
    const flag = taskDivisionFlag(provider.kind, o.scope);
    const a0099 = provider.kind === "HOSPITAL_TRUST" && r.chance(0.6);
    const id = r.uuid();
    offers.push({ id, provider, status, format: o.format, municipalities: o.municipalities });
    for (const n of o.municipalities) offerMunicipalities.push([id, n]);
    offerData.push([
      id,
      provider.id,
      provider.unitId ?? null,
      o.title,
      o.summary,
      o.description,
      o.kind,
      o.scope,
      o.codes,
      o.groups,
      o.topics,
      o.audiences,
      o.priorityGroups,
      o.format,
      o.format === "DIGITAL"
        ? null
        : `${r.pick(["Kurssenteret", "Frisklivssentralen", "Auditoriet", "Helsehuset"])}, ${provider.name}`,
      o.format === "PHYSICAL" ? null : `https://kurs.example.no/${id.slice(0, 8)}`,
      o.languages,
      o.accessibility,
      provider.kind !== "MUNICIPALITY" || r.chance(0.5),
      r.chance(0.7),
      r.chance(0.6),
      a0099,
      a0099 || r.chance(0.4),
      status,
      publishedAt,
      publishedAt ? defaultReviewDue(publishedAt) : null,
      flag.flagged,
      flag.reason,
      r.pick(["Kari Nordmann", "Ola Hansen", "Ingrid Berg", "Per Johansen", "Aisha Ali", "Nils Olsen"]),
      `kurs@${provider.name.toLowerCase().replace(/[^a-z]+/g, "")}.no`,
      stamp,
    ]);
  }
  await put(
    "Offer",
    [
      ["id", "uuid"],
      ["providerId", "uuid"],
      ["unitId", "uuid"],
      ["title", "text"],
      ["summary", "text"],
      ["description", "text"],
      ["kind", '"OfferKind"'],
      ["diagnosisScope", '"DiagnosisScope"'],
      ["diagnosisCodes", "text[]"],
      ["diagnosisGroups", '"DiagnosisGroup"[]'],
      ["topics", '"Topic"[]'],
      ["audiences", '"Audience"[]'],
      ["priorityGroups", '"PriorityGroup"[]'],
      ["format", '"OfferFormat"'],
      ["location", "text"],
      ["onlineUrl", "text"],
      ["languages", "text[]"],
      ["accessibility", '"AccessibilityFeature"[]'],
      ["userRepPlanning", "boolean"],
      ["userRepDelivery", "boolean"],
      ["userRepEvaluation", "boolean"],
      ["a0099Eligible", "boolean"],
      ["interdisciplinary", "boolean"],
      ["status", '"OfferStatus"'],
      ["publishedAt", "timestamp(3)"],
      ["reviewDueOn", "date"],
      ["flaggedForReview", "boolean"],
      ["flagReason", "text"],
      ["contactName", "text"],
      ["contactEmail", "text"],
      ["updatedAt", "timestamp(3)"],
    ],
    offerData,
  );
  await put(
    "OfferMunicipality",
    [
      ["offerId", "uuid"],
      ["municipalityNumber", "text"],
    ],
    offerMunicipalities,
  );

  // ------------------------------------------------------------ sessions
  const live = offers.filter((o) => o.status !== "DRAFT");
  const published = live.filter((o) => o.status === "PUBLISHED");
  const sessions: unknown[][] = [];
  for (let i = 0; i < scale.sessions; i++) {
    const offer = r.chance(0.9) ? r.pick(published) : r.pick(live);
    const startsAt = at(today, r.int(-120, 240), r.int(8, 18));
    const capacity = r.chance(0.7) ? r.int(8, 30) : null;
    sessions.push([
      r.uuid(),
      offer.id,
      startsAt,
      new Date(startsAt.getTime() + r.int(2, 3) * 3_600_000),
      offer.format === "DIGITAL" ? null : `Møterom ${r.int(1, 12)}`,
      offer.format === "PHYSICAL" ? null : `https://kurs.example.no/møte/${r.int(1000, 9999)}`,
      capacity,
      r.int(0, capacity ?? 25),
      r.chance(0.03),
      stamp,
    ]);
  }
  await put(
    "OfferSession",
    [
      ["id", "uuid"],
      ["offerId", "uuid"],
      ["startsAt", "timestamp(3)"],
      ["endsAt", "timestamp(3)"],
      ["location", "text"],
      ["onlineUrl", "text"],
      ["capacity", "int"],
      ["registrations", "int"],
      ["cancelled", "boolean"],
      ["updatedAt", "timestamp(3)"],
    ],
    sessions,
  );

  // ------------------------------------------------------------ agreements
  const offersBy = new Map<string, OfferRow[]>();
  for (const o of offers) offersBy.set(o.provider.id, [...(offersBy.get(o.provider.id) ?? []), o]);
  const agreements: unknown[][] = [];
  const parties: unknown[][] = [];
  const responsibilities: unknown[][] = [];
  const agreementOffers: unknown[][] = [];
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
    agreements.push([
      id,
      `${title} mellom ${m.name.replace(tag, "")} og ${trust.name.replace(tag, "")}`,
      sub,
      validFrom,
      end,
      status,
      stamp,
    ]);
    parties.push([id, trust.id, "HOSPITAL_TRUST"], [id, m.id, "MUNICIPALITY"]);
    if (r.chance(0.2)) parties.push([id, r.pick(userOrgs).id, "USER_ORGANISATION"]);
    responsibilities.push(
      [
        r.uuid(),
        id,
        trust.id,
        "Diagnosespesifikke lærings- og mestringstilbud",
        "DIAGNOSIS_SPECIFIC",
        ["GROUP_COURSE"],
        ["PATIENTS", "CARERS"],
      ],
      [
        r.uuid(),
        id,
        m.id,
        "Diagnoseuavhengige tilbud og frisklivstilbud",
        "DIAGNOSIS_INDEPENDENT",
        ["GROUP_COURSE", "PEER_ACTIVITY"],
        ["PATIENTS"],
      ],
    );
    if (r.chance(0.3)) {
      const candidates = [...(offersBy.get(trust.id) ?? []), ...(offersBy.get(m.id) ?? [])];
      for (const o of r.sample(candidates, r.int(1, 3))) agreementOffers.push([id, o.id]);
    }
  }
  await put(
    "Agreement",
    [
      ["id", "uuid"],
      ["title", "text"],
      ["subAgreement", "text"],
      ["validFrom", "date"],
      ["validTo", "date"],
      ["status", '"AgreementStatus"'],
      ["updatedAt", "timestamp(3)"],
    ],
    agreements,
  );
  await put(
    "AgreementParty",
    [
      ["agreementId", "uuid"],
      ["organisationId", "uuid"],
      ["role", '"PartyRole"'],
    ],
    parties,
  );
  await put(
    "AgreementResponsibility",
    [
      ["id", "uuid"],
      ["agreementId", "uuid"],
      ["organisationId", "uuid"],
      ["description", "text"],
      ["diagnosisScope", '"DiagnosisScope"'],
      ["offerKinds", '"OfferKind"[]'],
      ["audiences", '"Audience"[]'],
    ],
    responsibilities,
  );
  await put(
    "AgreementOffer",
    [
      ["agreementId", "uuid"],
      ["offerId", "uuid"],
    ],
    agreementOffers,
  );

  // ------------------------------------------------------------ meeting points
  const meetings: unknown[][] = [];
  const participants: unknown[][] = [];
  const meetingIds: string[] = [];
  for (let i = 0; i < scale.meetingPoints; i++) {
    const kindOf = r.weighted([40, 40, 20]);
    const trustIndex = r.int(0, trusts.length - 1);
    const local = catchment[trustIndex]!;
    const organiser =
      kindOf === 0 ? trusts[trustIndex]! : kindOf === 1 ? r.pick(local) : communities[trustIndex]!;
    const kind: MeetingKind = kindOf === 2 ? "HEALTH_COMMUNITY_FORUM" : r.pick(ordinaryMeetingKinds);
    const startsAt = at(today, r.int(-1_000, 365), r.int(9, 14));
    const id = r.uuid();
    meetingIds.push(id);
    const agreementsHere = agreementsOfTrust[trustIndex]!;
    meetings.push([
      id,
      kind,
      `${r.pick(meetingTitles)} ${startsAt.getUTCFullYear()}`,
      organiser.id,
      kindOf === 2 ? organiser.id : null,
      agreementsHere.length > 0 && r.chance(0.15) ? r.pick(agreementsHere) : null,
      startsAt,
      new Date(startsAt.getTime() + 2 * 3_600_000),
      `${r.pick(["Rådhuset", "Sykehuset", "Kulturhuset", "Digitalt"])}`,
      `1. Velkommen\n2. ${r.pick(subjects)}\n3. Eventuelt`,
      stamp,
    ]);
    const others = r.sample([...local, trusts[trustIndex]!, ...r.sample(userOrgs, 2)], r.int(1, 4));
    for (const o of new Set([organiser, ...others].filter((o) => o.kind !== "HEALTH_COMMUNITY")))
      participants.push([id, o.id]);
  }
  await put(
    "MeetingPoint",
    [
      ["id", "uuid"],
      ["kind", '"MeetingKind"'],
      ["title", "text"],
      ["organiserId", "uuid"],
      ["healthCommunityId", "uuid"],
      ["agreementId", "uuid"],
      ["startsAt", "timestamp(3)"],
      ["endsAt", "timestamp(3)"],
      ["location", "text"],
      ["agenda", "text"],
      ["updatedAt", "timestamp(3)"],
    ],
    meetings,
  );
  await put(
    "MeetingParticipant",
    [
      ["meetingPointId", "uuid"],
      ["organisationId", "uuid"],
    ],
    participants,
  );

  // ------------------------------------------------------------ participation reports
  const quarters = Array.from({ length: 12 }, (_, q) => {
    const start = new Date(
      Date.UTC(today.getUTCFullYear(), Math.floor(today.getUTCMonth() / 3) * 3 - 3 * (q + 1), 1),
    );
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3, 0));
    return [start, end] as const;
  });
  const reports: unknown[][] = [];
  for (let i = 0; i < scale.participationReports; i++) {
    const [start, end] = r.pick(quarters);
    const onOffer = meetingIds.length === 0 || r.chance(0.92);
    const offer = onOffer ? r.pick(live) : null;
    reports.push([
      r.uuid(),
      offer && r.chance(0.6) ? offer.provider.id : r.pick(userOrgs).id,
      offer?.id ?? null,
      offer ? null : r.pick(meetingIds),
      start,
      end,
      r.int(0, 40),
      r.int(0, 15),
      r.chance(0.2) ? r.int(0, 10) : 0,
      r.chance(0.1) ? r.int(0, 8) : 0,
      r.int(0, 3),
      r.int(0, 2),
      r.int(0, 2),
      r.int(0, 1),
      stamp,
    ]);
  }
  await put(
    "ParticipationReport",
    [
      ["id", "uuid"],
      ["reporterId", "uuid"],
      ["offerId", "uuid"],
      ["meetingPointId", "uuid"],
      ["periodStart", "date"],
      ["periodEnd", "date"],
      ["patients", "int"],
      ["carers", "int"],
      ["childrenAndYouth", "int"],
      ["parents", "int"],
      ["others", "int"],
      ["userRepsPlanning", "int"],
      ["userRepsDelivery", "int"],
      ["userRepsEvaluation", "int"],
      ["updatedAt", "timestamp(3)"],
    ],
    reports,
  );

  // Fresh statistics, so the planner sees the data as it is (autovacuum may not have run yet).
  await db.query("ANALYZE");
  return {
    rows,
    hospitalTrustIds: trusts.map((t) => t.id),
    healthCommunityIds: communities.map((c) => c.id),
    municipalityNumbers: numbers,
    publishedOfferIds: published.map((o) => o.id),
  };
}

/** Four-digit numbers in county ranges, none of them already in the database. */
function freeMunicipalityNumbers(r: Random, taken: ReadonlySet<string>, count: number): string[] {
  const counties = [3, 11, 15, 18, 31, 32, 33, 34, 39, 40, 42, 46, 50, 55, 56];
  const chosen = new Set<string>();
  let county = 0;
  let guard = 0;
  while (chosen.size < count) {
    const prefix = counties[county++ % counties.length]!;
    const number = String(prefix * 100 + r.int(1, 99)).padStart(4, "0");
    if (!taken.has(number)) chosen.add(number);
    if (++guard > count * 200) throw new Error("Not enough free municipality numbers");
  }
  return [...chosen].sort();
}

interface OfferText {
  title: string;
  summary: string;
  description: string;
  kind: OfferKind;
  scope: "DIAGNOSIS_SPECIFIC" | "DIAGNOSIS_INDEPENDENT";
  codes: string[];
  groups: DiagnosisGroup[];
  topics: Topic[];
  audiences: Audience[];
  priorityGroups: PriorityGroup[];
  format: OfferFormat;
  languages: string[];
  accessibility: AccessibilityFeature[];
  municipalities: string[];
}

const otherLanguages = ["nn", "en", "ar", "so", "ti", "uk", "pl", "sma", "fa", "ur"];

function describeOffer(r: Random, provider: Org, catchment: readonly Org[]): OfferText {
  const about = r.sample(subjects, 3);
  const summary = `Kurset gir kunnskap om ${about[0]}, ${about[1]} og ${about[2]}. ${r.pick(sentences)}`;
  const description = [...r.sample(sentences, 3), `Tema: ${r.sample(subjects, 4).join(", ")}.`].join(" ");
  const format = (["PHYSICAL", "DIGITAL", "HYBRID"] as const)[r.weighted([60, 20, 20])]!;
  const languages = ["nb", ...(r.chance(0.15) ? r.sample(otherLanguages, r.int(1, 2)) : [])];
  const accessibility = r.sample(accessibilityFeatures, r.weighted([30, 35, 25, 10]));
  const priority = r.sample(priorityGroups, r.weighted([35, 45, 20]));
  const place = provider.name.replace(/ kommune.*$/, "");
  const common = { summary, description, format, languages, accessibility };

  if (provider.kind === "HOSPITAL_TRUST") {
    const d = r.pick(diagnoses);
    const audience = r.pick(hospitalAudiences);
    return {
      ...common,
      title: `${r.pick(hospitalCourseKinds)} ${audience} ${d.words}`,
      kind: r.pick([
        "GROUP_COURSE",
        "GROUP_COURSE",
        "GROUP_COURSE",
        "LECTURE",
        "DIGITAL_RESOURCE",
        "FAMILY_OFFER",
      ]),
      scope: "DIAGNOSIS_SPECIFIC",
      codes: d.codes,
      groups: [d.group],
      topics: ["LIVING_WITH_CHRONIC_ILLNESS"],
      audiences: audience.includes("pårørende")
        ? ["CARERS"]
        : audience.includes("barn")
          ? ["PARENTS", "CHILDREN_AND_YOUTH"]
          : ["PATIENTS", "CARERS"],
      priorityGroups: audience.includes("ungdom") ? ["CHILDREN_AND_YOUTH"] : priority,
      municipalities: (r.chance(0.6)
        ? catchment
        : r.sample(catchment, r.int(1, Math.max(1, catchment.length)))
      ).map((m) => m.municipalityNumber!),
    };
  }
  if (provider.kind === "MUNICIPALITY") {
    const neighbours = r.chance(0.2) ? r.sample(catchment, r.int(1, 3)) : [];
    const municipalities = [...new Set([provider, ...neighbours].map((m) => m.municipalityNumber!))];
    if (r.chance(0.05)) {
      // Municipal diagnosis-specific offers exist; the task-division rule flags them for the forum.
      const d = r.pick(diagnoses);
      return {
        ...common,
        title: `Mestringskurs for personer med ${d.words} i ${place}`,
        kind: "GROUP_COURSE",
        scope: "DIAGNOSIS_SPECIFIC",
        codes: d.codes,
        groups: [d.group],
        topics: ["LIVING_WITH_CHRONIC_ILLNESS"],
        audiences: ["PATIENTS"],
        priorityGroups: priority,
        municipalities,
      };
    }
    const theme = r.pick(municipalThemes);
    return {
      ...common,
      title: r.chance(0.5) ? `${theme.title} i ${place}` : theme.title,
      kind: r.pick(["GROUP_COURSE", "GROUP_COURSE", "INDIVIDUAL_TRAINING", "FAMILY_OFFER", "LECTURE"]),
      scope: "DIAGNOSIS_INDEPENDENT",
      codes: [],
      groups: [],
      topics: [theme.topic],
      audiences: theme.priority === "CHILDREN_AND_YOUTH" ? ["CHILDREN_AND_YOUTH", "PARENTS"] : ["PATIENTS"],
      priorityGroups: theme.priority ? [...new Set([theme.priority, ...priority])] : priority,
      municipalities,
    };
  }
  const d = r.pick(diagnoses);
  return {
    ...common,
    title: `${r.pick(peerTitles)} for ${r.chance(0.3) ? "pårørende til personer med" : "personer med"} ${d.words}`,
    kind: "PEER_ACTIVITY",
    scope: "DIAGNOSIS_SPECIFIC",
    codes: d.codes,
    groups: [d.group],
    topics: ["LIVING_WITH_CHRONIC_ILLNESS", "CARER_SUPPORT"],
    audiences: ["PATIENTS", "CARERS"],
    priorityGroups: priority,
    municipalities: r
      .sample(catchment, r.int(1, Math.min(8, catchment.length)))
      .map((m) => m.municipalityNumber!),
  };
}
