import { createOffer, publishOffer, systemActor, unitOf } from "@samspill/commands";
import type { Database } from "@samspill/database";
import type { Role } from "@samspill/domain";
import { type OfferSnapshot, queueNames, toEventJob } from "@samspill/events";
import type { Viewer } from "@samspill/gateway/context";
import { graphql } from "@samspill/graphql";
import { osloDay } from "@samspill/mail";
import { projectOffer } from "@samspill/read-model";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { successData, validationIssues } from "../../support/answers.js";
import { testDatabase } from "../../support/db.js";
import { orgId, testGateway } from "../../support/gateway.js";
import { captureWrites, writeCounts } from "../../support/writes.js";
import { type MailHarness, startMailHarness } from "../summaries/mail-harness.js";

// A forum flag has an owner, a due date and a state; a decision of a forum meeting resolves it
// and the two point at each other; the owner hears of it once when raised and once as the due
// date nears; and each forum review freezes the overview, so the next one shows what changed.
// The health community here is the test's own (with Molde as its member), so no seed data mixes in.

let db: Database;
let community: string;
let otherCommunity: string;
const molde = () => orgId("mun:1506");
const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const as = (organisationId: string, role: Role): Viewer => ({
  kind: "PERSON",
  personId: null,
  tokenId: null,
  name: "Forummedlem",
  memberships: [{ organisationId, role }],
});

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  const made = async (name: string) => {
    const org = await db.organisation.create({
      data: { kind: "HEALTH_COMMUNITY", name: `${name} ${suffix}` },
    });
    await db.healthCommunityMember.create({ data: { healthCommunityId: org.id, organisationId: molde() } });
    return org.id;
  };
  community = await made("Helsefellesskap for flagg");
  otherCommunity = await made("Et annet helsefellesskap");
});
afterAll(() => db.$disconnect());

const raise = graphql(`mutation($input: RaiseForumFlagInput!) { raiseForumFlag(input: $input) {
  __typename
  ... on MutationRaiseForumFlagSuccess { data {
    id kind state dueOn version owner { id } resolvedBy { id }
    gap { municipalityNumber municipalityName language audience }
  } }
  ... on ValidationError { issues { field code } }
  ... on Error { message } } }`);
const resolve = graphql(`mutation($input: ResolveForumFlagsInput!) { resolveForumFlags(input: $input) {
  __typename
  ... on MutationResolveForumFlagsSuccess { data { id text resolvesFlags { id state } } }
  ... on ValidationError { issues { field code } }
  ... on Error { message } } }`);
const dismiss = graphql(`mutation($input: DismissForumFlagInput!) { dismissForumFlag(input: $input) {
  __typename
  ... on MutationDismissForumFlagSuccess { data { id state dismissReason } }
  ... on Error { message } } }`);
const flagQuery = graphql(`query($id: ID!) { forumFlag(id: $id) {
  id state closedAt resolvedBy { id text meetingPoint { id } } } }`);
const flagsQuery = graphql(`query($id: ID!, $state: ForumFlagState) {
  forumFlags(healthCommunityId: $id, state: $state, first: 50) { totalCount edges { node { id state } } } }`);
const recordReview = graphql(`mutation($input: RecordForumReviewInput!) { recordForumReview(input: $input) {
  __typename
  ... on MutationRecordForumReviewSuccess { data { id changesSinceLastReview {
    previousReviewId openFlagsBefore openFlagsAfter changeCount
    changes(limit: 2000) { municipalityNumber dimension value before after } } } }
  ... on Error { message } } }`);

const inDays = (days: number) => osloDay(new Date(), days).toISOString().slice(0, 10);

function gapFlag(overrides: Record<string, unknown> = {}) {
  return {
    healthCommunityId: community,
    kind: "GAP" as const,
    gap: { municipalityNumber: "1506", language: "sma", audience: "PATIENT" },
    ownerId: molde(),
    dueOn: inDays(60),
    note: "Ingen tilbud på sørsamisk i Molde",
    ...overrides,
  };
}

