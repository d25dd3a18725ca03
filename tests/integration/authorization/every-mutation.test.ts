import type { Database } from "@samspill/database";
import type { Role } from "@samspill/domain";
import { schema } from "@samspill/gateway";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";
import type { GraphQLClient } from "../../support/graphql-client.js";
import { callDocument, mutationFields } from "./schema-inputs.js";
import {
  adminToken,
  bearerGateway,
  expiredAdminToken,
  mutationScopes,
  naming,
  tokensLacking,
} from "./token-callers.js";

// Every mutation in the schema, called by a signed-out visitor, by every role of an organisation
// that owns none of the targets, by an expired token and by tokens whose scopes do not cover the
// mutation (of an unrelated organisation, and of the organisation the call names as owner), is
// refused and writes nothing.
// The arguments name nothing that exists (schema-inputs.ts); every-mutation-on-foreign.test.ts
// aims every mutation at real objects of another organisation instead.

let db: Database;
beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

const roles: Role[] = ["ADMIN", "EDITOR", "REPORTER", "FORUM_MEMBER", "VIEWER"];
const fields = mutationFields(schema);

type Answer = {
  data?: { result?: { __typename: string } | null } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
};

function refused(answer: Answer): boolean {
  const typename = answer.data?.result?.__typename;
  if (typename) return /Error$/.test(typename);
  return (answer.errors ?? []).some(
    (e) =>
      /not authori[sz]ed|forbidden|not found|sign/i.test(e.message) || e.extensions?.code === "NOT_FOUND",
  );
}

describe("every mutation", () => {
  it("exists in a number worth checking", () => {
    expect(fields.length).toBeGreaterThanOrEqual(15);
  });

  it("names the scope every mutation needs from a token", () => {
    expect(fields.map((f) => f.name).filter((name) => !mutationScopes[name])).toEqual([]);
  });

  // Each caller picks the client (and, for the owner's tokens, the organisation the call names).
  interface Caller {
    name: string;
    client: () => Promise<(field: string) => GraphQLClient>;
    owner?: string;
  }
  const asViewer = (viewer: Parameters<typeof testGateway>[1]) => async () => {
    const gateway = testGateway(db, viewer);
    return () => gateway;
  };
  const owner = "mun:1506";
  const callers: Caller[] = [
    { name: "signed out", client: asViewer(null) },
    ...roles.map((role) => ({
      name: `${role} of an unrelated organisation`,
      client: asViewer(viewerWith([{ org: "uo:safo", role }])),
    })),
    {
      name: "an expired ADMIN token of the organisation the call names",
      owner,
      client: async () => {
        const gateway = bearerGateway(db, await expiredAdminToken(db, owner));
        return () => gateway;
      },
    },
    {
      name: "a read-only ADMIN token of an unrelated organisation",
      client: async () => {
        const gateway = bearerGateway(db, (await adminToken(db, "uo:safo", ["read"])).token);
        return () => gateway;
      },
    },
    {
      name: "an ADMIN token of an unrelated organisation lacking the mutation's scope",
      client: async () => {
        const lacking = await tokensLacking(db, "uo:safo");
        return (name) => bearerGateway(db, lacking.get(mutationScopes[name] ?? "read") ?? "");
      },
    },
    {
      name: "an ADMIN token of the organisation the call names, lacking the mutation's scope",
      owner,
      client: async () => {
        const lacking = await tokensLacking(db, owner);
        return (name) => bearerGateway(db, lacking.get(mutationScopes[name] ?? "read") ?? "");
      },
    },
  ];

  for (const caller of callers) {
    it(`is refused for a caller who is ${caller.name}, with nothing written`, async () => {
      const clientFor = await caller.client();
      const allowed: string[] = [];
      for (const field of fields) {
        const gateway = clientFor(field.name);
        const before = { audit: await db.auditEntry.count(), outbox: await db.outboxEvent.count() };
        const call = callDocument(field);
        const query = call.query;
        const variables = caller.owner
          ? (naming(call.variables, orgId(caller.owner)) as Record<string, unknown>)
          : call.variables;
        // Generated from the schema for every mutation field (schema-inputs.ts): sent as text.
        const answer = (await gateway.send(query, variables)) as Answer;
        for (const e of answer.errors ?? []) expect(e.message, field.name).not.toMatch(/Unexpected error/);
        if (!refused(answer)) allowed.push(`${field.name}: ${JSON.stringify(answer).slice(0, 200)}`);
        expect(
          { audit: await db.auditEntry.count(), outbox: await db.outboxEvent.count() },
          field.name,
        ).toEqual(before);
      }
      console.log(
        `[security] mutations refused for ${caller.name}: ${fields.length - allowed.length} of ${fields.length}, nothing written`,
      );
      expect(allowed).toEqual([]);
    }, 120_000);
  }
});
