import type { Database, Prisma } from "@samspill/database";
import { gridTableOf, monthOf, type OfferMonths, participantFields } from "@samspill/domain";
import type { ReportYear } from "./periods.js";

// The annual report per hospital trust and per health community: A0099-eligible activity,
// participation with user representatives, and PAM before/after. Raw figures here, and each
// offer's counts by month; the template publishes counts of people as sums of the offers'
// published figures (the domain's PublishedGrid, which the gateway's summaries share), so the
// report and any summary or trend can be set side by side without giving a small count away.
//
// A report or evaluation counts for the year its period starts in, as on the summaries' grid of
// periods: counted in both years, one spanning New Year would be this report minus the summary.

export interface ReportScope {
  id: string;
  name: string;
  kind: "HOSPITAL_TRUST" | "HEALTH_COMMUNITY";
  /** Whose offers and meetings count: the trust itself, or every member of the community. */
  organisationIds: string[];
}

export interface AudienceCounts {
  patients: number;
  carers: number;
  childrenAndYouth: number;
  parents: number;
  others: number;
}

export interface UserRepCounts {
  planning: number;
  delivery: number;
  evaluation: number;
}

export interface PamOfferLine {
  offerId: string;
  title: string;
  respondentsBefore: number;
  respondentsAfter: number;
  meanBefore: number;
  meanAfter: number;
  /** Respondents at levels 1–4; they add up to the respondents. */
  levelsBefore: number[];
  levelsAfter: number[];
}

export interface AnnualReport {
  scope: ReportScope;
  year: number;
  a0099: {
    offers: number;
    sessions: number;
    participants: number;
    /** The participants by audience: with all participants, a table whose totals the report shows. */
    participantsByAudience: AudienceCounts;
  };
  participation: {
    reports: number;
    participants: AudienceCounts;
    userReps: UserRepCounts;
    /** Offers reported on in the year that involve user representatives in each phase. */
    offersWithUserReps: UserRepCounts;
    offersReported: number;
    meetingReports: number;
    meetingUserReps: UserRepCounts;
  };
  pam: {
    evaluations: number;
    respondentsBefore: number;
    respondentsAfter: number;
    /** Respondent-weighted means; null when nobody answered. */
    meanBefore: number | null;
    meanAfter: number | null;
    levelsBefore: number[];
    levelsAfter: number[];
    offers: PamOfferLine[];
  };
  /** Each offer's counts by month of the year: participants by audience, PAM levels per side. */
  grid: {
    participants: OfferMonths[];
    a0099OfferIds: string[];
    pamBefore: OfferMonths[];
    pamAfter: OfferMonths[];
  };
}

/**
 * Each offer's values added up by the month its record's period starts in, as rows of its
 * provider's table. Drafts form a table of their own: the public summaries' tables hold only
 * offers that are or were in the catalogue, and the report must cut the same tables.
 */
function offerMonths<R extends { offerId: string | null; periodStart: Date; offer: OfferKey | null }>(
  rows: readonly R[],
  width: number,
  valuesOf: (r: R) => readonly number[],
): OfferMonths[] {
  const byOffer = new Map<string, OfferMonths & { months: number[][] }>();
  for (const r of rows) {
    if (!r.offerId || !r.offer) continue;
    if (!byOffer.has(r.offerId))
      byOffer.set(r.offerId, {
        offerId: r.offerId,
        providerId: gridTableOf(r.offer),
        months: Array.from({ length: 12 }, () => new Array<number>(width).fill(0)),
      });
    const month = byOffer.get(r.offerId)!.months[monthOf(r.periodStart) - 1]!;
    valuesOf(r).forEach((v, j) => {
      month[j]! += v;
    });
  }
  return [...byOffer.values()];
}

interface OfferKey {
  providerId: string;
  status: string;
}

/** Every hospital trust and health community, with the organisations whose activity counts. */
export async function loadReportScopes(db: Database): Promise<ReportScope[]> {
  const orgs = await db.organisation.findMany({
    where: { kind: { in: ["HOSPITAL_TRUST", "HEALTH_COMMUNITY"] } },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: { id: true, name: true, kind: true, communityMembers: { select: { organisationId: true } } },
  });
  return orgs.map((o) => ({
    id: o.id,
    name: o.name,
    kind: o.kind as ReportScope["kind"],
    organisationIds: o.kind === "HOSPITAL_TRUST" ? [o.id] : o.communityMembers.map((m) => m.organisationId),
  }));
}

function sum<K extends string>(rows: readonly { [key in K]: number }[], key: K): number {
  return rows.reduce((n, r) => n + r[key], 0);
}

