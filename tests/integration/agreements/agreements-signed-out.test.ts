import { graphql } from "@samspill/graphql";
import { describe, expect, it } from "vitest";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";
import { db, useSeededDatabase } from "../../support/seeded.js";
import { MOLDE_D5, seeded, TRONDHEIM_D5 } from "./agreement-fixtures.js";

// Agreements are cooperation records: a signed-out caller sees none, also not through the
// public overview's list of agreements about to expire (which is cached for everyone).

useSeededDatabase();

const expiring = graphql(`query ExpiringForCaller($trust: ID!) {
  overview(hospitalTrustId: $trust, dimension: PRIORITY_GROUP) { expiringAgreements { title daysLeft } }
}`);
const one = graphql(`query AgreementForCaller($id: ID!) { agreement(id: $id) { title } }`);

describe("agreements for signed-out callers", () => {
  it("are left out of the overview's expiring agreements, and shown to a party's members", async () => {
    const { id } = await seeded(MOLDE_D5);
    await db.agreement.update({
      where: { id },
      data: { status: "ACTIVE", validTo: new Date(Date.now() + 30 * 86_400_000) },
    });
    const titles = async (viewer: Parameters<typeof testGateway>[1]) => {
      const answer = await testGateway(db, viewer).query(expiring, { trust: orgId("hf:hmr") });
      expect(answer.errors).toBeUndefined();
      return answer.data?.overview.expiringAgreements.map((a) => a.title);
    };
    expect(await titles(null)).toEqual([]);
    expect(await titles(viewerWith([{ org: "mun:1506", role: "VIEWER" }]))).toContain(MOLDE_D5);
    // A member of an organisation outside the agreement does not see it either.
    expect(await titles(viewerWith([{ org: "uo:safo", role: "ADMIN" }]))).not.toContain(MOLDE_D5);
  });

  it("get no agreement by id", async () => {
    for (const title of [MOLDE_D5, TRONDHEIM_D5]) {
      const { id } = await seeded(title);
      const answer = await testGateway(db).query(one, { id });
      expect(answer.data?.agreement ?? null).toBeNull();
    }
  });
});
