import type { Database } from "@samspill/database";
import { checkpointFollowing, nextCheckpoint, startOfUtcDay } from "@samspill/domain";
import { graphql } from "@samspill/graphql";
import { dueReminders } from "@samspill/mail";
import { seedDemoData } from "@samspill/seed";
import { seedId } from "@samspill/seed/ids";
import { type JobContext, jobs } from "@samspill/worker";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { successData, validationIssues } from "../../support/answers.js";
import { testDatabase } from "../../support/db.js";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";

// Plans keep time: measures are added and revised with audit, checkpoints are marked met and the
// worker's job moves recurring ones (and the LMS plan's twice-yearly team-meeting review) on; an
// offer's five-year review is marked done, which moves its reminder.

let db: Database;
beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

const lms = "hmr-lms-2023-2025";
const lmsEditor = () => testGateway(db, viewerWith([{ org: "hf:hmr", role: "EDITOR" }]));
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString().slice(0, 10));
const today = startOfUtcDay();

const advanceCheckpointsJob = jobs.find((j) => j.name === "checkpoints.advance")!;

/** Runs the scheduled job's handler as the worker would. */
const runJob = () =>
  advanceCheckpointsJob.handle({}, {
    db,
    log: pino({ level: "silent" }),
  } as unknown as JobContext) as Promise<{
    measures: number;
    plans: number;
  }>;

const addMeasure = graphql(`mutation Add($input: AddMeasureInput!) {
  addMeasure(input: $input) {
    __typename
    ... on MutationAddMeasureSuccess { data { id key ordinal cadence nextCheckpointOn responsibleRaw version plan { revisedOn } } }
    ... on ValidationError { issues { field code } }
  }
}`);
const reviseMeasure = graphql(`mutation Revise($input: ReviseMeasureInput!) {
  reviseMeasure(input: $input) {
    __typename
    ... on MutationReviseMeasureSuccess { data { id text cadence status removed nextCheckpointOn version progressNotes { text statusAfter } } }
    ... on ValidationError { issues { field code } }
  }
}`);
const meet = graphql(`mutation Meet($input: MeetCheckpointInput!) {
  meetMeasureCheckpoint(input: $input) {
    __typename
    ... on MutationMeetMeasureCheckpointSuccess { data { id nextCheckpointOn checkpointMetOn overdue version } }
    ... on ValidationError { issues { field code } }
  }
}`);
const meetReview = graphql(`mutation MeetReview($planId: ID!) {
  meetActionPlanReview(planId: $planId) {
    __typename
    ... on MutationMeetActionPlanReviewSuccess { data { reviewCadence nextReviewOn reviewMetOn } }
  }
}`);

