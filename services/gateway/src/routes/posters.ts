import type { Database } from "@samspill/database";
import { municipalityNumber, parsePeriodKey, periodRange, writtenLanguages } from "@samspill/domain";
import type { buildHalfYearly, halfYearOf } from "@samspill/mail";
import type { Context, Env, Hono } from "hono";
import { html } from "hono/html";
import { z } from "zod";
import { renderPosterPdf } from "../formats/poster.js";
import { offerPageUrl } from "../formats/types.js";
import { invalidParams, publishedOfferPage, queryOf } from "./paging.js";

// The half-yearly poster (plan 2.4.4 a) as a PDF per municipality and per hospital trust, under
// /export/*, so it shares the exports' rate limit; and the embeddable list of a municipality's
// offers for its own web site (/embed/*, the one place the gateway may be framed, see
// security-headers.ts). Both are public: they show published offers only.

export interface PosterDeps {
  db: Database;
  publicUrl: string;
}

type HalfYear = Parameters<typeof buildHalfYearly>[1]["half"];

/** The mail package's half-yearly content and texts, loaded at the first poster or embed (poster-mail.ts). */
const mail = () => import("./poster-mail.js");

const pdfFile = /^(.*)\.pdf$/;

/** A half-year of the domain's grid, e.g. `2027-H1`. */
const halfYearKey = z.string().refine((key) => parsePeriodKey(key)?.kind === "HALF_YEAR", {
  message: "Give a half-year of the grid, e.g. 2027-H1 / Oppgi et halvår i rutenettet, f.eks. 2027-H1",
});

const posterQuery = z
  .object({ lang: z.enum(writtenLanguages).default("nb"), period: halfYearKey.optional() })
  .strict();
const embedQuery = z.object({ lang: z.enum(writtenLanguages).default("nb") }).strict();

/** The half-year asked for; without one, the half-year now under way, as the half-yearly mail has. */
function halfYear(key: string | undefined, current: typeof halfYearOf): HalfYear {
  const period = key ? parsePeriodKey(key) : null;
  if (!period) return current(new Date());
  const { start, end } = periodRange(period);
  return {
    key: key as string,
    year: period.year,
    half: period.index === 1 ? 1 : 2,
    start,
    end: new Date(end.getTime() - 86_400_000),
  };
}

/** The segment before `.pdf`, checked under `field`. */
function pdfSegment<S extends z.ZodType>(c: Context, schema: S, field: string) {
  const value = pdfFile.exec(c.req.param("file") ?? "")?.[1] ?? "";
  return schema.safeParse({ [field]: value });
}

export function registerPosterRoutes<E extends Env>(app: Hono<E>, deps: PosterDeps): void {
  async function poster(c: Context, place: { name: string; numbers: string[]; trustIds: string[] }) {
    const query = posterQuery.safeParse(queryOf(new URL(c.req.url)));
    if (!query.success) return c.json(invalidParams(query.error), 400);
    const { buildHalfYearly, halfYearOf, mailTexts, withCatchments } = await mail();
    const [filter] = await withCatchments(deps.db, [
      {
        municipalityNumbers: place.numbers,
        hospitalTrustIds: place.trustIds,
        priorityGroups: [],
        diagnosisGroups: [],
      },
    ]);
    // A trust with no catchment yet must not fall back to "every municipality".
    if (!filter || filter.municipalityNumbers.length === 0) return c.json({ error: "not_found" }, 404);
    const half = halfYear(query.data.period, halfYearOf);
    const content = await buildHalfYearly(deps.db, { recipientName: place.name, filter, half });
    const pdf = await renderPosterPdf(content, {
      baseUrl: deps.publicUrl,
      texts: mailTexts(query.data.lang),
      placeName: place.name,
      language: query.data.lang,
    });
    return c.body(new Uint8Array(pdf), 200, {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="samspill-${half.key}.pdf"`,
    });
  }

  app.get("/export/posters/municipalities/:file{[^/]+\\.pdf}", async (c) => {
    const parsed = pdfSegment(c, z.object({ number: municipalityNumber }), "number");
    if (!parsed.success) return c.json(invalidParams(parsed.error), 400);
    const municipality = await deps.db.municipality.findUnique({ where: { number: parsed.data.number } });
    if (!municipality) return c.json({ error: "not_found" }, 404);
    return poster(c, { name: municipality.name, numbers: [municipality.number], trustIds: [] });
  });

  app.get("/export/posters/hospital-trusts/:file{[^/]+\\.pdf}", async (c) => {
    const parsed = pdfSegment(c, z.object({ id: z.uuid() }), "id");
    if (!parsed.success) return c.json(invalidParams(parsed.error), 400);
    const trust = await deps.db.organisation.findUnique({ where: { id: parsed.data.id } });
    if (trust?.kind !== "HOSPITAL_TRUST") return c.json({ error: "not_found" }, 404);
    return poster(c, { name: trust.name, numbers: [], trustIds: [trust.id] });
  });

  app.get("/embed/municipalities/:number", async (c) => {
    const parsed = z.object({ number: municipalityNumber }).safeParse({ number: c.req.param("number") });
    if (!parsed.success) return c.json(invalidParams(parsed.error), 400);
    const query = embedQuery.safeParse(queryOf(new URL(c.req.url)));
    if (!query.success) return c.json(invalidParams(query.error), 400);
    const municipality = await deps.db.municipality.findUnique({ where: { number: parsed.data.number } });
    if (!municipality) return c.json({ error: "not_found" }, 404);
    const t = (await mail()).mailTexts(query.data.lang);
    const { offers } = await publishedOfferPage(
      deps.db,
      { municipalityNumbers: [municipality.number] },
      { limit: 200, offset: 0 },
    );
    const day = new Intl.DateTimeFormat(t.locale, { dateStyle: "medium", timeZone: "Europe/Oslo" });
    const now = Date.now();
    const items = offers.map((o) => {
      const next = o.sessions.find((s) => !s.cancelled && s.startsAt.getTime() >= now);
      return html`<li><a href="${offerPageUrl(deps.publicUrl, o.id)}" target="_blank" rel="noopener">${o.title}</a>
<span>${o.provider.name}${next ? ` · ${day.format(next.startsAt)}` : ""}</span></li>`;
    });
    return c.html(html`<!doctype html>
<html lang="${query.data.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Samspill – ${municipality.name}</title>
<style>body{font:15px/1.4 system-ui,sans-serif;margin:0;padding:8px}ul{list-style:none;padding:0;margin:0}li{padding:6px 0;border-bottom:1px solid #ddd}span{display:block;color:#555;font-size:13px}</style>
</head><body><ul>${items.length > 0 ? items : html`<li>${t.halfYearly.none}</li>`}</ul></body></html>`);
  });
}
