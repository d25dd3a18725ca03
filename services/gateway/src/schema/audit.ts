import { type ResolveCursorConnectionArgs, resolveCursorConnection } from "@pothos/plugin-relay";
import { recordSensitiveRead } from "@samspill/commands";
import type { Prisma } from "@samspill/database";
import { type ActorKind, actorKinds } from "@samspill/domain";
import { z } from "zod";
import { isRegionalAdmin } from "../admin/regional-admin.js";
import { builder } from "../builder.js";
import { unitOf } from "../commands.js";
import type { Context } from "../context.js";
import { pagedCost } from "../query-cost.js";

// The audit trail of an entity: who changed what, when, under which request. An entry is
// visible to the members of the organisation it belongs to (the organisation whose data
// changed) and to the regional health authority's admins, who oversee the whole region.
// Entries without an organisation are for those admins only.

export const ActorKindEnum = builder.enumType("ActorKind", { values: actorKinds });

interface AuditView {
  id: bigint;
  occurredAt: Date;
  actorKind: ActorKind;
  actorName: string | null;
  organisationId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  changes: unknown;
  requestId: string | null;
}

const AuditEntryRef = builder.objectRef<AuditView>("AuditEntry").implement({
  description: "One change: who made it, what changed (field: {from, to}) and when. Append-only.",
  fields: (t) => ({
    id: t.id({ resolve: (e) => e.id.toString() }),
    occurredAt: t.expose("occurredAt", { type: "DateTime" }),
    actorKind: t.expose("actorKind", { type: ActorKindEnum }),
    actorName: t.exposeString("actorName", {
      nullable: true,
      description: "The person's name, or the API token's name; null for the system.",
    }),
    organisation: t.prismaField({
      type: "Organisation",
      nullable: true,
      // findUnique calls of one tick are batched by Prisma into one query.
      resolve: (query, e, _args, ctx) =>
        e.organisationId
          ? ctx.db.organisation.findUnique({ ...query, where: { id: e.organisationId } })
          : null,
    }),
    action: t.exposeString("action"),
    entityType: t.exposeString("entityType"),
    entityId: t.exposeString("entityId"),
    changes: t.expose("changes", { type: "JSON" }),
    requestId: t.exposeString("requestId", {
      nullable: true,
      description: "The x-request-id of the change, as in the logs.",
    }),
  }),
});

/**
 * Logs a page of the trail that holds entries of organisations the caller is no member of (the
 * regional admin's view): one audit entry per page read, naming whose entries were seen.
 */
async function logForeignEntries(ctx: Context, rows: { organisationId: string | null }[], subject: string) {
  const own = new Set(ctx.viewer?.memberships.map((m) => m.organisationId));
  const foreign = [...new Set(rows.map((r) => r.organisationId).filter((id) => id === null || !own.has(id)))];
  if (foreign.length === 0) return;
  await recordSensitiveRead(unitOf(ctx), ctx.viewer, {
    kind: "auditTrail",
    subject,
    organisationId: foreign.length === 1 ? foreign[0]! : null,
    details: { organisations: foreign, entries: rows.length },
  });
}

/** Names the actors of `rows` with one query per actor kind. */
async function withActors(
  ctx: Context,
  rows: Awaited<ReturnType<Context["db"]["auditEntry"]["findMany"]>>,
): Promise<AuditView[]> {
  const personIds = [...new Set(rows.flatMap((r) => (r.actorPersonId ? [r.actorPersonId] : [])))];
  const tokenIds = [...new Set(rows.flatMap((r) => (r.actorTokenId ? [r.actorTokenId] : [])))];
  const [people, tokens] = await Promise.all([
    personIds.length
      ? ctx.db.person.findMany({ where: { id: { in: personIds } }, select: { id: true, name: true } })
      : [],
    tokenIds.length
      ? ctx.db.apiToken.findMany({ where: { id: { in: tokenIds } }, select: { id: true, name: true } })
      : [],
  ]);
  const personName = new Map(people.map((p) => [p.id, p.name]));
  const tokenName = new Map(tokens.map((p) => [p.id, p.name]));
  return rows.map((r) => ({
    id: r.id,
    occurredAt: r.occurredAt,
    actorKind: r.actorKind,
    actorName:
      r.actorKind === "API_TOKEN"
        ? (tokenName.get(r.actorTokenId ?? "") ?? null)
        : (personName.get(r.actorPersonId ?? "") ?? null),
    organisationId: r.organisationId,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    changes: r.changes,
    requestId: r.requestId,
  }));
}

const cursorId = z.string().regex(/^\d{1,19}$/);

builder.queryFields((t) => ({
  auditTrail: t.connection(
    {
      type: AuditEntryRef,
      complexity: pagedCost(200),
      description:
        "The changes to one entity, newest first: visible to members of the organisation each entry belongs to, and to the regional health authority's admins.",
      authScopes: { signedIn: true },
      args: {
        entityType: t.arg.string({
          required: true,
          description: "e.g. Offer, Measure, ParticipationReport.",
        }),
        entityId: t.arg.string({ required: true }),
      },
      validate: z
        .object({
          entityType: z.string().min(1).max(100),
          entityId: z.string().min(1).max(100),
          after: cursorId.nullish(),
          before: cursorId.nullish(),
        })
        .loose(),
      resolve: async (_root, args, ctx) => {
        const visible: Prisma.AuditEntryWhereInput = (await isRegionalAdmin(ctx.db, ctx.viewer))
          ? {}
          : { organisationId: { in: ctx.viewer?.memberships.map((m) => m.organisationId) ?? [] } };
        return resolveCursorConnection(
          { args, toCursor: (e: AuditView) => e.id.toString(), defaultSize: 50, maxSize: 200 },
          async ({ before, after, limit, inverted }: ResolveCursorConnectionArgs) => {
            const rows = await ctx.db.auditEntry.findMany({
              where: {
                entityType: args.entityType,
                entityId: args.entityId,
                ...visible,
                // Newest first: "after" a cursor means older, i.e. a smaller id.
                id: { ...(after ? { lt: BigInt(after) } : {}), ...(before ? { gt: BigInt(before) } : {}) },
              },
              orderBy: { id: inverted ? "asc" : "desc" },
              take: limit,
            });
            await logForeignEntries(ctx, rows, `${args.entityType}:${args.entityId}`);
            return withActors(ctx, rows);
          },
        );
      },
    },
    { name: "AuditEntryConnection" },
  ),
}));