async function forumMeeting(healthCommunityId: string) {
  return db.meetingPoint.create({
    data: {
      kind: "HEALTH_COMMUNITY_FORUM",
      title: `Forummøte ${suffix}`,
      organiserId: orgId("hf:hmr"),
      healthCommunityId,
      startsAt: new Date("2031-11-04T09:00:00Z"),
      endsAt: new Date("2031-11-04T12:00:00Z"),
    },
  });
}

async function raised(overrides: Record<string, unknown> = {}) {
  const answer = await testGateway(db, as(community, "FORUM_MEMBER")).query(raise, {
    input: gapFlag(overrides),
  });
  return successData(answer.data?.raiseForumFlag);
}

describe("forum flags", () => {
  it("are raised by a forum member with an audit entry and a forum_flag.raised event", async () => {
    const { result, audits, events } = await captureWrites(db, () =>
      testGateway(db, as(community, "FORUM_MEMBER")).query(raise, { input: gapFlag() }),
    );
    const flag = successData(result.data?.raiseForumFlag);
    expect(flag).toMatchObject({
      kind: "GAP",
      state: "OPEN",
      owner: { id: molde() },
      resolvedBy: null,
      gap: { municipalityNumber: "1506", municipalityName: "Molde", language: "sma", audience: "PATIENT" },
    });
    expect(audits.map((a) => [a.action, a.entityId])).toEqual([["forum_flag.raise", flag.id]]);
    expect(events.map((e) => [e.type, e.aggregateId])).toEqual([["forum_flag.raised", flag.id]]);
    // The owner's members see the flag they answer for; the forum lists it among the open ones.
    const seen = await testGateway(db, as(molde(), "VIEWER")).query(flagQuery, { id: flag.id });
    expect(seen.data?.forumFlag?.state).toBe("OPEN");
    const open = await testGateway(db, as(community, "FORUM_MEMBER")).query(flagsQuery, {
      id: community,
      state: "OPEN",
    });
    expect(open.data?.forumFlags.edges.map((e) => e.node.id)).toContain(flag.id);
  });

  it("refuse an owner outside the community, a flag with two subjects and a due date passed", async () => {
    const forum = testGateway(db, as(community, "FORUM_MEMBER"));
    const issues = async (input: Record<string, unknown>) =>
      validationIssues((await forum.query(raise, { input: gapFlag(input) })).data?.raiseForumFlag)?.map(
        (i) => i.code,
      );
    expect(await issues({ ownerId: orgId("mun:5001") })).toEqual(["not_in_health_community"]);
    expect(await issues({ agreementId: "0190f1c4-0000-7000-8000-000000000000" })).toEqual(["one_subject"]);
    expect(await issues({ dueOn: "2020-01-01" })).toEqual(["due_in_past"]);
  });

  it("cannot be raised, resolved or dismissed by another community's forum, and nothing is written", async () => {
    const flag = await raised();
    const outsider = testGateway(db, as(otherCommunity, "FORUM_MEMBER"));
    const before = await writeCounts(db);
    const raisedByOutsider = await outsider.query(raise, { input: gapFlag() });
    expect(raisedByOutsider.data?.raiseForumFlag ?? null).toBeNull();
    // Its own forum meeting cannot resolve another community's flag.
    const ownMeeting = await forumMeeting(otherCommunity);
    const resolved = await outsider.query(resolve, {
      input: { meetingPointId: ownMeeting.id, flagIds: [flag.id], decision: "Vi løser andres flagg" },
    });
    expect(resolved.data?.resolveForumFlags.__typename).toBe("ForbiddenError");
    const dismissed = await outsider.query(dismiss, { input: { id: flag.id, version: 1, reason: "Nei" } });
    expect(dismissed.data?.dismissForumFlag.__typename).toBe("ForbiddenError");
    // Nor can the flag's own forum resolve it in another community's meeting.
    const inForeignMeeting = await testGateway(db, as(community, "FORUM_MEMBER")).query(resolve, {
      input: { meetingPointId: ownMeeting.id, flagIds: [flag.id], decision: "Feil møte" },
    });
    expect(inForeignMeeting.data?.resolveForumFlags.__typename).toBe("ForbiddenError");
    expect(await outsider.query(flagQuery, { id: flag.id })).toMatchObject({ data: { forumFlag: null } });
    expect(await writeCounts(db)).toEqual(before);
  });

  it("are resolved by a meeting decision, linked both ways, once", async () => {
    const [first, second] = [await raised(), await raised({ kind: "TASK_DIVISION_CONFLICT" })];
    const meeting = await forumMeeting(community);
    const forum = testGateway(db, as(community, "FORUM_MEMBER"));
    const { result, audits, events } = await captureWrites(db, () =>
      forum.query(resolve, {
        input: {
          meetingPointId: meeting.id,
          flagIds: [first.id, second.id],
          decision: "Molde kommune starter kurs på sørsamisk",
        },
      }),
    );
    const decision = successData(result.data?.resolveForumFlags);
    expect(decision.resolvesFlags.map((f) => [f.id, f.state]).sort()).toEqual(
      [
        [first.id, "RESOLVED"],
        [second.id, "RESOLVED"],
      ].sort(),
    );
    const flag = await forum.query(flagQuery, { id: first.id });
    expect(flag.data?.forumFlag).toMatchObject({
      state: "RESOLVED",
      resolvedBy: {
        id: decision.id,
        text: "Molde kommune starter kurs på sørsamisk",
        meetingPoint: { id: meeting.id },
      },
    });
    expect(flag.data?.forumFlag?.closedAt).not.toBeNull();
    expect(audits.map((a) => a.action).sort()).toEqual(
      ["forum_flag.resolve", "forum_flag.resolve", "meeting_point.decision"].sort(),
    );
    expect(
      events
        .filter((e) => e.type === "forum_flag.resolved")
        .map((e) => e.aggregateId)
        .sort(),
    ).toEqual([first.id, second.id].sort());
    const again = await forum.query(resolve, {
      input: { meetingPointId: meeting.id, flagIds: [first.id], decision: "Igjen" },
    });
    expect(validationIssues(again.data?.resolveForumFlags)?.map((i) => i.code)).toEqual(["flag_not_open"]);
  });

  it("can be dismissed with a reason, at the version the forum saw", async () => {
    const flag = await raised();
    const forum = testGateway(db, as(community, "FORUM_MEMBER"));
    const answer = await forum.query(dismiss, {
      input: { id: flag.id, version: 1, reason: "Dekket av Ålesund" },
    });
    expect(successData(answer.data?.dismissForumFlag)).toMatchObject({
      state: "DISMISSED",
      dismissReason: "Dekket av Ålesund",
    });
    const dismissed = await forum.query(flagsQuery, { id: community, state: "DISMISSED" });
    expect(dismissed.data?.forumFlags.edges.map((e) => e.node.id)).toContain(flag.id);
  });
});

