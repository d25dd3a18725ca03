import { builder } from "../builder.js";

interface Health {
  ok: boolean;
  database: boolean;
  time: Date;
}

const HealthRef = builder.objectRef<Health>("Health").implement({
  fields: (t) => ({
    ok: t.exposeBoolean("ok"),
    database: t.exposeBoolean("database"),
    time: t.expose("time", { type: "DateTime" }),
  }),
});

builder.queryField("health", (t) =>
  t.field({
    description: "Liveness and database reachability, for load balancers and the start script.",
    type: HealthRef,
    authScopes: { public: true },
    resolve: async (_root, _args, ctx) => {
      let database = false;
      try {
        await ctx.db.$queryRaw`SELECT 1`;
        database = true;
      } catch (error) {
        ctx.log.warn({ err: error }, "health check: database unreachable");
      }
      return { ok: database, database, time: new Date() };
    },
  }),
);
