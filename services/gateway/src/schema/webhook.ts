import { randomBytes } from "node:crypto";
import { bilingualIssue, DomainValidationError, fieldIssue, parseInput } from "@samspill/domain";
import { eventTypes } from "@samspill/events";
import { parseWebhookUrl } from "@samspill/events/webhooks";
import { z } from "zod";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { inTransaction, recordChange } from "../write.js";
import { mutationErrors } from "./errors.js";

// Webhooks for integrators: an organisation's admins subscribe a URL to the hub's domain events
// (those the organisation may see). Each delivery is signed:
//   Samspill-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, `${t}.${raw body}`)>
// Receivers verify it as described in packages/events/src/webhooks/signature.ts. The secret
// is generated here and shown once, in the answer to createWebhookSubscription.

const admins = ["ADMIN"] as const;
const maxSubscriptionsPerOrganisation = 20;

export const DeliveryStatusEnum = builder.enumType("WebhookDeliveryStatus", {
  values: ["PENDING", "DELIVERED", "FAILED"] as const,
});

builder.prismaObject("WebhookSubscription", {
  description: "A URL that receives the organisation's visible domain events as signed POSTs.",
  fields: (t) => ({
    id: t.exposeID("id"),
    url: t.exposeString("url"),
    eventTypes: t.exposeStringList("eventTypes", { description: "Event types sent; empty means all." }),
    active: t.exposeBoolean("active"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    organisation: t.relation("organisation"),
  }),
});

builder.prismaObject("WebhookDelivery", {
  description: "One event to one subscription: its status and every attempt.",
  fields: (t) => ({
    id: t.exposeID("id"),
    eventId: t.exposeID("eventId", { description: "Also sent as Samspill-Event-Id: stable across retries." }),
    status: t.expose("status", { type: DeliveryStatusEnum }),
    attempts: t.exposeInt("attempts"),
    responseStatus: t.exposeInt("responseStatus", { nullable: true }),
    lastError: t.exposeString("lastError", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    deliveredAt: t.expose("deliveredAt", { type: "DateTime", nullable: true }),
    attemptLog: t.relation("attemptLog", { query: { orderBy: { attempt: "asc" } } }),
  }),
});

builder.prismaObject("WebhookDeliveryAttempt", {
  fields: (t) => ({
    attempt: t.exposeInt("attempt"),
    attemptedAt: t.expose("attemptedAt", { type: "DateTime" }),
    durationMs: t.exposeInt("durationMs"),
    responseStatus: t.exposeInt("responseStatus", { nullable: true }),
    error: t.exposeString("error", { nullable: true }),
  }),
});

interface CreatedWebhookSubscription {
  secret: string;
  subscription: { id: string };
}

const CreatedWebhookSubscriptionRef = builder
  .objectRef<CreatedWebhookSubscription>("CreatedWebhookSubscription")
  .implement({
    fields: (t) => ({
      secret: t.exposeString("secret", {
        description: "The signing secret. Shown only now: store it where the receiver can read it.",
      }),
      subscription: t.prismaField({
        type: "WebhookSubscription",
        resolve: (query, parent, _args, ctx) =>
          ctx.db.webhookSubscription.findUniqueOrThrow({ ...query, where: { id: parent.subscription.id } }),
      }),
    }),
  });

const CreateWebhookSubscriptionInput = builder.inputType("CreateWebhookSubscriptionInput", {
  fields: (t) => ({
    organisationId: t.id({ required: true }),
    url: t.string({ required: true, description: "http:// or https://; receives POSTs of JSON." }),
    eventTypes: t.stringList({ required: false, description: "Event types to send; none or empty for all." }),
  }),
});

const createWebhookSubscriptionInput = z.object({
  organisationId: z.uuid(),
  url: z
    .string()
    .trim()
    .max(2000)
    .superRefine((value, ctx) => {
      try {
        parseWebhookUrl(value);
      } catch {
        ctx.addIssue(
          bilingualIssue(
            [],
            "webhook_url",
            "must be an http or https URL without credentials",
            "må være en http- eller https-adresse uten brukernavn og passord",
          ),
        );
      }
    }),
  eventTypes: z
    .array(
      z.string().refine((type) => (eventTypes as readonly string[]).includes(type), {
        message: "unknown event type",
        params: { nb: "ukjent hendelsestype", code: "unknown_event_type" },
      }),
    )
    .max(eventTypes.length)
    .nullish()
    .transform((types) => [...new Set(types ?? [])]),
});

/** The subscription's organisation; "" when there is none, which no one is admin of. */
async function organisationOfSubscription(ctx: Context, id: string): Promise<string> {
  if (!z.uuid().safeParse(id).success) return "";
  const row = await ctx.db.webhookSubscription.findUnique({
    where: { id },
    select: { organisationId: true },
  });
  return row?.organisationId ?? "";
}

builder.queryFields((t) => ({
  webhookSubscriptions: t.prismaField({
    type: ["WebhookSubscription"],
    description: "The organisation's webhook subscriptions, newest first (admins only).",
    args: { organisationId: t.arg.id({ required: true }) },
    authScopes: (_root, args) => ({ roleIn: { organisationId: String(args.organisationId), roles: admins } }),
    resolve: (query, _root, args, ctx) =>
      ctx.db.webhookSubscription.findMany({
        ...query,
        where: { organisationId: String(args.organisationId) },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      }),
  }),
  webhookDeliveries: t.prismaConnection({
    type: "WebhookDelivery",
    cursor: "id",
    description: "The delivery log of a subscription, newest first, with every attempt (admins only).",
    args: {
      subscriptionId: t.arg.id({ required: true }),
      status: t.arg({ type: DeliveryStatusEnum, required: false }),
    },
    maxSize: 200,
    authScopes: async (_root, args, ctx) => ({
      roleIn: {
        organisationId: await organisationOfSubscription(ctx, String(args.subscriptionId)),
        roles: admins,
      },
    }),
    resolve: (query, _root, args, ctx) =>
      ctx.db.webhookDelivery.findMany({
        ...query,
        where: {
          subscriptionId: String(args.subscriptionId),
          ...(args.status ? { status: args.status } : {}),
        },
        orderBy: { id: "desc" },
      }),
  }),
}));

builder.mutationFields((t) => ({
  createWebhookSubscription: t.field({
    type: CreatedWebhookSubscriptionRef,
    description:
      "Subscribes a URL to the organisation's visible events; the answer holds the signing secret, shown this once.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: CreateWebhookSubscriptionInput, required: true }) },
    authScopes: (_root, args) => ({
      roleIn: { organisationId: String(args.input.organisationId), roles: admins },
    }),
    resolve: (_root, args, ctx) => {
      const input = parseInput(createWebhookSubscriptionInput, args.input);
      const secret = `whsec_${randomBytes(32).toString("base64url")}`;
      return inTransaction(ctx, async (tx) => {
        const existing = await tx.webhookSubscription.count({
          where: { organisationId: input.organisationId },
        });
        if (existing >= maxSubscriptionsPerOrganisation) {
          throw new DomainValidationError([
            fieldIssue(
              "organisationId",
              "too_many_webhooks",
              `An organisation has at most ${maxSubscriptionsPerOrganisation} webhook subscriptions`,
              `En organisasjon kan ha høyst ${maxSubscriptionsPerOrganisation} webhook-abonnementer`,
            ),
          ]);
        }
        const row = await tx.webhookSubscription.create({
          data: {
            organisationId: input.organisationId,
            url: input.url,
            eventTypes: input.eventTypes,
            secret,
          },
        });
        await recordChange(tx, ctx, {
          action: "webhookSubscription.create",
          entityType: "WebhookSubscription",
          entityId: row.id,
          organisationId: row.organisationId,
          changes: { url: row.url, eventTypes: row.eventTypes },
        });
        return { secret, subscription: { id: row.id } };
      });
    },
  }),

  deleteWebhookSubscription: t.field({
    type: "ID",
    description: "Deletes a subscription and its delivery log; pending deliveries are dropped.",
    errors: { types: mutationErrors },
    args: { id: t.arg.id({ required: true }) },
    authScopes: async (_root, args, ctx) => ({
      roleIn: { organisationId: await organisationOfSubscription(ctx, String(args.id)), roles: admins },
    }),
    resolve: (_root, args, ctx) =>
      inTransaction(ctx, async (tx) => {
        const row = await tx.webhookSubscription.delete({ where: { id: String(args.id) } });
        await recordChange(tx, ctx, {
          action: "webhookSubscription.delete",
          entityType: "WebhookSubscription",
          entityId: row.id,
          organisationId: row.organisationId,
          changes: { url: row.url },
        });
        return row.id;
      }),
  }),
}));
