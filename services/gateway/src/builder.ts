import SchemaBuilder from "@pothos/core";
import ComplexityPlugin from "@pothos/plugin-complexity";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import ValidationPlugin from "@pothos/plugin-validation";
import type { Database } from "@samspill/database";
import type PrismaTypes from "@samspill/database/pothos-types";
import { getDatamodel } from "@samspill/database/pothos-types";
import { DomainValidationError, ForbiddenError, type Role, toFieldIssues } from "@samspill/domain";
import { DateResolver, DateTimeResolver, JSONResolver } from "graphql-scalars";
import type { ZodError } from "zod";
import { type Context, hasRole } from "./context.js";
import { connectionCost, defaultListSize, edgesCost } from "./query-cost.js";
import { recordSecurityEvent } from "./security-events.js";

export interface AuthScopes {
  public: boolean;
  signedIn: boolean;
  /** Holds one of the roles in the organisation. */
  roleIn: { organisationId: string; roles: readonly Role[] };
  /** Any membership in the organisation. */
  memberOf: string;
  /** Forum member of the health community. */
  forumMemberOf: string;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: AuthScopes;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  defaultFieldNullability: false,
  plugins: [ScopeAuthPlugin, ErrorsPlugin, PrismaPlugin, RelayPlugin, ValidationPlugin, ComplexityPlugin],
  // What each field costs (query-cost.ts); the limit is applied per request by its plugin.
  complexity: { defaultComplexity: 1, defaultListMultiplier: defaultListSize },
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: (ctx) => ({
      public: true,
      signedIn: ctx.viewer !== null,
      roleIn: ({ organisationId, roles }) => hasRole(ctx.viewer, organisationId, roles),
      memberOf: (organisationId) =>
        ctx.viewer?.memberships.some((m) => m.organisationId === organisationId) ?? false,
      forumMemberOf: (communityId) => hasRole(ctx.viewer, communityId, ["FORUM_MEMBER", "ADMIN"]),
    }),
  },
  errors: {
    defaultTypes: [],
    // A refusal answered as a typed ForbiddenError never reaches the error masking; log and count it here.
    onResolvedError: (error) => {
      if (error instanceof ForbiddenError) recordSecurityEvent("denied", "forbidden");
    },
  },
  prisma: {
    client: (ctx) => ctx.db as Database,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === "production" ? null : "warn",
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    defaultConnectionFieldOptions: { complexity: connectionCost },
    edgesFieldOptions: { complexity: edgesCost },
  },
  validation: {
    validationError: (error) => new DomainValidationError(toFieldIssues(error as unknown as ZodError)),
  },
});

builder.addScalarType("DateTime", DateTimeResolver);
builder.addScalarType("Date", DateResolver);
builder.addScalarType("JSON", JSONResolver);

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