describe("forum flag mail", () => {
  let mail: MailHarness;
  let editor: { email: string };
  beforeAll(async () => {
    mail = await startMailHarness(db, `forum-flags-${suffix}`);
    editor = await db.person.create({
      data: {
        name: "Redaktør i Molde",
        email: `flag-editor-${suffix}@test.samspill.no`,
        memberships: { create: { organisationId: molde(), role: "EDITOR" } },
      },
    });
  });
  afterAll(() => mail.stop());

  /** The job the relay would add for the flag's `forum_flag.raised` event. */
  const eventJob = async (flagId: string) =>
    toEventJob(
      await db.outboxEvent.findFirstOrThrow({ where: { aggregateId: flagId, type: "forum_flag.raised" } }),
    ).data;

  it("tells the owner's editors once when a flag is raised, however often the job runs", async () => {
    const flag = await raised({ note: `Melding ${suffix}` });
    const job = await eventJob(flag.id);
    await mail.run(queueNames.events, "forum_flag.raised", job);
    await mail.run(queueNames.events, "forum_flag.raised", job);
    const mails = mail.to(editor.email).filter((m) => m.text.includes(`Melding ${suffix}`));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toMatch(/nytt flagg/);
    expect(mails[0]?.text).toContain(`https://samspill.test/forum-flags/${flag.id}`);
  });

  it("reminds the owner once as the due date nears, and not of flags due later", async () => {
    const soon = await raised({ dueOn: inDays(5), note: `Snart ${suffix}` });
    await raised({ dueOn: inDays(200), note: `Senere ${suffix}` });
    await mail.run(queueNames.reminders, "forum_flags.due");
    await mail.run(queueNames.reminders, "forum_flags.due");
    const due = mail.to(editor.email).filter((m) => /frist/i.test(m.subject));
    expect(due.filter((m) => m.text.includes(`Snart ${suffix}`))).toHaveLength(1);
    expect(due.filter((m) => m.text.includes(`Senere ${suffix}`))).toHaveLength(0);
    const claim = await db.sentSummary.findFirstOrThrow({
      where: { recipient: editor.email, periodKey: { startsWith: `forum-flag:${soon.id}:due:` } },
    });
    expect(claim.status).toBe("SENT");
  });
});

