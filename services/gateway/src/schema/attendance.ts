import { confirmAttendanceReport, prepareAttendanceReport, recordAttendance } from "@samspill/commands";
import type { Prisma } from "@samspill/database";
import { MAX_ATTENDANCE_MARKS } from "@samspill/domain";
import { z } from "zod";
import { builder } from "../builder.js";
import { unitOf } from "../commands.js";
import type { Context } from "../context.js";
import { type ListPage, pagedList, takePage } from "../list-page.js";
import { mutationErrors } from "./errors.js";

// Attendance after a course run and the participation report it gives
// (packages/commands/src/attendance). The list names the run's confirmed participants, so only
// the provider's administrators, editors and reporters read it; the report is read by the
// provider's members and by the user organisation asked to confirm it.

interface AttendanceEntry {
  signUpId: string;
  name: string | null;
  role: "PATIENT" | "RELATIVE";
  attended: boolean | null;
}

const AttendanceEntryRef = builder.objectRef<AttendanceEntry>("AttendanceEntry").implement({
  description: "A confirmed participant of a course run on the provider's attendance list.",
  fields: (t) => ({
    signUpId: t.exposeID("signUpId"),
    name: t.exposeString("name", { nullable: true, description: "Null once the sign-up is anonymised." }),
    role: t.exposeString("role", { description: "PATIENT or RELATIVE." }),
    attended: t.exposeBoolean("attended", { nullable: true, description: "Null: not ticked yet." }),
  }),
});

const reporting = new Set(["ADMIN", "EDITOR", "REPORTER"]);
const reportingOrgs = (ctx: Context) =>
  ctx.viewer?.memberships.filter((m) => reporting.has(m.role)).map((m) => m.organisationId) ?? [];
const memberOrgs = (ctx: Context) => ctx.viewer?.memberships.map((m) => m.organisationId) ?? [];

/** A page of the list is what one save may tick (MAX_ATTENDANCE_MARKS). */
const attendancePage = pagedList("attendanceList", {
  default: MAX_ATTENDANCE_MARKS,
  max: MAX_ATTENDANCE_MARKS,
});
const toConfirmPage = pagedList("attendanceReportsToConfirm", { default: 50, max: 200 });

/** The run's confirmed participants: a page of them, or those a save just ticked. */
async function attendanceList(
  ctx: Context,
  sessionId: string,
  which: ListPage | { signUpIds: string[] },
): Promise<AttendanceEntry[]> {
  const rows = await ctx.db.sessionSignUp.findMany({
    where: {
      sessionId,
      status: "CONFIRMED",
      session: { offer: { providerId: { in: reportingOrgs(ctx) } } },
      ...("signUpIds" in which ? { id: { in: which.signUpIds } } : {}),
    },
    select: { id: true, name: true, role: true, attended: true },
    orderBy: [{ sequence: "asc" }, { id: "asc" }],
    ...("signUpIds" in which ? {} : takePage(which)),
  });
  return rows.map((r) => ({ signUpId: r.id, name: r.name, role: r.role, attended: r.attended }));
}

builder.prismaObject("AttendanceReport", {
  description:
    "The participation report a course run's attendance gives, for the provider and the user organisation to confirm.",
  fields: (t) => ({
    session: t.relation("session"),
    provider: t.relation("provider"),
    userOrganisation: t.relation("userOrganisation", { nullable: true }),
    patients: t.exposeInt("patients"),
    relatives: t.exposeInt("relatives"),
    userRepsPlanning: t.exposeInt("userRepsPlanning"),
    userRepsDelivery: t.exposeInt("userRepsDelivery"),
    userRepsEvaluation: t.exposeInt("userRepsEvaluation"),
    providerConfirmedAt: t.expose("providerConfirmedAt", { type: "DateTime" }),
    userOrgConfirmedAt: t.expose("userOrgConfirmedAt", { type: "DateTime", nullable: true }),
    participationReportId: t.exposeID("participationReportId", {
      nullable: true,
      description: "The filed participation report; null while waiting for confirmation.",
    }),
    version: t.exposeInt("version"),
  }),
});

const readableReports = (ctx: Context): Prisma.AttendanceReportWhereInput => ({
  OR: [{ providerId: { in: memberOrgs(ctx) } }, { userOrganisationId: { in: memberOrgs(ctx) } }],
});

