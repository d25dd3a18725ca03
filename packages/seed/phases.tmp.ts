import { createDatabase } from "@samspill/database";
import { seedContext } from "./src/context.ts";
import { seedOffers, seedParticipation } from "./src/seed-offers.ts";
import { seedOrganisations, seedPeople } from "./src/seed-organisations.ts";
import { seedActionPlans, seedAgreements, seedMeetings } from "./src/seed-relations.ts";

const db = createDatabase({ url: process.env.DATABASE_URL!, maxConnections: 4 });
const ctx = seedContext(db, new Date());
let t = performance.now();
const lap = (n: string) => {
  const now = performance.now();
  console.log(n, Math.round(now - t));
  t = now;
};
const m = await seedOrganisations(db, ctx);
lap("orgs");
await seedPeople(ctx);
lap("people");
await seedOffers(ctx, m);
lap("offers");
await seedAgreements(ctx);
await seedMeetings(ctx);
lap("agreements+meetings");
await seedParticipation(ctx);
lap("participation");
await seedActionPlans(ctx);
lap("plans");
await db.$disconnect();