const audienceCounts = (rows: readonly AudienceCounts[]): AudienceCounts => ({
  patients: sum(rows, "patients"),
  carers: sum(rows, "carers"),
  childrenAndYouth: sum(rows, "childrenAndYouth"),
  parents: sum(rows, "parents"),
  others: sum(rows, "others"),
});

export async function buildAnnualReport(
  db: Database,
  scope: ReportScope,
  year: ReportYear,
): Promise<AnnualReport> {
  const startsInYear = { periodStart: { gte: year.start, lt: year.end } };
  const scopeOffers: Prisma.OfferWhereInput = { providerId: { in: scope.organisationIds } };
  const [offerReports, meetingReports, a0099Sessions, pams] = await Promise.all([
    db.participationReport.findMany({
      where: { ...startsInYear, offer: scopeOffers },
      select: {
        offerId: true,
        periodStart: true,
        patients: true,
        carers: true,
        childrenAndYouth: true,
        parents: true,
        others: true,
        userRepsPlanning: true,
        userRepsDelivery: true,
        userRepsEvaluation: true,
        offer: {
          select: {
            providerId: true,
            status: true,
            a0099Eligible: true,
            userRepPlanning: true,
            userRepDelivery: true,
            userRepEvaluation: true,
          },
        },
      },
    }),
    db.participationReport.findMany({
      where: {
        ...startsInYear,
        meetingPoint: {
          OR: [
            { organiserId: { in: scope.organisationIds } },
            ...(scope.kind === "HEALTH_COMMUNITY" ? [{ healthCommunityId: scope.id }] : []),
          ],
        },
      },
      select: { userRepsPlanning: true, userRepsDelivery: true, userRepsEvaluation: true },
    }),
    db.offerSession.findMany({
      where: {
        cancelled: false,
        startsAt: { gte: year.start, lt: year.end },
        offer: { ...scopeOffers, a0099Eligible: true },
      },
      select: { offerId: true },
    }),
    db.pamEvaluation.findMany({
      where: { ...startsInYear, offer: scopeOffers },
      orderBy: [{ offer: { title: "asc" } }, { periodStart: "asc" }],
      select: {
        offerId: true,
        periodStart: true,
        respondentsBefore: true,
        respondentsAfter: true,
        meanScoreBefore: true,
        meanScoreAfter: true,
        levelsBefore: true,
        levelsAfter: true,
        offer: { select: { title: true, providerId: true, status: true } },
      },
    }),
  ]);

  const participantsOf = (r: AudienceCounts) =>
    r.patients + r.carers + r.childrenAndYouth + r.parents + r.others;
  const a0099Reports = offerReports.filter((r) => r.offer?.a0099Eligible);
  const reportedOffers = new Map(offerReports.map((r) => [r.offerId, r.offer]));
  const offerFlags = [...reportedOffers.values()];
  const a0099Offers = new Set([
    ...a0099Sessions.map((s) => s.offerId),
    ...a0099Reports.map((r) => r.offerId),
  ]);

  return {
    scope,
    year: year.year,
    a0099: {
      offers: a0099Offers.size,
      sessions: a0099Sessions.length,
      participants: a0099Reports.reduce((n, r) => n + participantsOf(r), 0),
      participantsByAudience: audienceCounts(a0099Reports),
    },
    participation: {
      reports: offerReports.length,
      participants: audienceCounts(offerReports),
      userReps: {
        planning: sum(offerReports, "userRepsPlanning"),
        delivery: sum(offerReports, "userRepsDelivery"),
        evaluation: sum(offerReports, "userRepsEvaluation"),
      },
      offersWithUserReps: {
        planning: offerFlags.filter((o) => o?.userRepPlanning).length,
        delivery: offerFlags.filter((o) => o?.userRepDelivery).length,
        evaluation: offerFlags.filter((o) => o?.userRepEvaluation).length,
      },
      offersReported: reportedOffers.size,
      meetingReports: meetingReports.length,
      meetingUserReps: {
        planning: sum(meetingReports, "userRepsPlanning"),
        delivery: sum(meetingReports, "userRepsDelivery"),
        evaluation: sum(meetingReports, "userRepsEvaluation"),
      },
    },
    pam: summarisePam(pams),
    grid: {
      participants: offerMonths(offerReports, participantFields.length, (r) =>
        participantFields.map((k) => r[k]),
      ),
      a0099OfferIds: [...new Set(a0099Reports.map((r) => r.offerId!))],
      pamBefore: offerMonths(pams, 4, (r) => r.levelsBefore),
      pamAfter: offerMonths(pams, 4, (r) => r.levelsAfter),
    },
  };
}

