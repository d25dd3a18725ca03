import type { Database } from "@samspill/database";
import {
  accessibilityFeatures,
  audiences,
  diagnosisCodePrefix,
  diagnosisGroups,
  languageFilter,
  municipalityNumber,
  offerFormats,
  offerKinds,
  organisationKinds,
  priorityGroups,
  searchText,
  toFieldIssues,
} from "@samspill/domain";
import type { Env, Hono } from "hono";
import { z } from "zod";
import { readingViewer } from "../auth/token-scopes.js";
import type { Viewer } from "../context.js";
import { offersToCsv } from "../formats/csv.js";
import { offersToFhirBundle } from "../formats/fhir.js";
import { offersToHsdsServices } from "../formats/hsds.js";
import { meetingPointsToICal, offerSessionsToICal } from "../formats/ical.js";
import { meetingPointExportInclude, offerExportInclude } from "../formats/types.js";
import type { OfferFilters } from "../search/offer-search.js";
import { meetingsOfMembers } from "./calendar-feeds.js";
import { fhirBase } from "./fhir-api.js";
import { publishedOfferPage } from "./paging.js";

// Open-format downloads of the public catalogue (HSDS 3, FHIR R4, CSV) and calendar files. They
// take the catalogue's filters as query parameters, so a search page's URL maps onto an export.

export interface ExportRouteDeps {
  db: Database;
  publicUrl: string;
  resolveViewer?: (request: Request) => Promise<Viewer | null>;
}

const many = <T extends z.ZodType>(item: T) => z.array(item).max(400).optional();

const filterParams = z
  .object({
    text: searchText.optional(),
    municipality: many(municipalityNumber),
    provider: many(z.uuid()),
    providerKind: many(z.enum(organisationKinds)),
    hospitalTrust: z.uuid().optional(),
    priorityGroup: many(z.enum(priorityGroups)),
    diagnosisCode: many(diagnosisCodePrefix),
    diagnosisGroup: many(z.enum(diagnosisGroups)),
    audience: many(z.enum(audiences)),
    format: many(z.enum(offerFormats)),
    kind: many(z.enum(offerKinds)),
    language: many(languageFilter),
    accessibility: many(z.enum(accessibilityFeatures)),
    limit: z.coerce.number().int().min(1).max(1000).default(500),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

const listKeys = new Set([
  "municipality",
  "provider",
  "providerKind",
  "priorityGroup",
  "diagnosisCode",
  "diagnosisGroup",
  "audience",
  "format",
  "kind",
  "language",
  "accessibility",
]);

function readParams(url: URL): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams
      .getAll(key)
      .flatMap((v) => v.split(","))
      .filter(Boolean);
    out[key] = listKeys.has(key) ? values : values[0];
  }
  return out;
}

type Parsed =
  | { ok: true; filters: OfferFilters; page: { limit: number; offset: number } }
  | { ok: false; body: unknown };

function parseFilters(url: URL): Parsed {
  const result = filterParams.safeParse(readParams(url));
  if (!result.success)
    return { ok: false, body: { error: "invalid_filter", issues: toFieldIssues(result.error) } };
  const p = result.data;
  return {
    ok: true,
    page: { limit: p.limit, offset: p.offset },
    filters: {
      text: p.text,
      municipalityNumbers: p.municipality,
      providerIds: p.provider,
      providerKinds: p.providerKind,
      hospitalTrustId: p.hospitalTrust,
      priorityGroups: p.priorityGroup,
      diagnosisCodes: p.diagnosisCode,
      diagnosisGroups: p.diagnosisGroup,
      audiences: p.audience,
      formats: p.format,
      kinds: p.kind,
      languages: p.language,
      accessibility: p.accessibility,
      statuses: ["PUBLISHED"],
    },
  };
}

export function registerExportRoutes<E extends Env>(app: Hono<E>, deps: ExportRouteDeps): void {
  const options = () => ({ baseUrl: deps.publicUrl, now: new Date() });

  async function publishedOffers(url: URL) {
    const parsed = parseFilters(url);
    if (!parsed.ok) return parsed;
    return {
      ok: true as const,
      page: parsed.page,
      ...(await publishedOfferPage(deps.db, parsed.filters, parsed.page)),
    };
  }

  app.get("/export/offers.hsds.json", async (c) => {
    const result = await publishedOffers(new URL(c.req.url));
    if (!result.ok) return c.json(result.body, 400);
    c.header("X-Total-Count", String(result.total));
    return c.json(offersToHsdsServices(result.offers, options()));
  });

  app.get("/export/offers.fhir.json", async (c) => {
    const url = new URL(c.req.url);
    const result = await publishedOffers(url);
    if (!result.ok) return c.json(result.body, 400);
    const self = new URL(`${deps.publicUrl.replace(/\/+$/, "")}${url.pathname}${url.search}`);
    const { limit, offset } = result.page;
    const next = new URL(self);
    next.searchParams.set("offset", String(offset + limit));
    const bundle = offersToFhirBundle(result.offers, {
      ...options(),
      // Entries' fullUrls resolve at the FHIR endpoint (fhir-api.ts).
      fhirBaseUrl: fhirBase(deps.publicUrl),
      bundleType: "searchset",
      total: result.total,
      selfUrl: self.toString(),
      pageLinks: offset + limit < result.total ? [{ relation: "next", url: next.toString() }] : [],
    });
    return c.body(JSON.stringify(bundle), 200, { "content-type": "application/fhir+json; charset=utf-8" });
  });

  app.get("/export/offers.csv", async (c) => {
    const result = await publishedOffers(new URL(c.req.url));
    if (!result.ok) return c.json(result.body, 400);
    return c.body(offersToCsv(result.offers, { now: new Date() }), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="samspill-tilbud.csv"',
    });
  });

  app.get("/calendar/offers/:file{[0-9a-f-]{36}\\.ics}", async (c) => {
    // The route's pattern also admits 36 dashes: only a real UUID may reach the database.
    const parsed = z.uuid().safeParse(c.req.param("file").slice(0, -4));
    if (!parsed.success) return c.json({ error: "not_found" }, 404);
    const id = parsed.data;
    const offer = await deps.db.offer.findUnique({ where: { id }, include: offerExportInclude });
    if (offer?.status !== "PUBLISHED") return c.json({ error: "not_found" }, 404);
    return c.body(offerSessionsToICal(offer, options()), 200, {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="samspill-${id}.ics"`,
    });
  });

  // Meeting points are not public: the feed holds those the caller organises, takes part in,
  // or whose health community's forum the caller sits on. A token without the `read` scope is
  // answered as a signed-out caller, as GraphQL answers it (token-scopes.ts).
  app.get("/calendar/meeting-points.ics", async (c) => {
    const viewer = readingViewer(deps.resolveViewer ? await deps.resolveViewer(c.req.raw) : null);
    if (!viewer) return c.json({ error: "sign_in_required" }, 401);
    const meetings = await deps.db.meetingPoint.findMany({
      where: meetingsOfMembers(viewer.memberships),
      include: meetingPointExportInclude,
      orderBy: { startsAt: "asc" },
    });
    return c.body(meetingPointsToICal(meetings, { ...options(), name: "Samspill – møtepunkter" }), 200, {
      "content-type": "text/calendar; charset=utf-8",
    });
  });
}
