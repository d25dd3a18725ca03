import type { Database } from "@samspill/database";
import { graphql } from "@samspill/graphql";
import { seedDemoData } from "@samspill/seed";
import { seedId } from "@samspill/seed/ids";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { successData, validationIssues } from "../../support/answers.js";
import { testDatabase } from "../../support/db.js";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";

// Action plans are public; the owner's editors follow their measures up.

let db: Database;

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

const regional = "hmn-rhf-2023-2027";
const measureId = (plan: string, key: string) => seedId(`measure:${plan}:${key}`);
const eva = () => ({
  ...viewerWith([{ org: "rhf:hmn", role: "ADMIN" }], "Eva Strand"),
  personId: seedId("person:eva"),
});

const updateStatus = graphql(`mutation Status($input: UpdateMeasureStatusInput!) {
  updateMeasureStatus(input: $input) {
    __typename
    ... on MutationUpdateMeasureStatusSuccess {
      data { id status version nextCheckpointOn overdue progressNotes { text statusAfter authorName } }
    }
    ... on ValidationError { issues { field code messageNb } }
    ... on ConflictError { entityType expectedVersion currentVersion }
  }
}`);
const addNote = graphql(`mutation Note($input: AddMeasureProgressNoteInput!) {
  addMeasureProgressNote(input: $input) {
    __typename
    ... on MutationAddMeasureProgressNoteSuccess { data { id text statusAfter authorName measure { id version } } }
    ... on ValidationError { issues { field code } }
  }
}`);

describe("reading action plans", () => {
  it("lists the plans with their sections and measures, for anyone", async () => {
    const { data, errors } = await testGateway(db).query(
      graphql(`query($key: String!) {
        actionPlans { key owner { id } }
        actionPlan(key: $key) { title sections { number } measures(section: "2.1.2") { key section } }
      }`),
      { key: regional },
    );
    expect(errors).toBeUndefined();
    expect(data!.actionPlans.map((p) => p.key)).toEqual(
      expect.arrayContaining([regional, "hmr-lms-2023-2025"]),
    );
    expect(data!.actionPlans.find((p) => p.key === regional)!.owner.id).toBe(orgId("rhf:hmn"));
    expect(data!.actionPlan!.sections.map((s) => s.number)).toContain("2.4.4");
    expect(data!.actionPlan!.measures.length).toBeGreaterThan(1);
    expect(data!.actionPlan!.measures.every((m) => m.section === "2.1.2")).toBe(true);
  });

  it("lists measures due soonest first, filtered, and pages through them", async () => {
    const query = graphql(`query($filter: MeasureFilter, $first: Int, $after: String) {
      measures(filter: $filter, first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { node { key status removed nextCheckpointOn plan { key } } }
      }
    }`);
    const gw = testGateway(db);
    const plan = "hmr-lms-2023-2025";
    const first = await gw.query(query, { filter: { planKey: plan }, first: 30 });
    expect(first.errors).toBeUndefined();
    const second = await gw.query(query, {
      filter: { planKey: plan },
      first: 200,
      after: first.data!.measures.pageInfo.endCursor,
    });
    const nodes = [...first.data!.measures.edges, ...second.data!.measures.edges].map((e) => e.node);
    expect(first.data!.measures.pageInfo.hasNextPage).toBe(true);
    expect(new Set(nodes.map((n) => n.key)).size).toBe(nodes.length);
    expect(nodes.every((n) => n.plan.key === plan && !n.removed)).toBe(true);
    expect(second.data!.measures.pageInfo.hasNextPage).toBe(false);
    expect(nodes).toHaveLength(await db.measure.count({ where: { plan: { key: plan }, removed: false } }));
    // Soonest checkpoint first; measures without one (continuous work) last.
    const dates = nodes.map((n) => n.nextCheckpointOn);
    const dated = dates.filter((d): d is string => d !== null);
    const undated = dates.filter((d) => d === null);
    expect(dated.length).toBeGreaterThan(0);
    expect(undated.length).toBeGreaterThan(0);
    expect(dates).toEqual([...[...dated].sort(), ...undated]);

    const due = await gw.query(query, { filter: { dueBefore: "2026-01-01", section: "2.1" } });
    const dueNodes = due.data!.measures.edges.map((e) => e.node);
    expect(dueNodes.length).toBeGreaterThan(0);
    expect(dueNodes.every((n) => n.nextCheckpointOn! < "2026-01-01")).toBe(true);
    const removed = await gw.query(query, {
      filter: { planKey: "hmr-lms-2023-2025", includeRemoved: true, status: ["REMOVED"] },
    });
    expect(removed.data!.measures.edges.map((e) => e.node.key)).toContain("removed-2.1.2-6");
  });
});

