import { parseInput, roles } from "@samspill/domain";
import { z } from "zod";
import { generateApiToken } from "../auth/api-tokens.js";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { inTransaction, recordChange } from "../write.js";
import { mutationErrors } from "./errors.js";

// API tokens for an organisation's machine clients. Only the organisation's admins see and
// manage them; the clear token is returned once, by createApiToken, and never stored.

export const RoleEnum = builder.enumType("Role", {
  description: "What a member (person or API token) may do in an organisation.",
  values: roles,
});

const admins = ["ADMIN"] as const;

builder.prismaObject("ApiToken", {
  description: "A token an organisation's systems use as `Authorization: Bearer sp_…`.",
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    prefix: t.exposeString("prefix", { description: "The token's first characters, to tell tokens apart." }),
    role: t.expose("role", { type: RoleEnum }),
    organisation: t.relation("organisation"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    lastUsedAt: t.expose("lastUsedAt", {
      type: "DateTime",
      nullable: true,
      description: "Last use, to the minute.",
    }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", nullable: true }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true }),
    active: t.boolean({
      description: "Neither revoked nor expired.",
      resolve: (token) => !token.revokedAt && (!token.expiresAt || token.expiresAt > new Date()),
    }),
  }),
});

interface CreatedApiToken {
  token: string;
  apiToken: { id: string };
}

const CreatedApiTokenRef = builder.objectRef<CreatedApiToken>("CreatedApiToken").implement({
  fields: (t) => ({
    token: t.exposeString("token", {
      description: "The token itself. Shown only now: store it in the client system's secret store.",
    }),
    apiToken: t.prismaField({
      type: "ApiToken",
      resolve: (query, parent, _args, ctx) =>
        ctx.db.apiToken.findUniqueOrThrow({ ...query, where: { id: parent.apiToken.id } }),
    }),
  }),
});

const createApiTokenInput = z.object({
  organisationId: z.uuid(),
  name: z.string().trim().min(1).max(100),
  role: z.enum(roles),
  expiresAt: z
    .date()
    .refine((d) => d.getTime() > Date.now(), "must be in the future")
    .nullish(),
});

/** The token's organisation; "" when there is no such token, which no one is admin of. */
async function organisationOfToken(ctx: Context, id: string): Promise<string> {
  if (!z.uuid().safeParse(id).success) return "";
  const token = await ctx.db.apiToken.findUnique({ where: { id }, select: { organisationId: true } });
  return token?.organisationId ?? "";
}

builder.queryField("apiTokens", (t) =>
  t.prismaField({
    type: ["ApiToken"],
    description: "The organisation's API tokens, newest first (admins only).",
    args: { organisationId: t.arg.id({ required: true }) },
    authScopes: (_root, args) => ({ roleIn: { organisationId: String(args.organisationId), roles: admins } }),
    resolve: (query, _root, args, ctx) =>
      ctx.db.apiToken.findMany({
        ...query,
        where: { organisationId: String(args.organisationId) },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      }),
  }),
);

builder.mutationFields((t) => ({
  createApiToken: t.field({
    type: CreatedApiTokenRef,
    description: "Creates an API token for the organisation; the answer holds the token, shown this once.",
    errors: { types: mutationErrors },
    args: {
      organisationId: t.arg.id({ required: true }),
      name: t.arg.string({ required: true }),
      role: t.arg({ type: RoleEnum, required: true }),
      expiresAt: t.arg({ type: "DateTime", required: false }),
    },
    authScopes: (_root, args) => ({ roleIn: { organisationId: String(args.organisationId), roles: admins } }),
    resolve: (_root, args, ctx) => {
      const input = parseInput(createApiTokenInput, { ...args, organisationId: String(args.organisationId) });
      const { token, tokenHash, prefix } = generateApiToken();
      return inTransaction(ctx, async (tx) => {
        const row = await tx.apiToken.create({
          data: {
            organisationId: input.organisationId,
            name: input.name,
            role: input.role,
            expiresAt: input.expiresAt ?? null,
            tokenHash,
            prefix,
            createdById: ctx.viewer?.personId ?? null,
          },
        });
        await recordChange(tx, ctx, {
          action: "apiToken.create",
          entityType: "ApiToken",
          entityId: row.id,
          organisationId: row.organisationId,
          changes: { name: row.name, role: row.role, prefix, expiresAt: row.expiresAt },
        });
        return { token, apiToken: { id: row.id } };
      });
    },
  }),

  revokeApiToken: t.prismaField({
    type: "ApiToken",
    description:
      "Revokes an API token at once; requests with it are refused from now on. Unknown tokens are refused like others' tokens.",
    errors: { types: mutationErrors },
    args: { id: t.arg.id({ required: true }) },
    authScopes: async (_root, args, ctx) => ({
      roleIn: { organisationId: await organisationOfToken(ctx, String(args.id)), roles: admins },
    }),
    resolve: (query, _root, args, ctx) =>
      inTransaction(ctx, async (tx) => {
        const id = String(args.id);
        // Only a live token is revoked; revoking twice keeps the first time and audits once.
        const { count } = await tx.apiToken.updateMany({
          where: { id, revokedAt: null },
          data: { revokedAt: new Date() },
        });
        const row = await tx.apiToken.findUniqueOrThrow({ ...query, where: { id } });
        if (count === 1) {
          await recordChange(tx, ctx, {
            action: "apiToken.revoke",
            entityType: "ApiToken",
            entityId: id,
            organisationId: row.organisationId,
            changes: { revokedAt: row.revokedAt },
          });
        }
        return row;
      }),
  }),
}));
