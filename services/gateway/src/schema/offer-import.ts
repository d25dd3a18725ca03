import {
  confirmOfferImport,
  editOfferImportRow,
  editorRoles,
  importColumns,
  maxReportedFailures,
} from "@samspill/commands";
import type { OfferImportRow } from "@samspill/database";
import { builder } from "../builder.js";
import { unitOf } from "../commands.js";
import { hasRole } from "../context.js";
import { pagedList, slicePage, takePage } from "../list-page.js";
import { mutationErrors } from "./errors.js";

// Offer imports (packages/commands/src/offer-import): the upload is a REST route
// (routes/imports.ts); here the preview is read, its rows fixed and the import confirmed.
// Only the provider's admins and editors see an import; to anyone else it does not exist.

const rowsPage = pagedList("rows", { default: 50, max: 200 });
// A list cell (diagnosis codes, municipalities) gives an issue per bad item, so a row's issues are paged.
const issuesPage = pagedList("issues", { default: 50, max: 200 });

const OfferImportStatusEnum = builder.enumType("OfferImportStatus", {
  values: ["PREVIEW", "QUEUED", "RUNNING", "DONE", "FAILED"] as const,
});

interface Issue {
  column: string;
  code: string;
  message: string;
  value?: string;
  suggestion?: string;
}
const IssueRef = builder.objectRef<Issue & { line?: number }>("OfferImportIssue").implement({
  description: "What is wrong with a cell (an error) or worth knowing (a warning). `message` is English.",
  fields: (t) => ({
    line: t.int({ nullable: true, resolve: (i) => i.line ?? null }),
    column: t.exposeString("column", { description: "The template column, or `row`." }),
    code: t.exposeString("code"),
    message: t.exposeString("message"),
    value: t.string({ nullable: true, resolve: (i) => i.value ?? null }),
    suggestion: t.string({
      nullable: true,
      description: "The whole cell as it would be with a near-miss corrected.",
      resolve: (i) => i.suggestion ?? null,
    }),
  }),
});

const CellRef = builder.objectRef<{ column: string; value: string }>("OfferImportCell").implement({
  fields: (t) => ({ column: t.exposeString("column"), value: t.exposeString("value") }),
});

const RowRef = builder.objectRef<OfferImportRow>("OfferImportRow").implement({
  fields: (t) => ({
    line: t.exposeInt("line", { description: "The row's line in the file (the header is line 1)." }),
    offerId: t.exposeID("offerId"),
    action: t.exposeString("action", { description: "CREATE or UPDATE." }),
    cells: t.field({
      type: [CellRef],
      description: "The row's cells by template column (unknown columns are not kept).",
      complexity: { field: 1, multiplier: importColumns.length },
      resolve: (row) =>
        Object.entries(row.values as Record<string, string>).map(([column, value]) => ({ column, value })),
    }),
    errors: t.field({
      type: [IssueRef],
      args: issuesPage.args,
      complexity: issuesPage.complexity,
      resolve: (row, args) => slicePage(row.errors as unknown as Issue[], issuesPage.page(args)),
    }),
    warnings: t.field({
      type: [IssueRef],
      args: issuesPage.args,
      complexity: issuesPage.complexity,
      resolve: (row, args) => slicePage(row.warnings as unknown as Issue[], issuesPage.page(args)),
    }),
  }),
});

interface Report {
  ignoredColumns?: string[];
  encoding?: string;
  created?: number;
  updated?: number;
  unchanged?: number;
  failed?: Issue[];
}
const report = (r: { report: unknown }) => (r.report ?? {}) as Report;

builder.prismaObject("OfferImport", {
  fields: (t) => ({
    id: t.exposeID("id"),
    provider: t.relation("provider"),
    fileName: t.exposeString("fileName"),
    format: t.exposeString("format", { description: "CSV, XLSX or HSDS." }),
    status: t.expose("status", { type: OfferImportStatusEnum }),
    rowCount: t.exposeInt("rowCount"),
    errorCount: t.exposeInt("errorCount", { description: "Rows with at least one error." }),
    processed: t.exposeInt("processed", { description: "Rows written so far while running." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    ignoredColumns: t.stringList({ resolve: (r) => report(r).ignoredColumns ?? [] }),
    encoding: t.string({
      nullable: true,
      description: "The file's text encoding when it was not UTF-8.",
      resolve: (r) => report(r).encoding ?? null,
    }),
    created: t.int({ nullable: true, resolve: (r) => report(r).created ?? null }),
    updated: t.int({ nullable: true, resolve: (r) => report(r).updated ?? null }),
    unchanged: t.int({ nullable: true, resolve: (r) => report(r).unchanged ?? null }),
    failures: t.field({
      type: [IssueRef],
      description: `Why a confirmed import failed: its first ${maxReportedFailures} errors.`,
      complexity: { field: 1, multiplier: maxReportedFailures },
      resolve: (r) => report(r).failed ?? [],
    }),
    rows: t.field({
      type: [RowRef],
      args: { onlyErrors: t.arg.boolean({ required: false }), ...rowsPage.args },
      complexity: rowsPage.complexity,
      resolve: (r, args, ctx) =>
        ctx.db.offerImportRow.findMany({
          where: { importId: r.id, ...(args.onlyErrors ? { hasError: true } : {}) },
          orderBy: { line: "asc" },
          ...takePage(rowsPage.page(args)),
        }),
    }),
  }),
});

builder.queryField("offerImport", (t) =>
  t.prismaField({
    type: "OfferImport",
    nullable: true,
    description: "An import of offers, for its provider's admins and editors; null for anyone else.",
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = String(args.id);
      if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
      const found = await ctx.db.offerImport.findUnique({ ...query, where: { id } });
      return found && hasRole(ctx.viewer, found.providerId, editorRoles) ? found : null;
    },
  }),
);

const CellInput = builder.inputType("OfferImportCellInput", {
  fields: (t) => ({
    column: t.string({
      required: true,
      description: `One of: ${importColumns.map((c) => c.key).join(", ")}.`,
    }),
    value: t.string({ required: true }),
  }),
});

const reread = (ctx: Parameters<typeof unitOf>[0], query: object, id: string) =>
  ctx.db.offerImport.findUniqueOrThrow({ ...query, where: { id } });

builder.mutationFields((t) => ({
  editOfferImportRow: t.prismaField({
    type: "OfferImport",
    description: "Changes cells of a row in an import's preview; the row is checked again.",
    errors: { types: mutationErrors },
    args: {
      importId: t.arg.id({ required: true }),
      line: t.arg.int({ required: true }),
      cells: t.arg({ type: [CellInput], required: true }),
    },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) => {
      const values = Object.fromEntries(args.cells.map((c) => [c.column, c.value]));
      await editOfferImportRow(unitOf(ctx), ctx.viewer, { importId: args.importId, line: args.line, values });
      return reread(ctx, query, String(args.importId));
    },
  }),
  confirmOfferImport: t.prismaField({
    type: "OfferImport",
    description: "Confirms an import whose preview has no errors; the worker then writes all rows or none.",
    errors: { types: mutationErrors },
    args: { importId: t.arg.id({ required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) => {
      await confirmOfferImport(unitOf(ctx), ctx.viewer, { importId: args.importId });
      return reread(ctx, query, String(args.importId));
    },
  }),
}));