describe("revising a plan", () => {
  const planId = seedId(`plan:${lms}`);

  it("adds a measure numbered after its section's last, scheduled from its cadence, with audit", async () => {
    const { data, errors } = await lmsEditor().query(addMeasure, {
      input: {
        planId,
        section: "2.4.4",
        text: "Gjennomgå tilbudsoversikten med kommunene hvert kvartal.",
        responsibleParties: ["Marita", "Koordinator"],
        checkpointRaw: "Kvartalsvis",
        cadence: "QUARTERLY",
      },
    });
    expect(errors).toBeUndefined();
    const added = successData(data!.addMeasure);
    const last = await db.measure.aggregate({
      where: { planId, section: "2.4.4", id: { not: added.id } },
      _max: { ordinal: true },
    });
    expect(added).toMatchObject({
      ordinal: last._max.ordinal! + 1,
      key: `2.4.4-${last._max.ordinal! + 1}`,
      cadence: "QUARTERLY",
      responsibleRaw: "Marita/Koordinator",
      plan: { revisedOn: iso(today) },
    });
    const rule = {
      cadence: "QUARTERLY" as const,
      checkpointYear: null,
      cadenceYears: null,
      cadenceMonth: null,
      startYear: null,
    };
    expect(added.nextCheckpointOn).toBe(iso(nextCheckpoint(rule, today)));
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { entityId: added.id },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({ action: "measure.add", organisationId: orgId("hf:hmr") });
  });

  it("refuses a schedule that does not hold together, and a section the plan lacks", async () => {
    const base = { planId, text: "Nytt tiltak", responsibleParties: ["Alle"] };
    const everyN = await lmsEditor().query(addMeasure, {
      input: { ...base, section: "2.4.4", cadence: "EVERY_N_YEARS" },
    });
    expect(validationIssues(everyN.data!.addMeasure)).toEqual([
      { field: "cadenceYears", code: "cadence_years_mismatch" },
    ]);
    const section = await lmsEditor().query(addMeasure, {
      input: { ...base, section: "9.9.9", cadence: "CONTINUOUS" },
    });
    expect(validationIssues(section.data!.addMeasure)).toEqual([
      { field: "section", code: "unknown_section" },
    ]);
  });

  it("revises the schedule (the next checkpoint follows) and removes a measure as history", async () => {
    const id = seedId(`measure:${lms}:2.2.1-5`);
    const before = await db.measure.findUniqueOrThrow({ where: { id } });
    const revised = await lmsEditor().query(reviseMeasure, {
      input: {
        id,
        version: before.version,
        cadence: "HALF_YEARLY",
        checkpointRaw: "Halvårlig",
        reason: "Revidert plan",
      },
    });
    const data = successData(revised.data!.reviseMeasure);
    expect(data).toMatchObject({ cadence: "HALF_YEARLY", version: before.version + 1, text: before.text });
    expect(data.nextCheckpointOn).toBe(iso(nextCheckpoint({ ...before, cadence: "HALF_YEARLY" }, today)));
    const removed = await lmsEditor().query(reviseMeasure, {
      input: { id, version: data.version, removed: true, reason: "Tatt inn i 2.2.1 a" },
    });
    expect(successData(removed.data!.reviseMeasure)).toMatchObject({
      removed: true,
      status: "REMOVED",
      nextCheckpointOn: null,
      progressNotes: [{ text: "Tatt inn i 2.2.1 a", statusAfter: "REMOVED" }, { text: "Revidert plan" }],
    });
    const actions = await db.auditEntry.findMany({
      where: { entityId: id },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action).slice(-2)).toEqual(["measure.revise", "measure.remove"]);
  });
});

describe("checkpoints that recur", () => {
  it("moves a half-yearly checkpoint on once met, by the scheduled job, once", async () => {
    const id = seedId(`measure:${lms}:2.4.4-1`);
    const before = await db.measure.findUniqueOrThrow({ where: { id } });
    expect(before).toMatchObject({ cadence: "HALF_YEARLY", checkpointRaw: "Halvårlig" });
    const due = before.nextCheckpointOn!;
    const met = await lmsEditor().query(meet, {
      input: { id, version: before.version, note: "Gjennomgått" },
    });
    expect(successData(met.data!.meetMeasureCheckpoint)).toMatchObject({
      nextCheckpointOn: iso(due),
      checkpointMetOn: iso(today),
      overdue: false,
    });

    expect((await runJob()).measures).toBeGreaterThanOrEqual(1);
    const after = await db.measure.findUniqueOrThrow({ where: { id } });
    const expected = checkpointFollowing(before, due, today)!;
    expect(iso(after.nextCheckpointOn)).toBe(iso(expected));
    // Six months on, the last day of June or December.
    expect(iso(expected)).toMatch(/-(06-30|12-31)$/);
    expect(after.checkpointMetOn).toBeNull();
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: id }, orderBy: { id: "desc" } });
    expect(audit.action).toBe("measure.checkpoint_advanced");

    // Run again (a retry, a second replica): nothing moves twice.
    await runJob();
    expect(iso((await db.measure.findUniqueOrThrow({ where: { id } })).nextCheckpointOn)).toBe(iso(expected));
  });

  it("leaves a met one-off checkpoint with none after it, and refuses to mark continuous work", async () => {
    const once = await db.measure.findUniqueOrThrow({ where: { id: seedId(`measure:${lms}:2.3.2-7`) } });
    expect(once.cadence).toBe("ONCE");
    await lmsEditor().query(meet, { input: { id: once.id, version: once.version } });
    await runJob();
    expect((await db.measure.findUniqueOrThrow({ where: { id: once.id } })).nextCheckpointOn).toBeNull();

    const continuous = await db.measure.findUniqueOrThrow({
      where: { id: seedId(`measure:${lms}:2.4.4-2`) },
    });
    const refused = await lmsEditor().query(meet, {
      input: { id: continuous.id, version: continuous.version },
    });
    expect(validationIssues(refused.data!.meetMeasureCheckpoint)).toEqual([
      { field: "id", code: "no_checkpoint" },
    ]);
  });

  it("keeps the LMS plan's twice-yearly team-meeting review as a checkpoint that moves on", async () => {
    const planId = seedId(`plan:${lms}`);
    const plan = await db.actionPlan.findUniqueOrThrow({ where: { id: planId } });
    expect(plan.reviewCadence).toBe("HALF_YEARLY");
    expect(plan.reviewRaw).toMatch(/teammøter for LMS to ganger i året/);
    expect(iso(plan.nextReviewOn)).toMatch(/-(06-30|12-31)$/);
    const met = await lmsEditor().query(meetReview, { planId });
    expect(successData(met.data!.meetActionPlanReview)).toMatchObject({ reviewMetOn: iso(today) });
    expect((await runJob()).plans).toBe(1);
    const after = await db.actionPlan.findUniqueOrThrow({ where: { id: planId } });
    const noSchedule = { checkpointYear: null, cadenceYears: null, cadenceMonth: null, startYear: null };
    const next = checkpointFollowing({ ...noSchedule, cadence: "HALF_YEARLY" }, plan.nextReviewOn!, today);
    expect(iso(after.nextReviewOn)).toBe(iso(next));
    expect(after.reviewMetOn).toBeNull();
    expect((await runJob()).plans).toBe(0);
  });

  it("refuses a plan's follow-ups to an editor of another organisation", async () => {
    const id = seedId(`measure:${lms}:2.1.2-4`);
    const { version } = await db.measure.findUniqueOrThrow({ where: { id } });
    const outsider = testGateway(db, viewerWith([{ org: "rhf:hmn", role: "ADMIN" }]));
    const answer = await outsider.query(meet, { input: { id, version } });
    expect(answer.data?.meetMeasureCheckpoint?.__typename ?? "refused").not.toBe(
      "MutationMeetMeasureCheckpointSuccess",
    );
    expect((await db.measure.findUniqueOrThrow({ where: { id } })).checkpointMetOn).toBeNull();
  });
});

