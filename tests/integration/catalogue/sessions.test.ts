import { graphql, type TadaDocumentNode } from "@samspill/graphql";
import { describe, expect, it } from "vitest";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";
import { db, useSeededDatabase } from "../../support/seeded.js";
import { captureWrites, writeCounts } from "../../support/writes.js";

// An offer's sessions through HTTP: each write with its audit entry and event, the rules that
// span fields (checked against the stored session for an edit), versions, and who may write.

useSeededDatabase();

type Viewer = ReturnType<typeof viewerWith>;
const moldeEditor = viewerWith([{ org: "mun:1506", role: "EDITOR" }]);
const trondheimEditor = viewerWith([{ org: "mun:5001", role: "EDITOR" }]);

const SessionAnswer = graphql(
  `fragment SessionAnswer on OfferSession { id version capacity registrations cancelled }`,
);
const Refusal = graphql(`
  fragment Refusal on Error {
    ... on ValidationError { issues { field code } }
    ... on ConflictError { expectedVersion currentVersion }
  }
`);
const add = graphql(
  `mutation AddSession($input: AddSessionInput!) {
    r: addSession(input: $input) {
      __typename ... on MutationAddSessionSuccess { data { ...SessionAnswer } } ... on Error { ...Refusal }
    }
  }`,
  [SessionAnswer, Refusal],
);
const update = graphql(
  `mutation UpdateSession($input: UpdateSessionInput!) {
    r: updateSession(input: $input) {
      __typename ... on MutationUpdateSessionSuccess { data { ...SessionAnswer } } ... on Error { ...Refusal }
    }
  }`,
  [SessionAnswer, Refusal],
);
const cancel = graphql(
  `mutation CancelSession($id: ID!, $version: Int!) {
    r: cancelSession(id: $id, version: $version) {
      __typename ... on MutationCancelSessionSuccess { data { ...SessionAnswer } } ... on Error { ...Refusal }
    }
  }`,
  [SessionAnswer, Refusal],
);

async function call<R extends { r: { __typename: string } }, V>(
  viewer: Viewer,
  document: TadaDocumentNode<R, V>,
  variables: V,
): Promise<R["r"]> {
  const answer = await testGateway(db, viewer).query(document, variables);
  expect(answer.errors).toBeUndefined();
  return answer.data!.r;
}

/** The session a successful write answers with (fails the test on any other answer). */
function written<T extends { __typename: string }>(result: T): Extract<T, { data: unknown }>["data"] {
  if (!("data" in result)) throw new Error(`Expected a session, got ${result.__typename}`);
  return (result as Extract<T, { data: unknown }>).data;
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
    const { id } = written(added.result);
    expect(added.audits.map((a) => [a.action, a.entityId, a.organisationId])).toEqual([
      ["session.create", id, orgId("mun:1506")],
    ]);
    expect(added.events.map((e) => [e.type, e.payload])).toEqual([
      ["session.created", { id, version: 1, offerId: offer.id, startsAt: period.startsAt }],
    ]);

    const edited = await captureWrites(db, () =>
      call(moldeEditor, update, { input: { id, version: 1, capacity: 20, registrations: 5 } }),
    );
    expect(written(edited.result)).toMatchObject({ version: 2, capacity: 20, registrations: 5 });
    expect(edited.audits.map((a) => [a.action, Object.keys(a.changes as object).sort()])).toEqual([
      ["session.update", ["capacity", "registrations"]],
    ]);
    expect(edited.events.map((e) => [e.type, e.payload])).toEqual([
      ["session.updated", { id, version: 2, offerId: offer.id, startsAt: period.startsAt }],
    ]);

    const cancelled = await captureWrites(db, () => call(moldeEditor, cancel, { id, version: 2 }));
    expect(written(cancelled.result)).toMatchObject({ version: 3, cancelled: true });
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
      const backwards = { startsAt: period.endsAt, endsAt: period.startsAt, capacity: 1, registrations: 2 };
      expect(await call(moldeEditor, add, { input: { offerId: offer.id, ...backwards } })).toMatchObject({
        __typename: "ValidationError",
        issues: [
          { field: "endsAt", code: "ends_before_start" },
          { field: "registrations", code: "over_capacity" },
        ],
      });
    });
    const { id } = written(
      await call(moldeEditor, add, { input: { offerId: offer.id, ...period, capacity: 3 } }),
    );
    await expectNothingWritten(async () => {
      expect(await call(moldeEditor, update, { input: { id, version: 1, registrations: 4 } })).toMatchObject({
        __typename: "ValidationError",
        issues: [{ field: "registrations", code: "over_capacity" }],
      });
    });
    written(await call(moldeEditor, update, { input: { id, version: 1, note: "Rom 2" } }));
    await expectNothingWritten(async () => {
      expect(await call(moldeEditor, cancel, { id, version: 1 })).toMatchObject({
        __typename: "ConflictError",
        expectedVersion: 1,
        currentVersion: 2,
      });
    });
  });

  it("lets only the provider's editors write, and answers NotFoundError for an unknown session", async () => {
    const offer = await moldeOffer();
    const { id } = written(await call(moldeEditor, add, { input: { offerId: offer.id, ...period } }));
    for (const viewer of [trondheimEditor, viewerWith([{ org: "mun:1506", role: "VIEWER" }])]) {
      await expectNothingWritten(async () => {
        const answers = [
          await call(viewer, add, { input: { offerId: offer.id, ...period } }),
          await call(viewer, update, { input: { id, version: 1, note: "Kapret" } }),
          await call(viewer, cancel, { id, version: 1 }),
        ];
        expect(answers.map((a) => a.__typename)).toEqual([
          "ForbiddenError",
          "ForbiddenError",
          "ForbiddenError",
        ]);
      });
    }
    const unknown = await call(moldeEditor, cancel, {
      id: "0195f3a0-1c2d-7e3f-8a4b-5c6d7e8f9a0b",
      version: 1,
    });
    expect(unknown.__typename).toBe("NotFoundError");
  });
});
