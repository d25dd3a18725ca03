import type { Database } from "@samspill/database";
import { crossedGapsParams, crossedInputOfParams, toFieldIssues } from "@samspill/domain";
import { crossedGaps, nearestOffers, offersInScope, readCrossedOverview } from "@samspill/read-model";
import type { Env, Hono } from "hono";
import { crossedGapsToCsv } from "../formats/crossed-gaps-csv.js";

// The crossed overview's gaps as a download (the same as the crossedOverview query's gaps),
// each with its three nearest offers. Public, like the overview: offer counts, not people.
// Lists are repeated parameters (`?language=sma&language=se`); bad ones answer 400 naming the field.

/** Parameters that may repeat; the others take their one value. */
const listParams = new Set([
  "priorityGroup",
  "municipality",
  "hospitalTrustFilter",
  "diagnosisGroup",
  "format",
  "language",
  "audience",
  "showLanguage",
]);

const nearestInFile = 3;

export function registerCrossedGapsRoute<E extends Env>(
  app: Hono<E>,
  deps: { db: Database; publicUrl: string },
): void {
  const offerUrl = (id: string) => `${deps.publicUrl.replace(/\/+$/, "")}/offers/${id}`;
  app.get("/export/crossed-gaps.csv", async (c) => {
    const url = new URL(c.req.url);
    const raw: Record<string, string | string[]> = {};
    for (const key of new Set(url.searchParams.keys()))
      raw[key] = listParams.has(key) ? url.searchParams.getAll(key) : (url.searchParams.get(key) ?? "");
    const parsed = crossedGapsParams.safeParse(raw);
    if (!parsed.success)
      return c.json({ error: "invalid_parameters", issues: toFieldIssues(parsed.error) }, 400);
    const input = crossedInputOfParams(parsed.data);
    const overview = await readCrossedOverview(deps.db, input);
    const gaps = crossedGaps(overview, parsed.data.below, parsed.data.sort);
    const candidates = gaps.length
      ? await offersInScope(
          deps.db,
          overview.municipalities.map((m) => m.number),
        )
      : [];
    const withNearest = gaps.map((g) => ({
      ...g,
      nearest: nearestOffers(overview, g, candidates).slice(0, nearestInFile),
    }));
    return c.body(crossedGapsToCsv(input.rows, input.columns, withNearest, offerUrl), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="samspill-hull.csv"',
    });
  });
}
