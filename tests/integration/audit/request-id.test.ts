import type { Database } from "@samspill/database";
import type { Viewer } from "@samspill/gateway/context";
import { graphql } from "@samspill/graphql";
import { seedDemoData } from "@samspill/seed";
import { seedId } from "@samspill/seed/ids";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { testGateway, viewerWith } from "../../support/gateway.js";
import { graphQLClient } from "../../support/graphql-client.js";

// The x-request-id a caller sends is written to the audit trail, so it is kept only when it is a
// plain token (letters, digits, . _ : -, at most 128); anything else is replaced by a fresh id.

let db: Database;
// A measure no other audit test changes, so their "newest entry" stays theirs.
const measureId = seedId("measure:hmn-rhf-2023-2027:2.1.3-2");

const updateStatus = graphql(`mutation Status($input: UpdateMeasureStatusInput!) {
  updateMeasureStatus(input: $input) { __typename }
}`);

const eva = (): Viewer => ({
  ...viewerWith([{ org: "rhf:hmn", role: "ADMIN" }], "Eva Strand"),
  personId: seedId("person:eva"),
});

let changes = 0;

/** Changes the measure under `requestId` and returns the request id its new audit entry holds. */
async function auditedRequestId(requestId: string): Promise<string | null> {
  // Alternating, so every call is a change and writes an entry.
  const status = changes++ % 2 === 0 ? "IN_PROGRESS" : "ONGOING";
  const { version } = await db.measure.findUniqueOrThrow({ where: { id: measureId } });
  const before = await db.auditEntry.count({ where: { entityId: measureId } });
  const { query } = graphQLClient(testGateway(db, eva()).app.fetch, "http://gateway.test/graphql", {
    "x-samspill-csrf": "1",
    "x-request-id": requestId,
  });
  const result = await query(updateStatus, { input: { id: measureId, version, status } });
  expect(result.data?.updateMeasureStatus.__typename).toBe("MutationUpdateMeasureStatusSuccess");
  expect(await db.auditEntry.count({ where: { entityId: measureId } })).toBe(before + 1);
  const entry = await db.auditEntry.findFirstOrThrow({
    where: { entityId: measureId },
    orderBy: { id: "desc" },
  });
  return entry.requestId;
}

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

describe("request id in the audit trail", () => {
  it("keeps a plain token", async () => {
    expect(await auditedRequestId("lb-7f3a.2:retry-1")).toBe("lb-7f3a.2:retry-1");
  });

  it.each([
    ["an e-mail address", "kari.nordmann@example.no"],
    ["markup", "<img src=x onerror=alert(1)>"],
    ["spaces and quotes", `x" OR "1"="1`],
    ["an overlong id", "a".repeat(129)],
  ])("replaces %s with a fresh id", async (_what, sent) => {
    const stored = await auditedRequestId(sent);
    expect(stored).not.toBe(sent);
    expect(stored).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});
