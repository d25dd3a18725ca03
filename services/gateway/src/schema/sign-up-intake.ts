import { decideSignUpRequest } from "@samspill/commands";
import { signUpOpen } from "@samspill/domain";
import { z } from "zod";
import { builder } from "../builder.js";
import { unitOf } from "../commands.js";
import type { Context } from "../context.js";
import { pagedList, takePage } from "../list-page.js";
import { mutationErrors } from "./errors.js";
import { visibleOrganisations } from "./offer.js";
import { SignUpLocaleEnum, SignUpRoleEnum, SignUpStatusEnum } from "./sign-up.js";

// The provider's side of sign-up: the people signed up for its sessions, the referral requests
// to accept or decline (the intake page), and what the catalogue shows of a session's seats.
// Names and contact details go to members of the provider only; everyone else gets no rows.

const signUpsPage = pagedList("sessionSignUps", { default: 200, max: 500 });
const requestsPage = pagedList("signUpRequests", { default: 100, max: 500 });

builder.prismaObject("SessionSignUp", {
  description: "A person signed up for a session, as the provider's members see it.",
  fields: (t) => ({
    id: t.exposeID("id"),
    status: t.field({ type: SignUpStatusEnum, resolve: (s) => s.status }),
    sequence: t.exposeInt("sequence", { description: "Arrival order within the session." }),
    role: t.field({ type: SignUpRoleEnum, resolve: (s) => s.role }),
    name: t.exposeString("name", { nullable: true, description: "Null once anonymised." }),
    email: t.exposeString("email", { nullable: true }),
    phone: t.exposeString("phone", { nullable: true }),
    needsInterpreter: t.exposeBoolean("needsInterpreter"),
    interpreterLanguage: t.exposeString("interpreterLanguage", { nullable: true }),
    accessibilityNeeds: t.exposeStringList("accessibilityNeeds"),
    otherNeeds: t.exposeString("otherNeeds", { nullable: true }),
    locale: t.field({ type: SignUpLocaleEnum, resolve: (s) => s.locale as "nb" }),
    offeredUntil: t.expose("offeredUntil", { type: "DateTime", nullable: true }),
    attended: t.exposeBoolean("attended", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    decidedAt: t.expose("decidedAt", { type: "DateTime", nullable: true }),
    version: t.exposeInt("version"),
    session: t.relation("session"),
  }),
});

const SignUpStateEnum = builder.enumType("SignUpState", {
  description:
    "What signing up for a session does now: take a seat, join the waiting list, send a request (referral courses), or nothing (closed).",
  values: ["OPEN", "WAITING_LIST", "REQUEST", "CLOSED"] as const,
});

const SignUpCountsRef = builder
  .objectRef<{ confirmed: number; offered: number; waiting: number; requested: number }>("SignUpCounts")
  .implement({
    fields: (t) => ({
      confirmed: t.exposeInt("confirmed"),
      offered: t.exposeInt("offered"),
      waiting: t.exposeInt("waiting"),
      requested: t.exposeInt("requested"),
    }),
  });

const isProviderMember = (ctx: Context, providerId: string) => visibleOrganisations(ctx).includes(providerId);

/** Who may see people's names, contact and needs: the provider's admins, editors and reporters. */
const handlingRoles = new Set(["ADMIN", "EDITOR", "REPORTER"]);
const handlingOrganisations = (ctx: Context) =>
  (ctx.viewer?.memberships ?? []).filter((m) => handlingRoles.has(m.role)).map((m) => m.organisationId);

builder.prismaObjectFields("OfferSession", (t) => ({
  signUpDeadline: t.expose("signUpDeadline", { type: "DateTime", nullable: true }),
  minimumParticipants: t.exposeInt("minimumParticipants", { nullable: true }),
  // A state, not a count: how many signed up is a people count under the small-count rule.
  signUpState: t.field({
    type: SignUpStateEnum,
    select: {
      cancelled: true,
      startsAt: true,
      signUpDeadline: true,
      capacity: true,
      seatsTaken: true,
      offer: { select: { status: true, requiresReferral: true } },
      _count: { select: { signUps: { where: { status: "WAITING" } } } },
    },
    resolve: (s) => {
      if (s.offer.status !== "PUBLISHED" || !signUpOpen(s, new Date())) return "CLOSED";
      if (s.offer.requiresReferral) return "REQUEST";
      const full = s.capacity !== null && (s.seatsTaken >= s.capacity || s._count.signUps > 0);
      return full ? "WAITING_LIST" : "OPEN";
    },
  }),
  signUpCounts: t.field({
    type: SignUpCountsRef,
    nullable: true,
    description: "Sign-ups by status, for members of the provider only (null for anyone else).",
    // The statuses come with the session's own query (a joined select), so a page of sessions
    // costs no query per session; only statuses are loaded, never a person's fields.
    select: {
      offer: { select: { providerId: true } },
      signUps: {
        where: { status: { in: ["CONFIRMED", "OFFERED", "WAITING", "REQUESTED"] } },
        select: { status: true },
      },
    },
    resolve: (s, _args, ctx) => {
      if (!isProviderMember(ctx, s.offer.providerId)) return null;
      const counts = { confirmed: 0, offered: 0, waiting: 0, requested: 0 };
      for (const { status } of s.signUps) counts[status.toLowerCase() as keyof typeof counts] += 1;
      return counts;
    },
  }),
}));

builder.prismaObjectFields("Offer", (t) => ({
  requiresReferral: t.exposeBoolean("requiresReferral"),
  minimumParticipants: t.exposeInt("minimumParticipants", { nullable: true }),
}));

builder.queryFields((t) => ({
  sessionSignUps: t.prismaField({
    type: ["SessionSignUp"],
    description:
      "Everyone signed up for a session in arrival order, for the provider's admins, editors and reporters; empty for anyone else.",
    authScopes: { signedIn: true },
    args: { sessionId: t.arg.id({ required: true, validate: z.uuid() }), ...signUpsPage.args },
    complexity: signUpsPage.complexity,
    resolve: (query, _root, args, ctx) =>
      ctx.db.sessionSignUp.findMany({
        ...query,
        where: {
          sessionId: String(args.sessionId),
          session: { offer: { providerId: { in: handlingOrganisations(ctx) } } },
        },
        orderBy: [{ sequence: "asc" }, { id: "asc" }],
        ...takePage(signUpsPage.page(args)),
      }),
  }),
  signUpRequests: t.prismaField({
    type: ["SessionSignUp"],
    description:
      "Open requests for a provider's referral courses (the intake page), oldest first; empty for non-members.",
    authScopes: { signedIn: true },
    args: { providerId: t.arg.id({ required: true, validate: z.uuid() }), ...requestsPage.args },
    complexity: requestsPage.complexity,
    resolve: (query, _root, args, ctx) =>
      ctx.db.sessionSignUp.findMany({
        ...query,
        where: {
          status: "REQUESTED",
          session: {
            offer: {
              providerId: { in: handlingOrganisations(ctx).filter((id) => id === String(args.providerId)) },
            },
          },
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        ...takePage(requestsPage.page(args)),
      }),
  }),
}));

builder.mutationFields((t) => ({
  decideSignUpRequest: t.prismaField({
    type: "SessionSignUp",
    description:
      "Accepts (a seat, or the waiting list when full) or declines a request, as the provider's editor.",
    errors: { types: mutationErrors },
    authScopes: { signedIn: true },
    args: { id: t.arg.id({ required: true }), accept: t.arg.boolean({ required: true }) },
    resolve: async (query, _root, args, ctx) =>
      ctx.db.sessionSignUp.findUniqueOrThrow({
        ...query,
        where: await decideSignUpRequest(unitOf(ctx), ctx.viewer, {
          id: String(args.id),
          accept: args.accept,
        }),
      }),
  }),
}));
