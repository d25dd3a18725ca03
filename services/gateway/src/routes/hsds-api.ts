import type { Database, Prisma } from "@samspill/database";
import type { Env, Hono } from "hono";
import { z } from "zod";
import { offerToHsdsService, organisationToHsds } from "../formats/hsds.js";
import { hsdsTaxonomies } from "../formats/hsds-attributes.js";
import { offerExportInclude } from "../formats/types.js";
import { hsdsPage, invalidParams, offsetOf, pageParams, publishedOfferPage, queryOf } from "./paging.js";

// The Open Referral HSDS 3 API (its API reference: `/`, `/services`, `/services/{id}`,
// `/organizations`, `/organizations/{id}`, `/taxonomies`), read-only, under /export/hsds so it
// shares the exports' rate limit and proxying. A national directory harvests the region by
// walking the pages; /export/offers.hsds.json stays as the one-file download of a search.

export interface HsdsApiDeps {
  db: Database;
  publicUrl: string;
}

const base = "/export/hsds";

/** Organisations are listed when they provide a published offer: the others have no public face. */
const providesPublishedOffer = {
  offers: { some: { status: "PUBLISHED" } },
} satisfies Prisma.OrganisationWhereInput;

const idParam = z.object({ id: z.uuid() });

export function registerHsdsApiRoutes<E extends Env>(app: Hono<E>, deps: HsdsApiDeps): void {
  const options = () => ({ baseUrl: deps.publicUrl, now: new Date() });

  app.get(base, (c) =>
    c.json({
      version: "3.0",
      openapi_url: "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json",
    }),
  );

  app.get(`${base}/services`, async (c) => {
    const params = pageParams.safeParse(queryOf(new URL(c.req.url)));
    if (!params.success) return c.json(invalidParams(params.error), 400);
    const { total, offers } = await publishedOfferPage(deps.db, {}, offsetOf(params.data));
    const now = options();
    return c.json(
      hsdsPage(
        offers.map((o) => offerToHsdsService(o, now)),
        total,
        params.data,
      ),
    );
  });

  app.get(`${base}/services/:id`, async (c) => {
    const id = idParam.safeParse({ id: c.req.param("id") });
    if (!id.success) return c.json(invalidParams(id.error), 400);
    const offer = await deps.db.offer.findUnique({ where: { id: id.data.id }, include: offerExportInclude });
    if (offer?.status !== "PUBLISHED") return c.json({ error: "not_found" }, 404);
    return c.json(offerToHsdsService(offer, options()));
  });

  app.get(`${base}/organizations`, async (c) => {
    const params = pageParams.safeParse(queryOf(new URL(c.req.url)));
    if (!params.success) return c.json(invalidParams(params.error), 400);
    const { limit, offset } = offsetOf(params.data);
    const [total, organisations] = await Promise.all([
      deps.db.organisation.count({ where: providesPublishedOffer }),
      deps.db.organisation.findMany({
        where: providesPublishedOffer,
        orderBy: [{ name: "asc" }, { id: "asc" }],
        skip: offset,
        take: limit,
      }),
    ]);
    return c.json(hsdsPage(organisations.map(organisationToHsds), total, params.data));
  });

  app.get(`${base}/organizations/:id`, async (c) => {
    const id = idParam.safeParse({ id: c.req.param("id") });
    if (!id.success) return c.json(invalidParams(id.error), 400);
    const organisation = await deps.db.organisation.findFirst({
      where: { id: id.data.id, ...providesPublishedOffer },
    });
    if (!organisation) return c.json({ error: "not_found" }, 404);
    return c.json(organisationToHsds(organisation));
  });

  app.get(`${base}/taxonomies`, (c) => {
    const params = pageParams.safeParse(queryOf(new URL(c.req.url)));
    if (!params.success) return c.json(invalidParams(params.error), 400);
    const all = hsdsTaxonomies();
    const { limit, offset } = offsetOf(params.data);
    return c.json(hsdsPage(all.slice(offset, offset + limit), all.length, params.data));
  });
}
