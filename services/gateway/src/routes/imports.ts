import { importLimits, previewOfferImport, templateCsv, templateXlsx } from "@samspill/commands";
import type { Database } from "@samspill/database";
import {
  DomainValidationError,
  ForbiddenError,
  NotFoundError,
  plainText,
  toFieldIssues,
} from "@samspill/domain";
import type { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Logger } from "pino";
import { z } from "zod";
import { csrfHeaderName } from "../auth/csrf.js";
import type { Viewer } from "../context.js";

// Offer imports: the template to fill in, and the upload that reads a file into a preview
// (packages/commands/src/offer-import). The preview, its fixes and the confirmation go through
// GraphQL (schema/offer-import.ts). The body is raw file bytes, capped before it is read.

export interface ImportRouteDeps {
  db: Database;
  resolveViewer?: (request: Request) => Promise<Viewer | null>;
}

const uploadParams = z.object({ organisationId: z.uuid(), fileName: plainText(200).min(1) }).strict();

const issue = (field: string, code: string, message: string, messageNb: string, messageNn: string) => ({
  error: code,
  issues: [{ field, code, message, messageNb, messageNn }],
});

export function registerImportRoutes(
  app: Hono<{ Variables: { requestId: string; log: Logger } }>,
  deps: ImportRouteDeps,
): void {
  app.get("/imports/offers/template.csv", (c) =>
    c.body(templateCsv(), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="samspill-tilbud-mal.csv"',
    }),
  );
  app.get("/imports/offers/template.xlsx", async (c) =>
    c.body(new Uint8Array(await templateXlsx()), 200, {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": 'attachment; filename="samspill-tilbud-mal.xlsx"',
    }),
  );
  app.post(
    "/imports/offers",
    bodyLimit({
      maxSize: importLimits.fileBytes,
      onError: (c) =>
        c.json(
          issue(
            "file",
            "file_too_large",
            `The file is larger than ${importLimits.fileBytes / 1024 / 1024} MB`,
            `Fila er større enn ${importLimits.fileBytes / 1024 / 1024} MB`,
            `Fila er større enn ${importLimits.fileBytes / 1024 / 1024} MB`,
          ),
          413,
        ),
    }),
    async (c) => {
      // Like GraphQL's guard (auth/csrf.ts): a page on another origin cannot set this header.
      if (!c.req.header(csrfHeaderName))
        return c.json(
          issue(
            "headers",
            "csrf_header_missing",
            `Send the ${csrfHeaderName} header`,
            `Send headeren ${csrfHeaderName}`,
            `Send headeren ${csrfHeaderName}`,
          ),
          403,
        );
      const viewer = deps.resolveViewer ? await deps.resolveViewer(c.req.raw) : null;
      if (!viewer) return c.json({ error: "sign_in_required" }, 401);
      const url = new URL(c.req.url);
      const params = uploadParams.safeParse(Object.fromEntries(url.searchParams));
      if (!params.success) {
        // Rendered like every domain issue, so the upload page can answer in all three languages.
        const [first] = toFieldIssues(params.error);
        const field = first?.field.split(".")[0] || "query";
        return c.json(
          issue(
            field,
            "invalid",
            first?.message ?? "Invalid",
            first?.messageNb ?? "Ugyldig",
            first?.messageNn ?? "Ugyldig",
          ),
          400,
        );
      }
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      try {
        const created = await previewOfferImport(
          { db: deps.db, requestId: c.get("requestId") },
          viewer,
          { providerId: params.data.organisationId, fileName: params.data.fileName },
          bytes,
        );
        return c.json(created, 201);
      } catch (error) {
        if (error instanceof DomainValidationError)
          return c.json({ error: "invalid", issues: error.issues }, 400);
        if (error instanceof ForbiddenError)
          return c.json({ error: "forbidden", message: error.message }, 403);
        if (error instanceof NotFoundError) return c.json({ error: "not_found" }, 404);
        throw error;
      }
    },
  );
}
