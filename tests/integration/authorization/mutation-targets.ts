import { randomUUID } from "node:crypto";
import {
  type Actor,
  addSession,
  createApiToken,
  createMyCalendarFeed,
  createUnit,
  importActionPlan,
  importMeasure,
  linkOfferToAgreement,
  raiseForumFlag,
  signUpForSession,
  systemActor,
} from "@samspill/commands";
import type { Database } from "@samspill/database";
import type { Viewer } from "@samspill/gateway";
import { seedId } from "@samspill/seed/ids";
import { orgId, viewerWith } from "../../support/gateway.js";
import { createForeignObjects, type ForeignObjects, ownerAdmin, ownerKey } from "./foreign-objects.js";

// What the mutation suite aims at besides foreign-objects.ts: the owner's action plan and
// measure, unit, member, a second forum flag, a second past run, private sign-up links and a
// calendar feed. Made through the commands like the rest (people and plans are the system's).

export const community = orgId("hf-community:mr");

export interface MutationTargets extends ForeignObjects {
  planId: string;
  measureId: string;
  unitId: string;
  membershipId: string;
  /** A second token of the owner, for revoking (the first is the expired outsider's). */
  revocableTokenId: string;
  /** A second open flag of the community on the owner, resolved in a forum meeting. */
  resolvableFlagId: string;
  /** The community's forum meeting (seed). */
  forumMeetingId: string;
  /** A run last month with one confirmed participant and no attendance yet. */
  unmarkedRunId: string;
  unmarkedSignUpId: string;
  /** Private links of public sign-ups to the published offer's next run; `seat` holds an offered seat. */
  links: { update: string; cancel: string; delete: string; seat: string };
  linkIds: { update: string; cancel: string; delete: string; seat: string };
}

/** The callers for whom each control succeeds. */
export const controls = {
  owner: viewerWith([{ org: ownerKey, role: "ADMIN" }]),
  forum: viewerWith([{ org: "hf-community:mr", role: "FORUM_MEMBER" }]),
  userOrganisation: viewerWith([{ org: "uo:ffo", role: "ADMIN" }]),
  regionalAdmin: viewerWith([{ org: "rhf:hmn", role: "ADMIN" }]),
  /** The owner's member as the person they are (their own language, subscriptions, feed). */
  member: (t: Pick<ForeignObjects, "personId" | "organisationId">): Viewer => ({
    kind: "PERSON",
    personId: t.personId,
    tokenId: null,
    name: "Molde member",
    memberships: [{ organisationId: t.organisationId, role: "EDITOR" }],
  }),
};

export async function createMutationTargets(db: Database): Promise<MutationTargets> {
  const f = await createForeignObjects(db);
  const { actor, unit } = ownerAdmin(db);
  const system = systemActor();
  const planId = randomUUID();
  await importActionPlan(unit, system, {
    id: planId,
    key: `plan-${planId}`,
    title: `${f.secret} plan`,
    ownerId: f.organisationId,
    periodStart: 2025,
    periodEnd: 2028,
    revisedOn: null,
    reviewRaw: "To ganger i året",
    reviewCadence: "HALF_YEARLY",
    nextReviewOn: new Date("2027-01-01T00:00:00Z"),
    sections: [{ number: "1.1", title: "Opplæring" }],
  });
  const measureId = randomUUID();
  await importMeasure(unit, system, {
    id: measureId,
    planId,
    key: "1.1-1",
    section: "1.1",
    ordinal: 1,
    text: `${f.secret} measure`,
    responsibleRaw: "Molde",
    responsibleParties: ["Molde"],
    startRaw: "2025",
    startYear: 2025,
    checkpointRaw: "Årlig",
    checkpointYear: null,
    cadence: "ANNUAL",
    cadenceYears: null,
    cadenceMonth: null,
    removed: false,
    note: null,
    nextCheckpointOn: new Date("2027-01-01T00:00:00Z"),
    initialStatus: "IN_PROGRESS",
  });
  const made = await createUnit(unit, actor, {
    organisationId: f.organisationId,
    kind: "CLINIC",
    name: `${f.secret} unit`,
  });
  const membership = await db.membership.findFirstOrThrow({ where: { personId: f.personId } });
  const token = await createApiToken(unit, actor, {
    organisationId: f.organisationId,
    name: `${f.secret} second token`,
    role: "EDITOR",
  });
  const forumMember: Actor = controls.forum;
  const flag = await raiseForumFlag(unit, forumMember, {
    healthCommunityId: community,
    kind: "STALE_OFFER",
    offerId: f.publishedOfferId,
    ownerId: f.organisationId,
    dueOn: "2099-01-01",
    note: `${f.secret} second flag note`,
  });

  const unmarkedRun = await addSession(unit, actor, {
    offerId: f.publishedOfferId,
    startsAt: new Date(Date.now() - 20 * 86_400_000).toISOString(),
    endsAt: new Date(Date.now() - 20 * 86_400_000 + 7_200_000).toISOString(),
  });
  // Sign-ups close at the start, so the past participant is written as the command left it.
  const unmarked = await db.sessionSignUp.create({
    data: {
      sessionId: unmarkedRun.id,
      status: "CONFIRMED",
      sequence: 1,
      role: "PATIENT",
      name: `${f.secret} Unmarked`,
      email: `unmarked-${f.secret.toLowerCase()}@molde.example`,
      consentedAt: new Date(Date.now() - 30 * 86_400_000),
      retentionMonths: 6,
    },
  });

  const nextRun = await addSession(unit, actor, {
    offerId: f.publishedOfferId,
    startsAt: "2027-06-01T10:00:00Z",
    endsAt: "2027-06-01T12:00:00Z",
    capacity: 10,
  });
  const signUp = (who: string) =>
    signUpForSession(
      unit,
      null,
      {
        sessionId: nextRun.id,
        role: "PATIENT",
        name: `${f.secret} ${who}`,
        email: `${who}-${f.secret.toLowerCase()}@molde.example`,
        consent: true,
      },
      { retentionMonths: 6 },
    );
  const [update, cancel, del, seat] = [
    await signUp("update"),
    await signUp("cancel"),
    await signUp("delete"),
    await signUp("seat"),
  ];
  // A seat freed and offered to the last in line, as the waiting list leaves it.
  await db.sessionSignUp.update({
    where: { id: seat.id },
    data: { status: "OFFERED", offeredUntil: new Date(Date.now() + 86_400_000) },
  });
  // Linked here so an outsider's unlink has a link to break.
  await linkOfferToAgreement(unit, actor, { agreementId: f.agreementId, offerId: f.draftOfferId });
  await createMyCalendarFeed(unit, controls.member(f));

  return {
    ...f,
    planId,
    measureId,
    unitId: made.id,
    membershipId: membership.id,
    revocableTokenId: token.id,
    resolvableFlagId: flag.id,
    forumMeetingId: seedId("meeting:mr-forum-autumn"),
    unmarkedRunId: unmarkedRun.id,
    unmarkedSignUpId: unmarked.id,
    links: { update: update.token, cancel: cancel.token, delete: del.token, seat: seat.token },
    linkIds: { update: update.id, cancel: cancel.id, delete: del.id, seat: seat.id },
  };
}
