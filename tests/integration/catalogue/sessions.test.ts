import type { Database } from "@samspill/database";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";
import { captureWrites, writeCounts } from "../../support/writes.js";

// An offer's sessions through HTTP: each write with its audit entry and event, the rules that
// span fields (checked against the stored session for an edit), versions, and who may write.

let db: Database;
beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

const moldeEditor = viewerWith([{ org: "mun:1506", role: "EDITOR" }]);
const trondheimEditor = viewerWith([{ org: "mun:5001", role: "EDITOR" }]);

const RESULT = (success: string) => `
  __typename
  ... on ${success} { data { id version startsAt endsAt capacity registrations cancelled } }
  ... on ValidationError { issues { field code } }
  ... on ConflictError { expectedVersion currentVersion }
  ... on Error { message }`;
const add = `mutation($input: AddSessionInput!) { r: addSession(input: $input) { ${RESULT("MutationAddSessionSuccess")} } }`;
const update = `mutation($input: UpdateSessionInput!) { r: updateSession(input: $input) { ${RESULT("MutationUpdateSessionSuccess")} } }`;
const cancel = `mutation($id: ID!, $version: Int!) { r: cancelSession(id: $id, version: $version) { ${RESULT("MutationCancelSessionSuccess")} } }`;

interface Result {
  __typename: string;
  data?: { id: string; version: number; capacity: number | null; registrations: number; cancelled: boolean };
  issues?: { field: string; code: string }[];
  expectedVersion?: number;
  currentVersion?: number;
}

async function call(
  viewer: ReturnType<typeof viewerWith>,
  query: string,
  variables: object,
): Promise<Result> {
  const answer = await testGateway(db, viewer).query<{ r: Result }>(query, variables);
  expect(answer.errors).toBeUndefined();
  return answer.data!.r;
}

async function expectNothingWritten(run: () => Promise<unknown>) {
  const before = await writeCounts(db);
  await run();
  expect(await writeCounts(db)).toEqual(before);
}

const moldeOffer = () =>
  db.offer.findFirstOrThrow({ where: { providerId: orgId("mun:1506") }, select: { id: true } });
const period = { startsAt: "2027-02-01T10:00:00.000Z", endsAt: "2027-02-01T12:00:00.000Z" };

describe("sessions", () => {
  it("adds, edits and cancels a session, each with one audit entry and one event", async () => {
    const offer = await moldeOffer();
    const added = await captureWrites(db, () =>
      call(moldeEditor, add, { input: { offerId: offer.id, ...period, capacity: 12 } }),
    );
    expect(added.result.__typename).toBe("MutationAddSessionSuccess");
    const id = added.result.data!.id;
    expect(added.audits.map((a) => [a.action, a.entityId, a.organisationId])).toEqual([
      ["session.create", id, orgId("mun:1506")],
    ]);
    expect(added.events.map((e) => [e.type, e.payload])).toEqual([
      ["session.created", { id, version: 1, offerId: offer.id, startsAt: period.startsAt }],
    ]);

    const edited = await captureWrites(db, () =>
      call(moldeEditor, update, { input: { id, version: 1, capacity: 20, registrations: 5 } }),
    );
    expect(edited.result.data).toMatchObject({ version: 2, capacity: 20, registrations: 5 });
    expect(edited.audits.map((a) => [a.action, Object.keys(a.changes as object).sort()])).toEqual([
      ["session.update", ["capacity", "registrations"]],
    ]);
    expect(edited.events.map((e) => [e.type, e.payload])).toEqual([
      ["session.updated", { id, version: 2, offerId: offer.id, startsAt: period.startsAt }],
    ]);

    const cancelled = await captureWrites(db, () => call(moldeEditor, cancel, { id, version: 2 }));
    expect(cancelled.result.data).toMatchObject({ version: 3, cancelled: true });
    expect(cancelled.audits.map((a) => [a.action, a.changes])).toEqual([
      ["session.cancel", { cancelled: { from: false, to: true } }],
    ]);
    expect(cancelled.events.map((e) => [e.type, e.payload])).toEqual([
      ["session.cancelled", { id, version: 3, offerId: offer.id }],
    ]);
  });

  it("checks the period and capacity, an edit against the stored session, and refuses a stale version", async () => {
    const offer = await moldeOffer();
    await expectNothingWritten(async () => {
      const result = await call(moldeEditor, add, {
        input: {
          offerId: offer.id,
          startsAt: period.endsAt,
          endsAt: period.startsAt,
          capacity: 1,
          registrations: 2,
        },
      });
      expect(result.issues!.map((i) => [i.field, i.code])).toEqual([
        ["endsAt", "ends_before_start"],
        ["registrations", "over_capacity"],
      ]);
    });
    const { id } = (await call(moldeEditor, add, { input: { offerId: offer.id, ...period, capacity: 3 } }))
      .data!;
    await expectNothingWritten(async () => {
      const result = await call(moldeEditor, update, { input: { id, version: 1, registrations: 4 } });
      expect(result.issues!.map((i) => i.code)).toEqual(["over_capacity"]);
    });
    await call(moldeEditor, update, { input: { id, version: 1, note: "Rom 2" } });
    await expectNothingWritten(async () => {
      const result = await call(moldeEditor, cancel, { id, version: 1 });
      expect(result).toMatchObject({ __typename: "ConflictError", expectedVersion: 1, currentVersion: 2 });
    });
  });

  it("lets only the provider's editors write, and answers NotFoundError for an unknown session", async () => {
    const offer = await moldeOffer();
    const { id } = (await call(moldeEditor, add, { input: { offerId: offer.id, ...period } })).data!;
    for (const viewer of [trondheimEditor, viewerWith([{ org: "mun:1506", role: "VIEWER" }])]) {
      await expectNothingWritten(async () => {
        expect((await call(viewer, add, { input: { offerId: offer.id, ...period } })).__typename).toBe(
          "ForbiddenError",
        );
        expect((await call(viewer, update, { input: { id, version: 1, note: "Kapret" } })).__typename).toBe(
          "ForbiddenError",
        );
        expect((await call(viewer, cancel, { id, version: 1 })).__typename).toBe("ForbiddenError");
      });
    }
    const unknown = await call(moldeEditor, cancel, {
      id: "0195f3a0-1c2d-7e3f-8a4b-5c6d7e8f9a0b",
      version: 1,
    });
    expect(unknown.__typename).toBe("NotFoundError");
  });
});
