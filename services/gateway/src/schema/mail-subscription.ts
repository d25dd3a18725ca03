import { cancelMySubscription, saveMySubscription } from "@samspill/commands";
import { subscriptionKinds } from "@samspill/domain";
import { builder } from "../builder.js";
import { unitOf } from "../commands.js";
import { mutationErrors } from "./errors.js";
import { DiagnosisGroupEnum, PriorityGroupEnum } from "./offer-enums.js";

// A signed-in person's own mail subscriptions (web page /subscriptions): which summaries and
// reminders they get, for which places and groups. Only ever the caller's own: the commands
// take the person from the caller (packages/commands/src/subscriptions), never from the input.

export const MailSubscriptionKindEnum = builder.enumType("MailSubscriptionKind", {
  description:
    "A mail the hub sends: the weekly digest, the half-yearly summary, the annual report, reminders.",
  values: subscriptionKinds,
});

// The Prisma model is `Subscription`, a name GraphQL keeps for its subscription root.
builder.prismaObject("Subscription", {
  name: "MailSubscription",
  description: "One kind of mail a person gets, narrowed to places and groups (an empty list means all).",
  fields: (t) => ({
    id: t.exposeID("id"),
    kind: t.expose("kind", { type: MailSubscriptionKindEnum }),
    active: t.exposeBoolean("active", {
      description: "False once stopped (on the page or by a mail's link).",
    }),
    municipalityNumbers: t.exposeStringList("municipalityNumbers"),
    hospitalTrustIds: t.exposeIDList("hospitalTrustIds", {
      description: "Hospital trusts, standing for the municipalities of their catchment areas.",
    }),
    priorityGroups: t.expose("priorityGroups", { type: [PriorityGroupEnum] }),
    diagnosisGroups: t.expose("diagnosisGroups", { type: [DiagnosisGroupEnum] }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

const SaveMyMailSubscriptionInput = builder.inputType("SaveMyMailSubscriptionInput", {
  fields: (t) => ({
    kind: t.field({ type: MailSubscriptionKindEnum, required: true }),
    municipalityNumbers: t.stringList({ required: false, description: "Four-digit numbers; none for all." }),
    hospitalTrustIds: t.idList({ required: false, description: "Hospital trusts; none for all." }),
    priorityGroups: t.field({ type: [PriorityGroupEnum], required: false }),
    diagnosisGroups: t.field({ type: [DiagnosisGroupEnum], required: false }),
  }),
});

builder.queryField("myMailSubscriptions", (t) =>
  t.prismaField({
    type: ["Subscription"],
    description:
      "The signed-in person's own mail subscriptions, stopped ones included (none for API tokens).",
    authScopes: { signedIn: true },
    // One subscription per kind of mail a person (unique by person and kind).
    complexity: { field: 1, multiplier: subscriptionKinds.length },
    resolve: (query, _root, _args, ctx) =>
      ctx.viewer?.kind === "PERSON" && ctx.viewer.personId
        ? ctx.db.subscription.findMany({
            ...query,
            where: { personId: ctx.viewer.personId },
            orderBy: { kind: "asc" },
          })
        : [],
  }),
);

builder.mutationFields((t) => ({
  saveMyMailSubscription: t.prismaField({
    type: "Subscription",
    description:
      "Starts one of your own mail subscriptions, or changes what it covers (and starts it again).",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: SaveMyMailSubscriptionInput, required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) => {
      const { input } = args;
      const id = await saveMySubscription(unitOf(ctx), ctx.viewer, {
        kind: input.kind,
        municipalityNumbers: input.municipalityNumbers ?? [],
        hospitalTrustIds: (input.hospitalTrustIds ?? []).map(String),
        priorityGroups: input.priorityGroups ?? [],
        diagnosisGroups: input.diagnosisGroups ?? [],
      });
      return ctx.db.subscription.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),

  cancelMyMailSubscription: t.prismaField({
    type: "Subscription",
    description: "Stops one of your own mail subscriptions; what it covered is kept for a later restart.",
    errors: { types: mutationErrors },
    args: { kind: t.arg({ type: MailSubscriptionKindEnum, required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) => {
      const id = await cancelMySubscription(unitOf(ctx), ctx.viewer, { kind: args.kind });
      return ctx.db.subscription.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