describe("following up a measure", () => {
  const id = measureId(regional, "2.1.2-1");

  it("updates the status under the version, with audit and outbox in the same transaction", async () => {
    const before = await db.measure.findUniqueOrThrow({ where: { id } });
    const { data, errors } = await testGateway(db, eva()).query(updateStatus, {
      input: {
        id,
        version: before.version,
        status: "DONE",
        note: "Informasjon på fem språk er publisert.",
      },
    });
    expect(errors).toBeUndefined();
    expect(data!.updateMeasureStatus).toMatchObject({
      __typename: "MutationUpdateMeasureStatusSuccess",
      data: {
        status: "DONE",
        version: before.version + 1,
        nextCheckpointOn: null,
        overdue: false,
        progressNotes: [
          { text: "Informasjon på fem språk er publisert.", statusAfter: "DONE", authorName: "Eva Strand" },
        ],
      },
    });
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { entityType: "Measure", entityId: id },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({
      action: "measure.status",
      organisationId: orgId("rhf:hmn"),
      actorPersonId: seedId("person:eva"),
    });
    expect(audit.changes).toMatchObject({ status: { from: before.status, to: "DONE" } });
    const event = await db.outboxEvent.findFirstOrThrow({
      where: { aggregateId: id },
      orderBy: { sequence: "desc" },
    });
    expect(event).toMatchObject({
      type: "measure.updated",
      aggregateType: "Measure",
      organisationId: orgId("rhf:hmn"),
    });
    expect(event.payload).toEqual({ id, version: before.version + 1, planId: before.planId, status: "DONE" });
  });

  it("refuses a stale version with a ConflictError and changes nothing", async () => {
    const current = await db.measure.findUniqueOrThrow({ where: { id } });
    const audits = await db.auditEntry.count();
    const { data } = await testGateway(db, eva()).query(updateStatus, {
      input: { id, version: current.version - 1, status: "IN_PROGRESS", note: "Gjenåpnet" },
    });
    expect(data!.updateMeasureStatus).toMatchObject({
      __typename: "ConflictError",
      expectedVersion: current.version - 1,
      currentVersion: current.version,
    });
    expect(await db.measure.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: current.status,
      version: current.version,
    });
    expect(await db.measureProgressNote.count({ where: { measureId: id, text: "Gjenåpnet" } })).toBe(0);
    expect(await db.auditEntry.count()).toBe(audits);
  });

  it("restores checkpoints when work resumes", async () => {
    const current = await db.measure.findUniqueOrThrow({ where: { id } });
    const { data } = await testGateway(db, eva()).query(updateStatus, {
      input: { id, version: current.version, status: "IN_PROGRESS" },
    });
    // A one-off checkpoint in 2025 that was not met stays, overdue.
    expect(successData(data!.updateMeasureStatus)).toMatchObject({
      status: "IN_PROGRESS",
      nextCheckpointOn: "2025-12-31",
      overdue: true,
    });
  });

  it("does not set REMOVED as a status, nor follow up a removed measure", async () => {
    const current = await db.measure.findUniqueOrThrow({ where: { id } });
    const removedStatus = await testGateway(db, eva()).query(updateStatus, {
      input: { id, version: current.version, status: "REMOVED" },
    });
    expect(validationIssues(removedStatus.data!.updateMeasureStatus)).toEqual([
      expect.objectContaining({ field: "status", code: "not_settable" }),
    ]);
    const hmrEditor = viewerWith([{ org: "hf:hmr", role: "EDITOR" }]);
    const note = await testGateway(db, hmrEditor).query(addNote, {
      input: { measureId: measureId("hmr-lms-2023-2025", "removed-2.1.2-6"), text: "Hva skjedde?" },
    });
    expect(validationIssues(note.data!.addMeasureProgressNote)).toEqual([
      { field: "id", code: "measure_removed" },
    ]);
  });

  it("adds progress notes, named for signed-in readers only", async () => {
    const current = await db.measure.findUniqueOrThrow({ where: { id } });
    const { data } = await testGateway(db, eva()).query(addNote, {
      input: { measureId: id, text: "  Ny versjon på arabisk og somali er under arbeid.  " },
    });
    expect(data!.addMeasureProgressNote).toMatchObject({
      __typename: "MutationAddMeasureProgressNoteSuccess",
      data: {
        text: "Ny versjon på arabisk og somali er under arbeid.",
        statusAfter: null,
        authorName: "Eva Strand",
        measure: { id, version: current.version },
      },
    });
    const event = await db.outboxEvent.findFirstOrThrow({
      where: { aggregateId: id },
      orderBy: { sequence: "desc" },
    });
    expect(event.type).toBe("measure.updated");
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: id }, orderBy: { id: "desc" } });
    expect(audit.action).toBe("measure.note");
    const publicView = await testGateway(db).query(
      graphql(
        `query($key: String!) { actionPlan(key: $key) { measures(section: "2.1.2") { id progressNotes { text authorName } } } }`,
      ),
      { key: regional },
    );
    expect(publicView.errors).toBeUndefined();
    const notes = publicView.data!.actionPlan!.measures.find((m) => m.id === id)!.progressNotes;
    expect(notes[0]).toEqual({ text: "Ny versjon på arabisk og somali er under arbeid.", authorName: null });
  });

  it("is for the plan owner's admins and editors only", async () => {
    const current = await db.measure.findUniqueOrThrow({ where: { id } });
    const input = { id, version: current.version, status: "ONGOING" as const };
    for (const viewer of [
      viewerWith([{ org: "hf:hmr", role: "ADMIN" }]),
      viewerWith([{ org: "rhf:hmn", role: "VIEWER" }]),
      viewerWith([{ org: "rhf:hmn", role: "REPORTER" }]),
      null,
    ]) {
      const status = await testGateway(db, viewer).query(updateStatus, { input });
      const note = await testGateway(db, viewer).query(addNote, {
        input: { measureId: id, text: "Uvedkommende" },
      });
      // Signed out: refused before the resolver. Signed in: the command refuses once it has
      // read the plan's owner, with a typed ForbiddenError.
      for (const answer of [status, note]) {
        if (viewer) expect(Object.values(answer.data ?? {})[0]).toEqual({ __typename: "ForbiddenError" });
        else expect(answer.errors?.[0]?.message).toMatch(/not authorized/i);
      }
    }
    const editor = viewerWith([{ org: "rhf:hmn", role: "EDITOR" }]);
    const ok = await testGateway(db, editor).query(updateStatus, { input });
    expect(ok.data!.updateMeasureStatus.__typename).toBe("MutationUpdateMeasureStatusSuccess");
  });
});
