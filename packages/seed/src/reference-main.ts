import { createDatabase } from "@samspill/database";
import { seedReferenceData } from "./reference.js";

// `pnpm --filter @samspill/seed seed:reference`: loads the region's reference data (regional
// health authority, hospital trusts, municipalities) into DATABASE_URL, adding only what is
// missing. The migrate job runs it after every migration; safe to run again.
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set: point it at the Postgres database to seed.");
  process.exit(1);
}
const db = createDatabase({ url, maxConnections: 4 });
try {
  const s = await seedReferenceData(db);
  console.log(
    `Reference data: ${s.municipalities} municipalities and ${s.hospitalTrusts} hospital trusts listed; ` +
      `${s.organisationsCreated} organisations created, ${s.municipalitiesWritten} municipality rows written.`,
  );
} finally {
  await db.$disconnect();
}