interface PamRow {
  offerId: string;
  respondentsBefore: number;
  respondentsAfter: number;
  meanScoreBefore: Prisma.Decimal;
  meanScoreAfter: Prisma.Decimal;
  levelsBefore: number[];
  levelsAfter: number[];
  offer: { title: string; providerId: string; status: string };
}

function summarisePam(rows: readonly PamRow[]): AnnualReport["pam"] {
  const byOffer = new Map<string, PamOfferLine & { weightedBefore: number; weightedAfter: number }>();
  const levelsBefore = [0, 0, 0, 0];
  const levelsAfter = [0, 0, 0, 0];
  for (const r of rows) {
    const line = byOffer.get(r.offerId) ?? {
      offerId: r.offerId,
      title: r.offer.title,
      respondentsBefore: 0,
      respondentsAfter: 0,
      meanBefore: 0,
      meanAfter: 0,
      weightedBefore: 0,
      weightedAfter: 0,
      levelsBefore: [0, 0, 0, 0],
      levelsAfter: [0, 0, 0, 0],
    };
    line.respondentsBefore += r.respondentsBefore;
    line.respondentsAfter += r.respondentsAfter;
    line.weightedBefore += r.meanScoreBefore.toNumber() * r.respondentsBefore;
    line.weightedAfter += r.meanScoreAfter.toNumber() * r.respondentsAfter;
    byOffer.set(r.offerId, line);
    for (let level = 0; level < 4; level++) {
      for (const levels of [levelsBefore, line.levelsBefore])
        levels[level] = (levels[level] ?? 0) + (r.levelsBefore[level] ?? 0);
      for (const levels of [levelsAfter, line.levelsAfter])
        levels[level] = (levels[level] ?? 0) + (r.levelsAfter[level] ?? 0);
    }
  }
  const mean = (weighted: number, n: number) => (n > 0 ? Math.round((weighted / n) * 10) / 10 : 0);
  const lines = [...byOffer.values()];
  const respondentsBefore = lines.reduce((n, l) => n + l.respondentsBefore, 0);
  const respondentsAfter = lines.reduce((n, l) => n + l.respondentsAfter, 0);
  const weightedBefore = lines.reduce((n, l) => n + l.weightedBefore, 0);
  const weightedAfter = lines.reduce((n, l) => n + l.weightedAfter, 0);
  return {
    evaluations: rows.length,
    respondentsBefore,
    respondentsAfter,
    meanBefore: respondentsBefore > 0 ? mean(weightedBefore, respondentsBefore) : null,
    meanAfter: respondentsAfter > 0 ? mean(weightedAfter, respondentsAfter) : null,
    levelsBefore,
    levelsAfter,
    offers: lines.map(({ weightedBefore: wb, weightedAfter: wa, ...line }) => ({
      ...line,
      meanBefore: mean(wb, line.respondentsBefore),
      meanAfter: mean(wa, line.respondentsAfter),
    })),
  };
}

/**
 * The scopes an ANNUAL_REPORT subscriber gets: the trusts and communities they belong to (all of
 * them for members of the regional health authority); otherwise those of the municipalities in
 * their filter; otherwise all.
 */
export async function scopesFor(
  db: Database,
  subscriber: { personId: string; municipalityNumbers: readonly string[] },
  scopes: readonly ReportScope[],
): Promise<ReportScope[]> {
  const memberships = await db.membership.findMany({
    where: { personId: subscriber.personId },
    select: { organisation: { select: { id: true, kind: true } } },
  });
  const orgs = memberships.map((m) => m.organisation);
  if (orgs.some((o) => o.kind === "REGIONAL_HEALTH_AUTHORITY")) return [...scopes];
  const own = new Set(orgs.map((o) => o.id));
  const mine = scopes.filter((s) => own.has(s.id));
  if (mine.length > 0) return mine;
  if (subscriber.municipalityNumbers.length === 0) return [...scopes];
  const municipalities = await db.organisation.findMany({
    where: { municipalityNumber: { in: [...subscriber.municipalityNumbers] } },
    select: { id: true, municipality: { select: { hospitalTrustId: true } } },
  });
  const related = new Set(municipalities.flatMap((m) => [m.id, m.municipality?.hospitalTrustId ?? ""]));
  return scopes.filter((s) =>
    s.kind === "HOSPITAL_TRUST" ? related.has(s.id) : s.organisationIds.some((id) => related.has(id)),
  );
}
