// Prisma 7 configuration. The datasource URL lives here, not in schema.prisma.
// Run the CLI through scripts/prisma.mjs (`pnpm --filter @samspill/database migrate:dev` etc.),
// which supplies the schema engine on machines without Prisma's native binaries.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    // process.env rather than prisma/config's env(), which throws when the variable is unset:
    // `prisma generate` needs no database. Commands that do need one say so when it is missing.
    url: process.env.DATABASE_URL,
    // Optional. Without it, `migrate dev` and `migrate diff --from-migrations` use a temporary
    // database on the same server (a second, in-memory PGlite when DATABASE_URL is PGlite).
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});