describe("forum review snapshots", () => {
  it("freeze the overview, so the next review shows what changed since", async () => {
    const forum = testGateway(db, as(community, "FORUM_MEMBER"));
    const meeting = await forumMeeting(community);
    const review = (findings: string) =>
      forum.query(recordReview, {
        input: { meetingPointId: meeting.id, healthCommunityId: community, findings },
      });
    const first = successData((await review("Første gjennomgang")).data?.recordForumReview);
    expect(first.changesSinceLastReview).toBeNull();
    const stored = await db.forumReview.findUniqueOrThrow({ where: { id: first.id } });
    expect(stored.snapshot).toMatchObject({
      version: 1,
      municipalities: [{ number: "1506", name: "Molde" }],
    });
    const openBefore = await db.forumFlag.count({ where: { healthCommunityId: community, state: "OPEN" } });

    // Molde publishes a course in Tigrinya (projected as the worker would), and a flag is raised.
    const unit = unitOf(db);
    const actor = systemActor("test");
    const offer = await createOffer(unit, actor, {
      providerId: molde(),
      title: `Mestringskurs på tigrinja ${suffix}`,
      summary: "Kurs",
      kind: "GROUP_COURSE",
      diagnosisScope: "DIAGNOSIS_INDEPENDENT",
      format: "PHYSICAL",
      location: "Molde",
      contactEmail: "kurs@molde.example",
      audiences: ["PATIENTS"],
      languages: ["ti"],
      municipalityNumbers: ["1506"],
    });
    await publishOffer(unit, actor, { id: offer.id, version: 1 });
    const event = await db.outboxEvent.findFirstOrThrow({
      where: { aggregateId: offer.id, type: "offer.status_changed" },
      orderBy: { sequence: "desc" },
    });
    await projectOffer(db, (event.payload as { offer: OfferSnapshot }).offer, event.sequence);
    await raised();

    const second = successData((await review("Andre gjennomgang")).data?.recordForumReview);
    const changes = second.changesSinceLastReview;
    expect(changes?.previousReviewId).toBe(first.id);
    expect(changes?.openFlagsAfter).toBe(openBefore + 1);
    const tigrinya = changes?.changes.find((c) => c.dimension === "LANGUAGE" && c.value === "ti");
    expect(tigrinya).toMatchObject({ municipalityNumber: "1506" });
    expect(tigrinya!.after).toBe(tigrinya!.before + 1);
    expect(changes?.changes.find((c) => c.dimension === "TOTAL")).toMatchObject({
      municipalityNumber: "1506",
    });
  });
});
