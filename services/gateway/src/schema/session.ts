import { DomainValidationError, fieldIssue, NotFoundError, parseInput } from "@samspill/domain";
import { z } from "zod";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { diff, inTransaction, recordChange, updateVersioned } from "../write.js";
import { mutationErrors } from "./errors.js";

// Sessions (dates, capacity, registrations) of an offer; editable by the offer's provider.

const sessionFields = z.object({
  startsAt: z.coerce.date(),
  endsAt: z.coerce.date(),
  location: z.string().trim().max(500).nullish(),
  onlineUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullish(),
  capacity: z.number().int().min(0).max(100_000).nullish(),
  registrations: z.number().int().min(0).max(100_000).optional(),
  note: z.string().trim().max(2000).nullish(),
});

function checkPeriod(v: {
  startsAt?: Date;
  endsAt?: Date;
  capacity?: number | null;
  registrations?: number;
}) {
  const issues = [];
  if (v.startsAt && v.endsAt && v.endsAt <= v.startsAt)
    issues.push(
      fieldIssue(
        "endsAt",
        "ends_before_start",
        "A session must end after it starts",
        "En samling må slutte etter at den starter",
      ),
    );
  if (v.capacity != null && v.registrations != null && v.registrations > v.capacity)
    issues.push(
      fieldIssue(
        "registrations",
        "over_capacity",
        "More registrations than places",
        "Flere påmeldte enn plasser",
      ),
    );
  if (issues.length) throw new DomainValidationError(issues);
}

const addSessionInput = sessionFields.extend({ offerId: z.uuid() }).strict();
const updateSessionInput = sessionFields
  .partial()
  .extend({ id: z.uuid(), version: z.number().int().positive() })
  .strict();

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
  }),
});

async function providerOfOffer(ctx: Context, offerId: string) {
  const offer = await ctx.db.offer.findUnique({ where: { id: offerId }, select: { providerId: true } });
  if (!offer) throw new NotFoundError("Offer", offerId);
  return offer.providerId;
}

async function sessionOwner(ctx: Context, sessionId: string) {
  const s = await ctx.db.offerSession.findUnique({
    where: { id: sessionId },
    select: { offer: { select: { providerId: true } } },
  });
  if (!s) throw new NotFoundError("OfferSession", sessionId);
  return s.offer.providerId;
}

const editors = ["ADMIN", "EDITOR"] as const;

builder.mutationFields((t) => ({
  addSession: t.prismaField({
    type: "OfferSession",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: AddSessionInputRef, required: true }) },
    authScopes: async (_r, args, ctx) => ({
      roleIn: { organisationId: await providerOfOffer(ctx, String(args.input.offerId)), roles: editors },
    }),
    resolve: async (query, _r, args, ctx) => {
      const input = parseInput(addSessionInput, args.input);
      checkPeriod(input);
      return inTransaction(ctx, async (tx) => {
        const session = await tx.offerSession.create({ data: input });
        const offer = await tx.offer.findUniqueOrThrow({
          where: { id: input.offerId },
          select: { providerId: true },
        });
        await recordChange(tx, ctx, {
          action: "session.create",
          entityType: "OfferSession",
          entityId: session.id,
          organisationId: offer.providerId,
          changes: { created: input },
          event: {
            type: "session.created",
            payload: {
              id: session.id,
              version: 1,
              offerId: input.offerId,
              startsAt: input.startsAt.toISOString(),
            },
          },
        });
        return tx.offerSession.findUniqueOrThrow({ ...query, where: { id: session.id } });
      });
    },
  }),

  updateSession: t.prismaField({
    type: "OfferSession",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: UpdateSessionInputRef, required: true }) },
    authScopes: async (_r, args, ctx) => ({
      roleIn: { organisationId: await sessionOwner(ctx, String(args.input.id)), roles: editors },
    }),
    resolve: async (query, _r, args, ctx) => {
      const { id, version, ...fields } = parseInput(updateSessionInput, args.input);
      return inTransaction(ctx, async (tx) => {
        const before = await tx.offerSession.findUniqueOrThrow({ where: { id }, include: { offer: true } });
        checkPeriod({ ...before, ...fields });
        await updateVersioned(tx.offerSession, "OfferSession", id, version, fields);
        await recordChange(tx, ctx, {
          action: "session.update",
          entityType: "OfferSession",
          entityId: id,
          organisationId: before.offer.providerId,
          changes: diff(before, fields),
          event: {
            type: "session.updated",
            payload: {
              id,
              version: version + 1,
              offerId: before.offerId,
              startsAt: (fields.startsAt ?? before.startsAt).toISOString(),
            },
          },
        });
        return tx.offerSession.findUniqueOrThrow({ ...query, where: { id } });
      });
    },
  }),

  cancelSession: t.prismaField({
    type: "OfferSession",
    description: "Cancels a session; it stays listed (and in calendars) as cancelled.",
    errors: { types: mutationErrors },
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }) },
    authScopes: async (_r, args, ctx) => ({
      roleIn: { organisationId: await sessionOwner(ctx, String(args.id)), roles: editors },
    }),
    resolve: (query, _r, args, ctx) =>
      inTransaction(ctx, async (tx) => {
        const id = String(args.id);
        const before = await tx.offerSession.findUniqueOrThrow({ where: { id }, include: { offer: true } });
        await updateVersioned(tx.offerSession, "OfferSession", id, args.version, { cancelled: true });
        await recordChange(tx, ctx, {
          action: "session.cancel",
          entityType: "OfferSession",
          entityId: id,
          organisationId: before.offer.providerId,
          changes: { cancelled: { from: before.cancelled, to: true } },
          event: {
            type: "session.cancelled",
            payload: { id, version: args.version + 1, offerId: before.offerId },
          },
        });
        return tx.offerSession.findUniqueOrThrow({ ...query, where: { id } });
      }),
  }),
}));
