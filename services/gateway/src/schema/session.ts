import { addSession, cancelSession, updateSession } from "@samspill/commands";
import { builder } from "../builder.js";
import { unitOf } from "../commands.js";
import { mutationErrors } from "./errors.js";

// Sessions (dates, capacity, registrations) of an offer; editable by the offer's provider. The
// commands (packages/commands/src/sessions) authorise against the offer they load.

const AddSessionInputRef = builder.inputType("AddSessionInput", {
  fields: (t) => ({
    offerId: t.id({ required: true }),
    startsAt: t.field({ type: "DateTime", required: true }),
    endsAt: t.field({ type: "DateTime", required: true }),
    location: t.string(),
    onlineUrl: t.string(),
    capacity: t.int(),
    registrations: t.int(),
    note: t.string(),
    whatToBring: t.string({
      description: "What participants should bring (confirmation and reminder mails).",
    }),
    signUpDeadline: t.field({ type: "DateTime", description: "Sign-ups close then; the start by default." }),
    minimumParticipants: t.int({ description: "Fewest participants to go ahead; overrides the offer's." }),
  }),
});

const UpdateSessionInputRef = builder.inputType("UpdateSessionInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true }),
    startsAt: t.field({ type: "DateTime" }),
    endsAt: t.field({ type: "DateTime" }),
    location: t.string(),
    onlineUrl: t.string(),
    capacity: t.int(),
    registrations: t.int(),
    note: t.string(),
    whatToBring: t.string({
      description: "What participants should bring (confirmation and reminder mails).",
    }),
    signUpDeadline: t.field({ type: "DateTime", description: "Sign-ups close then; the start by default." }),
    minimumParticipants: t.int({ description: "Fewest participants to go ahead; overrides the offer's." }),
  }),
});

builder.mutationFields((t) => ({
  addSession: t.prismaField({
    type: "OfferSession",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: AddSessionInputRef, required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _r, args, ctx) =>
      ctx.db.offerSession.findUniqueOrThrow({
        ...query,
        where: await addSession(unitOf(ctx), ctx.viewer, args.input),
      }),
  }),

  updateSession: t.prismaField({
    type: "OfferSession",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: UpdateSessionInputRef, required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _r, args, ctx) =>
      ctx.db.offerSession.findUniqueOrThrow({
        ...query,
        where: await updateSession(unitOf(ctx), ctx.viewer, args.input),
      }),
  }),

  cancelSession: t.prismaField({
    type: "OfferSession",
    description: "Cancels a session; it stays listed (and in calendars) as cancelled.",
    errors: { types: mutationErrors },
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _r, args, ctx) =>
      ctx.db.offerSession.findUniqueOrThrow({
        ...query,
        where: await cancelSession(unitOf(ctx), ctx.viewer, args),
      }),
  }),
}));
