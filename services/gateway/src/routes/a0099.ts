import type { Database } from "@samspill/database";
import { a0099Params, parsePeriodKey, toFieldIssues } from "@samspill/domain";
import type { Env, Hono } from "hono";
import { a0099ToCsv } from "../formats/a0099-csv.js";
import { a0099Activity } from "../indicators/a0099.js";

// The A0099 indicator's exports (packages/domain/src/a0099.ts): public aggregates with small
// counts suppressed, for a period of the grid and optionally one hospital trust. Bad parameters
// answer 400 naming the field.

export interface A0099RouteDeps {
  db: Database;
  smallCountThreshold: number;
}

export function registerA0099Routes<E extends Env>(app: Hono<E>, deps: A0099RouteDeps): void {
  const load = async (url: URL) => {
    const parsed = a0099Params.safeParse(Object.fromEntries(url.searchParams));
    if (!parsed.success)
      return {
        ok: false as const,
        body: { error: "invalid_parameters", issues: toFieldIssues(parsed.error) },
      };
    const period = parsePeriodKey(parsed.data.period)!;
    return {
      ok: true as const,
      activity: await a0099Activity(deps.db, deps.smallCountThreshold, period, parsed.data.hospitalTrust),
    };
  };

  app.get("/export/a0099.json", async (c) => {
    const result = await load(new URL(c.req.url));
    if (!result.ok) return c.json(result.body, 400);
    return c.json(result.activity);
  });

  app.get("/export/a0099.csv", async (c) => {
    const result = await load(new URL(c.req.url));
    if (!result.ok) return c.json(result.body, 400);
    return c.body(a0099ToCsv(result.activity), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="samspill-a0099-${result.activity.period}.csv"`,
    });
  });
}
