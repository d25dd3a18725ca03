import type { Database } from "@samspill/database";
import type { Role } from "@samspill/domain";
import { schema } from "@samspill/gateway";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { testGateway, viewerWith } from "../../support/gateway.js";
import { callDocument, mutationFields } from "./schema-inputs.js";

// Every mutation in the schema, called by a signed-out visitor and by every role of an
// organisation that owns none of the targets, is refused and writes nothing.

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

  const callers = [
    { name: "signed out", viewer: null },
    ...roles.map((role) => ({
      name: `${role} of an unrelated organisation`,
      viewer: viewerWith([{ org: "uo:safo", role }]),
    })),
  ];

  for (const caller of callers) {
    it(`is refused for a caller who is ${caller.name}, with nothing written`, async () => {
      const gateway = testGateway(db, caller.viewer);
      const allowed: string[] = [];
      for (const field of fields) {
        const before = { audit: await db.auditEntry.count(), outbox: await db.outboxEvent.count() };
        const { query, variables } = callDocument(field);
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
