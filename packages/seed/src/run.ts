import type { Database } from "@samspill/database";
import { seedContext } from "./context.js";
import { offers } from "./offers.data.js";
import { people } from "./organisations.data.js";
import { seedReferenceData } from "./reference.js";
import { agreements, meetings } from "./relations.data.js";

export { type ReferenceSummary, seedReferenceData } from "./reference.js";

import { seedOffers, seedParticipation } from "./seed-offers.js";
import { seedOrganisations, seedPeople } from "./seed-organisations.js";
import { seedActionPlans, seedAgreements, seedMeetings } from "./seed-relations.js";

export interface SeedOptions {
  /** Reference date the demo's relative dates count from (default: today, at midnight UTC). */
  today?: Date;
}

export interface SeedSummary {
  organisations: number;
  municipalities: number;
  people: number;
  offers: number;
  sessions: number;
  agreements: number;
  meetingPoints: number;
  measures: number;
}

/**
 * Loads the demo region through the commands, acting as the system, on top of the reference data
 * (which it loads first, so the demo needs no migrate job). Every row has a name-based
 * id, so a second run finds the same rows: it changes nothing and records nothing, unless someone
 * edited the demo data since, which it then restores (with an audit entry and event, as any edit).
 */
export async function seedDemoData(db: Database, options: SeedOptions = {}): Promise<SeedSummary> {
  const ctx = seedContext(db, options.today ?? new Date());
  await seedReferenceData(db, ctx);
  const municipalities = await seedOrganisations(ctx);
  await seedPeople(ctx);
  const sessions = await seedOffers(ctx, municipalities);
  await seedAgreements(ctx);
  await seedMeetings(ctx);
  await seedParticipation(ctx);
  const measures = await seedActionPlans(ctx);
  return {
    organisations: await db.organisation.count(),
    municipalities: municipalities.length,
    people: people.length,
    offers: offers.length,
    sessions,
    agreements: agreements.length,
    meetingPoints: meetings.length,
    measures,
  };
}
