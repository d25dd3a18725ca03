import { withSeedDatabase } from "./cli-database.js";
import { seedReferenceData } from "./reference.js";

// `pnpm --filter @samspill/seed seed:reference`: loads the region's reference data (regional
// health authority, hospital trusts, municipalities) into DATABASE_URL, adding only what is
// missing. The migrate job runs it after every migration; safe to run again.
await withSeedDatabase(async (db) => {
  const s = await seedReferenceData(db);
  console.log(
    `Reference data: ${s.municipalities} municipalities and ${s.hospitalTrusts} hospital trusts listed; ` +
      `${s.organisationsCreated} organisations created, ${s.municipalitiesWritten} municipality rows written.`,
  );
});
