import type { Database } from "@samspill/database";
import { datasetLoader } from "./bulk-load.js";
import { buildAgreements, buildMeetingPoints } from "./cooperation.js";
import { buildOffers, buildSessions } from "./offers.js";
import { buildOrganisations } from "./organisations.js";
import { seeded } from "./random.js";
import { buildParticipationReports } from "./reports.js";
import type { Scale } from "./scale.js";

export { type Scale, scales } from "./scale.js";

// A national-scale synthetic data set for the benchmark: every municipality and hospital trust,
// their offers, sessions, agreements, meeting points and participation reports, written into a
// migrated database through the bulk-load command (batches of typed rows, as the system; the
// municipalities are reference data and loaded as they are). Distributions follow the domain:
// trusts offer diagnosis-specific courses to their whole catchment, municipalities run
// diagnosis-independent offers locally, user organisations run peer activities.

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

function hashTag(tag: string): number {
  let hash = 0;
  for (const char of tag) hash = (Math.imul(hash, 31) + (char.codePointAt(0) ?? 0)) >>> 0;
  return hash;
}

/**
 * Builds the data set and loads it. Like any bulk load it records no domain events, so the
 * overview read model is empty of it until the caller runs `rebuildOverview`.
 */
export async function generateDataset(
  db: Database,
  scale: Scale,
  options: GenerateOptions = {},
): Promise<GeneratedDataset> {
  // Ids come from the generator, so a tagged data set needs its own stream or it would reuse the
  // ids of an earlier data set in the same database.
  const r = seeded(options.seed ?? 20_261_123 ^ hashTag(options.tag ?? ""));
  const tag = options.tag ? ` [${options.tag}]` : "";
  const now = options.today ?? new Date();
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

  // Everything is drawn first, in the order the draws were always made, then written.
  const taken = new Set((await db.municipality.findMany({ select: { number: true } })).map((m) => m.number));
  const orgs = buildOrganisations(r, scale, tag, taken);
  const { offers, rows: offerRows } = buildOffers(r, scale, today, orgs);
  const { live, published, sessions } = buildSessions(r, scale, today, offers);
  const { agreements, agreementsOfTrust } = buildAgreements(r, scale, today, tag, orgs, offers);
  const meetings = buildMeetingPoints(r, scale, today, orgs, agreementsOfTrust);
  const meetingIds = meetings.map((m) => m.id);
  const reports = buildParticipationReports(r, scale, today, live, meetingIds, orgs.userOrgs);

  const loader = datasetLoader(db, `benchmark data set${tag}`);
  // A municipality names its hospital trust and a municipal organisation its municipality, so
  // the trusts come first, then the municipalities, then their organisations.
  await loader.loadTogether({ organisations: orgs.independent });
  const municipalities = await db.municipality.createMany({ data: orgs.municipalityRows });
  loader.rows.Municipality = municipalities.count;
  await loader.loadTogether({
    organisations: orgs.municipal,
    communityMembers: orgs.communityMembers,
    units: orgs.units,
  });
  await loader.load("offers", offerRows);
  await loader.load("sessions", sessions);
  await loader.load("agreements", agreements);
  await loader.load("meetingPoints", meetings);
  await loader.load("participationReports", reports);

  // Fresh statistics, so the planner sees the data as it is (autovacuum may not have run yet).
  await db.$executeRawUnsafe("ANALYZE");
  return {
    rows: loader.rows,
    hospitalTrustIds: orgs.trusts.map((t) => t.id),
    healthCommunityIds: orgs.communities.map((c) => c.id),
    municipalityNumbers: orgs.municipalityRows.map((m) => m.number),
    publishedOfferIds: published.map((o) => o.id),
  };
}
