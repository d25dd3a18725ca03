import type { Database } from "@samspill/database";
import type { Context, Env, Hono } from "hono";
import { z } from "zod";
import { offersToFhirBundle, offerToHealthcareService } from "../formats/fhir.js";
import { offerExportInclude, trimSlash } from "../formats/types.js";
import { invalidParams, maxPerPage, pageUrl, publishedOfferPage, queryOf } from "./paging.js";

// A read-only FHIR R4 endpoint for HealthcareService: the search answers a searchset bundle one
// page at a time with `next` links a harvester follows, and every entry's fullUrl is the
// resource's own URL here, so it resolves. Under /export/fhir, beside the other open formats.

export interface FhirApiDeps {
  db: Database;
  publicUrl: string;
}

/** Where the hub serves FHIR resources; bundles' fullUrls point here. */
export const fhirBase = (publicUrl: string) => `${trimSlash(publicUrl)}/export/fhir`;

const searchParams = z
  .object({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    _count: z.coerce.number().int().min(1).max(maxPerPage).default(50),
  })
  .strict();

const idParam = z.object({ id: z.uuid() });

const fhirJson = { "content-type": "application/fhir+json; charset=utf-8" };

function operationOutcome(code: "not-found" | "invalid", diagnostics: string) {
  return {
    resourceType: "OperationOutcome",
    issue: [{ severity: "error", code, diagnostics }],
  };
}

function invalid(c: Context, error: z.ZodError) {
  const issues = invalidParams(error).issues;
  const named = issues.map((i) => `${i.field}: ${i.message}`).join("; ");
  // The FHIR answer to a bad request, with the field named as the other routes name it.
  return c.body(JSON.stringify({ ...operationOutcome("invalid", named), issues }), 400, fhirJson);
}

export function registerFhirApiRoutes<E extends Env>(app: Hono<E>, deps: FhirApiDeps): void {
  const base = fhirBase(deps.publicUrl);

  app.get("/export/fhir/HealthcareService", async (c) => {
    const url = new URL(c.req.url);
    const params = searchParams.safeParse(queryOf(url));
    if (!params.success) return invalid(c, params.error);
    const { page, _count: count } = params.data;
    const { total, offers } = await publishedOfferPage(
      deps.db,
      {},
      { limit: count, offset: (page - 1) * count },
    );
    const last = Math.max(1, Math.ceil(total / count));
    const at = (n: number) => pageUrl(deps.publicUrl, url, n);
    const bundle = offersToFhirBundle(offers, {
      baseUrl: deps.publicUrl,
      now: new Date(),
      fhirBaseUrl: base,
      bundleType: "searchset",
      total,
      selfUrl: at(page),
      pageLinks: [
        { relation: "first", url: at(1) },
        ...(page > 1 ? [{ relation: "previous" as const, url: at(Math.min(page - 1, last)) }] : []),
        ...(page < last ? [{ relation: "next" as const, url: at(page + 1) }] : []),
        { relation: "last", url: at(last) },
      ],
    });
    return c.body(JSON.stringify(bundle), 200, fhirJson);
  });

  app.get("/export/fhir/HealthcareService/:id", async (c) => {
    const id = idParam.safeParse({ id: c.req.param("id") });
    if (!id.success) return invalid(c, id.error);
    const offer = await deps.db.offer.findUnique({ where: { id: id.data.id }, include: offerExportInclude });
    if (offer?.status !== "PUBLISHED") {
      return c.body(
        JSON.stringify(operationOutcome("not-found", "No such HealthcareService")),
        404,
        fhirJson,
      );
    }
    const resource = offerToHealthcareService(offer, { baseUrl: deps.publicUrl, now: new Date() });
    return c.body(JSON.stringify(resource), 200, fhirJson);
  });
}