const MarkRef = builder.inputType("AttendanceMarkInput", {
  fields: (t) => ({ signUpId: t.id({ required: true }), attended: t.boolean({ required: true }) }),
});

const RecordAttendanceInputRef = builder.inputType("RecordAttendanceInput", {
  fields: (t) => ({
    sessionId: t.id({ required: true }),
    marks: t.field({ type: [MarkRef], required: true }),
  }),
});

const PrepareAttendanceReportInputRef = builder.inputType("PrepareAttendanceReportInput", {
  fields: (t) => ({
    sessionId: t.id({ required: true }),
    userOrganisationId: t.id({ description: "The user organisation that confirms; none: filed at once." }),
    userRepsPlanning: t.int(),
    userRepsDelivery: t.int(),
    userRepsEvaluation: t.int(),
  }),
});

builder.mutationFields((t) => ({
  recordAttendance: t.field({
    type: [AttendanceEntryRef],
    description:
      "Ticks who came among a course run's confirmed participants, as its provider; answers with the entries ticked.",
    // The answer holds the marks sent, so it is as long as the input may be.
    errors: {
      types: mutationErrors,
      dataField: { complexity: { field: 1, multiplier: MAX_ATTENDANCE_MARKS } },
    },
    args: { input: t.arg({ type: RecordAttendanceInputRef, required: true }) },
    authScopes: { signedIn: true },
    resolve: async (_root, args, ctx) => {
      const { sessionId } = await recordAttendance(unitOf(ctx), ctx.viewer, args.input);
      return attendanceList(ctx, sessionId, { signUpIds: args.input.marks.map((m) => String(m.signUpId)) });
    },
  }),

  prepareAttendanceReport: t.prismaField({
    type: "AttendanceReport",
    description:
      "Prepares (and so confirms, as the provider) a course run's participation report from its attendance; filed at once when no user organisation is named.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: PrepareAttendanceReportInputRef, required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) => {
      const { sessionId } = await prepareAttendanceReport(unitOf(ctx), ctx.viewer, args.input);
      return ctx.db.attendanceReport.findUniqueOrThrow({ ...query, where: { sessionId } });
    },
  }),

  confirmAttendanceReport: t.prismaField({
    type: "AttendanceReport",
    description:
      "Confirms a prepared report as the user organisation asked to; the hub files the participation report.",
    errors: { types: mutationErrors },
    args: { sessionId: t.arg.id({ required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) => {
      await confirmAttendanceReport(unitOf(ctx), ctx.viewer, { sessionId: String(args.sessionId) });
      return ctx.db.attendanceReport.findUniqueOrThrow({
        ...query,
        where: { sessionId: String(args.sessionId) },
      });
    },
  }),
}));

builder.queryFields((t) => ({
  attendanceList: t.field({
    type: [AttendanceEntryRef],
    description:
      "A course run's confirmed participants and their attendance, for its provider's reporters; empty for anyone else.",
    authScopes: { signedIn: true },
    args: { sessionId: t.arg.id({ required: true, validate: z.uuid() }), ...attendancePage.args },
    complexity: attendancePage.complexity,
    resolve: (_root, args, ctx) => attendanceList(ctx, String(args.sessionId), attendancePage.page(args)),
  }),

  attendanceReport: t.prismaField({
    type: "AttendanceReport",
    nullable: true,
    description:
      "A course run's report from attendance, for the provider's and the confirming user organisation's members.",
    authScopes: { signedIn: true },
    args: { sessionId: t.arg.id({ required: true, validate: z.uuid() }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.attendanceReport.findFirst({
        ...query,
        where: { AND: [{ sessionId: String(args.sessionId) }, readableReports(ctx)] },
      }),
  }),

  attendanceReportsToConfirm: t.prismaField({
    type: ["AttendanceReport"],
    description:
      "Reports from attendance waiting for your user organisations' confirmation, oldest run first.",
    authScopes: { signedIn: true },
    args: toConfirmPage.args,
    complexity: toConfirmPage.complexity,
    resolve: (query, _root, args, ctx) =>
      ctx.db.attendanceReport.findMany({
        ...query,
        where: { userOrganisationId: { in: reportingOrgs(ctx) }, participationReportId: null },
        orderBy: [{ session: { startsAt: "asc" } }, { sessionId: "asc" }],
        ...takePage(toConfirmPage.page(args)),
      }),
  }),
}));
