import type { Database } from "@samspill/database";
import { graphql } from "@samspill/graphql";
import { seedDemoData } from "@samspill/seed";
import { seedId } from "@samspill/seed/ids";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { successData } from "../../support/answers.js";
import { testDatabase } from "../../support/db.js";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";

// One report by id, for the web app's correction page: readable by the reporter and by the
// offer's provider, as null to anyone else.

let db: Database;

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

const one = graphql(`query One($id: ID!) {
  participationReport(id: $id) { id version reporter { id } offer { id title } totalParticipants periodStart periodEnd }
}`);

describe("participationReport(id)", () => {
  it("answers the reporter and the provider, null to other organisations, and refuses the public", async () => {
    const ffo = viewerWith([{ org: "uo:ffo", role: "REPORTER" }]);
    const created = await testGateway(db, ffo).query(
      graphql(`mutation R($input: ReportParticipationInput!) {
        reportParticipation(input: $input) { __typename ... on MutationReportParticipationSuccess { data { id } } }
      }`),
      {
        input: {
          reporterId: orgId("uo:ffo"),
          offerId: seedId("offer:stolav-kols"),
          periodStart: "2025-02-01",
          periodEnd: "2025-03-31",
          patients: 9,
          carers: 3,
          userRepsDelivery: 1,
        },
      },
    );
    expect(created.data!.reportParticipation.__typename).toBe("MutationReportParticipationSuccess");
    const id = successData(created.data!.reportParticipation).id;
    const read = (viewer: ReturnType<typeof viewerWith> | null) => testGateway(db, viewer).query(one, { id });

    const own = await read(ffo);
    expect(own.data!.participationReport).toMatchObject({
      id,
      version: 1,
      reporter: { id: orgId("uo:ffo") },
      offer: { id: seedId("offer:stolav-kols") },
      totalParticipants: 12,
    });
    const provider = await read(viewerWith([{ org: "hf:stolav", role: "VIEWER" }]));
    expect(provider.data!.participationReport?.id).toBe(id);
    const other = await read(viewerWith([{ org: "uo:safo", role: "ADMIN" }]));
    expect(other.errors).toBeUndefined();
    expect(other.data!.participationReport).toBeNull();
    const anonymous = await read(null);
    expect(anonymous.errors?.[0]?.message).toMatch(/not authorized/i);
  });

  it("names the argument when the id is not a uuid", async () => {
    const result = await testGateway(db, viewerWith([{ org: "uo:ffo", role: "REPORTER" }])).query(one, {
      id: "42",
    });
    expect(result.errors?.[0]?.message).toMatch(/id/i);
  });
});
