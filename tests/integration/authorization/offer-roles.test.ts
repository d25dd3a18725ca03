import type { Database } from "@samspill/database";
import type { Role } from "@samspill/domain";
import { graphql } from "@samspill/graphql";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";

// Who may do what with an offer: every role, from the provider itself and from another
// municipality. Only the provider's ADMIN and EDITOR may write.

let db: Database;
beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

const roles: Role[] = ["ADMIN", "EDITOR", "REPORTER", "FORUM_MEMBER", "VIEWER"];
const writers = new Set<Role>(["ADMIN", "EDITOR"]);

const create = graphql(
  `mutation($input: CreateOfferInput!) { r: createOffer(input: $input) { __typename ... on MutationCreateOfferSuccess { data { id version } } } }`,
);
const update = graphql(
  `mutation($input: UpdateOfferInput!) { r: updateOffer(input: $input) { __typename ... on MutationUpdateOfferSuccess { data { version } } } }`,
);
const status = graphql(
  `mutation($id: ID!, $version: Int!) { r: changeOfferStatus(id: $id, version: $version, status: ARCHIVED) { __typename } }`,
);
const session = graphql(`mutation($input: AddSessionInput!) { r: addSession(input: $input) { __typename } }`);

type R = {
  data?: { r?: { __typename: string; data?: { id?: string; version: number } } | null } | null;
  errors?: unknown[];
};
const ok = (a: R, success: string) => a.data?.r?.__typename === success;

async function freshOffer(): Promise<{ id: string; version: number }> {
  const admin = testGateway(db, viewerWith([{ org: "mun:1506", role: "ADMIN" }]));
  const a = (await admin.query(create, {
    input: {
      providerId: orgId("mun:1506"),
      title: "Rolletest",
      summary: "Kurs",
      kind: "LECTURE",
      diagnosisScope: "DIAGNOSIS_INDEPENDENT",
      format: "DIGITAL",
    },
  })) as R;
  return a.data!.r!.data as { id: string; version: number };
}

describe("offer mutations by role", () => {
  for (const home of ["mun:1506", "mun:5001"]) {
    for (const role of roles) {
      const own = home === "mun:1506";
      const expected = own && writers.has(role);
      it(`${role} of ${own ? "the provider" : "another municipality"} ${expected ? "may" : "may not"} write`, async () => {
        const gateway = testGateway(db, viewerWith([{ org: home, role }]));
        const target = await freshOffer();
        const auditBefore = await db.auditEntry.count({ where: { entityId: target.id } });

        const created = (await gateway.query(create, {
          input: {
            providerId: orgId("mun:1506"),
            title: "Nytt",
            summary: "Kurs",
            kind: "LECTURE",
            diagnosisScope: "DIAGNOSIS_INDEPENDENT",
            format: "DIGITAL",
          },
        })) as R;
        expect(ok(created, "MutationCreateOfferSuccess")).toBe(expected);

        const updated = (await gateway.query(update, {
          input: { id: target.id, version: target.version, title: "Endret" },
        })) as R;
        expect(ok(updated, "MutationUpdateOfferSuccess")).toBe(expected);

        const added = (await gateway.query(session, {
          input: { offerId: target.id, startsAt: "2027-02-01T10:00:00Z", endsAt: "2027-02-01T12:00:00Z" },
        })) as R;
        expect(ok(added, "MutationAddSessionSuccess")).toBe(expected);

        const version = (await db.offer.findUniqueOrThrow({ where: { id: target.id } })).version;
        const archived = (await gateway.query(status, { id: target.id, version })) as R;
        expect(ok(archived, "MutationChangeOfferStatusSuccess")).toBe(expected);

        const auditAfter = await db.auditEntry.count({ where: { entityId: target.id } });
        expect(auditAfter - auditBefore).toBe(expected ? 2 : 0);
      });
    }
  }
});
