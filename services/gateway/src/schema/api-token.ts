import { adminRoles, createApiToken, revokeApiToken } from "@samspill/commands";
import { apiTokenScopes, isApiTokenScope, roles } from "@samspill/domain";
import { builder } from "../builder.js";
import { unitOf } from "../commands.js";
import { pagedList, takePage } from "../list-page.js";
import { mutationErrors } from "./errors.js";

// API tokens for an organisation's machine clients. Only the organisation's admins see and
// manage them; the clear token is returned once, by createApiToken, and never stored (the
// command, packages/commands/src/tokens, keeps only its hash).

export const RoleEnum = builder.enumType("Role", {
  description: "What a member (person or API token) may do in an organisation.",
  values: roles,
});

// GraphQL enum names cannot hold ":", so WRITE_OFFERS stands for the stored "write:offers".
export const ApiTokenScopeEnum = builder.enumType("ApiTokenScope", {
  description: "What an API token may do within its role: read, or write one area.",
  values: Object.fromEntries(
    apiTokenScopes.map((scope) => [scope.replace(":", "_").toUpperCase(), { value: scope }]),
  ) as Record<string, { value: (typeof apiTokenScopes)[number] }>,
});

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
    scopes: t.field({
      type: [ApiTokenScopeEnum],
      description: "What the token may do within its role.",
      resolve: (token) => token.scopes.filter(isApiTokenScope),
    }),
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

const tokensPage = pagedList("apiTokens", { default: 100, max: 200 });

builder.queryField("apiTokens", (t) =>
  t.prismaField({
    type: ["ApiToken"],
    description: "The organisation's API tokens, newest first (admins only).",
    args: { ...tokensPage.args, organisationId: t.arg.id({ required: true }) },
    complexity: tokensPage.complexity,
    authScopes: (_root, args) => ({
      roleIn: { organisationId: String(args.organisationId), roles: adminRoles },
    }),
    resolve: (query, _root, args, ctx) =>
      ctx.db.apiToken.findMany({
        ...query,
        ...takePage(tokensPage.page(args)),
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
      expiresInDays: t.arg.int({
        required: false,
        description: "Lifetime in days; the deployment's default when neither this nor expiresAt is given.",
      }),
      scopes: t.arg({
        type: [ApiTokenScopeEnum],
        required: false,
        description: "What the token may do; every scope when left out.",
      }),
    },
    authScopes: (_root, args) => ({
      roleIn: { organisationId: String(args.organisationId), roles: adminRoles },
    }),
    resolve: async (_root, args, ctx) => {
      const { id, token } = await createApiToken(unitOf(ctx), ctx.viewer, args, ctx.apiTokenLifetime);
      return { token, apiToken: { id } };
    },
  }),

  revokeApiToken: t.prismaField({
    type: "ApiToken",
    description:
      "Revokes an API token at once; requests with it are refused from now on. Unknown tokens are refused like others' tokens.",
    errors: { types: mutationErrors },
    args: { id: t.arg.id({ required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) =>
      ctx.db.apiToken.findUniqueOrThrow({
        ...query,
        where: await revokeApiToken(unitOf(ctx), ctx.viewer, { id: String(args.id) }),
      }),
  }),
}));