describe("an offer's five-year review", () => {
  const id = seedId("offer:hmr-diabetes2");
  const markReviewed = graphql(`mutation Reviewed($id: ID!, $version: Int!, $reviewedOn: String) {
    markOfferReviewed(id: $id, version: $version, reviewedOn: $reviewedOn) {
      __typename
      ... on MutationMarkOfferReviewedSuccess { data { id lastReviewedOn reviewDueOn version } }
      ... on ValidationError { issues { field code } }
    }
  }`);
  const reviewReminders = async () =>
    (await dueReminders(db, new Date())).filter((r) => r.kind === "REVIEW_DUE" && r.offerId === id);

  it("is marked done by the provider's editor, which moves the next review, and its reminder, five years on", async () => {
    const soon = new Date(today.getTime() + 10 * 86_400_000);
    const { version } = await db.offer.update({
      where: { id },
      data: { reviewDueOn: soon },
      select: { version: true },
    });
    expect(await reviewReminders()).toHaveLength(1);

    const future = await lmsEditor().query(markReviewed, { id, version, reviewedOn: "2099-01-01" });
    expect(validationIssues(future.data!.markOfferReviewed)).toEqual([
      { field: "reviewedOn", code: "review_in_future" },
    ]);

    const { data, errors } = await lmsEditor().query(markReviewed, { id, version });
    expect(errors).toBeUndefined();
    const inFive = new Date(Date.UTC(today.getUTCFullYear() + 5, today.getUTCMonth(), today.getUTCDate()));
    expect(successData(data!.markOfferReviewed)).toMatchObject({
      lastReviewedOn: iso(today),
      reviewDueOn: iso(inFive),
      version: version + 1,
    });
    expect(await reviewReminders()).toEqual([]);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: id }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ action: "offer.reviewed", organisationId: orgId("hf:hmr") });
    const event = await db.outboxEvent.findFirstOrThrow({
      where: { aggregateId: id },
      orderBy: { sequence: "desc" },
    });
    expect(event.type).toBe("offer.updated");
  });

  it("is refused to another organisation's editor", async () => {
    const { version, lastReviewedOn } = await db.offer.findUniqueOrThrow({ where: { id } });
    const other = testGateway(db, viewerWith([{ org: "mun:1506", role: "EDITOR" }]));
    const answer = await other.query(markReviewed, { id, version });
    expect(answer.data?.markOfferReviewed?.__typename ?? "refused").not.toBe(
      "MutationMarkOfferReviewedSuccess",
    );
    expect((await db.offer.findUniqueOrThrow({ where: { id } })).lastReviewedOn).toEqual(lastReviewedOn);
  });
});
