import { describe, expect, it } from "vitest";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";
import { db, useSeededDatabase } from "../../support/seeded.js";
import {
  ALESUND_D5,
  hmrEditor,
  LEVANGER_D5,
  listQuery,
  MOLDE_D5,
  oneQuery,
  seeded,
  TRONDHEIM_D5,
  trondheimEditor,
} from "./agreement-fixtures.js";

// Agreements through HTTP: who sees which, how the list filters and pages.

useSeededDatabase();

describe("who sees which agreement", () => {
  const titlesFor = async (viewer: ReturnType<typeof viewerWith>) => {
    const result = await testGateway(db, viewer).query(listQuery, { first: 100 });
    expect(result.errors).toBeUndefined();
    return result.data!.agreements.edges.map((e) => e.node.title);
  };

  it("shows a party's members its agreements and nobody else's", async () => {
    const titles = await titlesFor(viewerWith([{ org: "mun:1506", role: "VIEWER" }]));
    expect(titles).toContain(MOLDE_D5);
    expect(titles).not.toContain(ALESUND_D5);
    expect(titles).not.toContain(TRONDHEIM_D5);
  });

  it("shows a health community's members the agreements of its members", async () => {
    const mr = await titlesFor(viewerWith([{ org: "hf-community:mr", role: "FORUM_MEMBER" }]));
    expect(mr).toEqual(expect.arrayContaining([MOLDE_D5, ALESUND_D5]));
    expect(mr).not.toContain(TRONDHEIM_D5);
    const trondelag = await titlesFor(viewerWith([{ org: "hf-community:trondelag", role: "VIEWER" }]));
    expect(trondelag).toContain(TRONDHEIM_D5);
    expect(trondelag).not.toContain(MOLDE_D5);
  });

  it("shows the regional health authority the agreements in its region", async () => {
    const titles = await titlesFor(viewerWith([{ org: "rhf:hmn", role: "VIEWER" }]));
    expect(titles).toEqual(expect.arrayContaining([MOLDE_D5, ALESUND_D5, TRONDHEIM_D5, LEVANGER_D5]));
  });

  it("refuses signed-out callers and answers null for an agreement you may not see", async () => {
    const anonymous = await testGateway(db).query(listQuery, {});
    expect(anonymous.errors?.[0]?.message).toMatch(/not authorized/i);
    const { id } = await seeded(MOLDE_D5);
    const foreign = await testGateway(db, trondheimEditor).query(oneQuery, {
      id,
    });
    expect(foreign.errors).toBeUndefined();
    expect(foreign.data!.agreement).toBeNull();
    const own = await testGateway(db, viewerWith([{ org: "mun:1506", role: "VIEWER" }])).query(oneQuery, {
      id,
    });
    expect(own.data!.agreement!.parties.map((p) => p.organisation.name).sort()).toEqual([
      "Helse Møre og Romsdal HF",
      "Molde kommune",
    ]);
    expect(own.data!.agreement!.offers.length).toBeGreaterThan(0);
    expect(own.data!.agreement!.meetingPoints.length).toBeGreaterThan(0);
  });

  it("filters by party, hospital trust, status and expiry, and pages", async () => {
    const rhf = testGateway(db, viewerWith([{ org: "rhf:hmn", role: "VIEWER" }]));
    const expiring = await rhf.query(listQuery, {
      filter: { hospitalTrustId: orgId("hf:hmr"), expiringWithinDays: 90, status: "ACTIVE" },
      first: 50,
    });
    const nodes = expiring.data!.agreements.edges.map((e) => e.node);
    expect(nodes.map((n) => n.title)).toContain(MOLDE_D5);
    expect(nodes.map((n) => n.title)).not.toContain(ALESUND_D5);
    expect(nodes.map((n) => n.title)).not.toContain(LEVANGER_D5);
    for (const n of nodes) expect(n.expiresInDays).toBeGreaterThanOrEqual(0);
    for (const n of nodes) expect(n.expiresInDays).toBeLessThanOrEqual(90);

    const trondheim = await rhf.query(listQuery, { filter: { organisationId: orgId("mun:5001") } });
    expect(trondheim.data!.agreements.edges.map((e) => e.node.title)).toEqual([TRONDHEIM_D5]);

    const first = await rhf.query(listQuery, { first: 2 });
    expect(first.data!.agreements.pageInfo.hasNextPage).toBe(true);
    const second = await rhf.query(listQuery, {
      first: 2,
      after: first.data!.agreements.pageInfo.endCursor,
    });
    const ids = [...first.data!.agreements.edges, ...second.data!.agreements.edges].map((e) => e.node.id);
    expect(new Set(ids).size).toBe(4);
    // Soonest expiring first.
    const days = first.data!.agreements.edges.map((e) => e.node.expiresInDays ?? Number.POSITIVE_INFINITY);
    expect(days).toEqual([...days].sort((a, b) => a - b));
    expect(first.data!.agreements.totalCount).toBeGreaterThanOrEqual(4);
  });

  it("rejects a malformed filter", async () => {
    const result = await testGateway(db, hmrEditor).query(listQuery, {
      filter: { expiringWithinDays: -1 },
    });
    expect(result.errors?.[0]?.message).toBeDefined();
  });
});
