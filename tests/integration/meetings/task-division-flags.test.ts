import { readFileSync } from "node:fs";
import {
  type Actor,
  createOffer,
  dismissForumFlag,
  resolveForumFlags,
  taskDivisionFlagDueDays,
  unitOf,
  updateOffer,
} from "@samspill/commands";
import type { Database } from "@samspill/database";
import type { Role } from "@samspill/domain";
import type { OfferSnapshot } from "@samspill/events";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";

// The old review marker (Offer.flaggedForReview, a municipality's diagnosis-specific offer) is
// asked as a forum flag: the offer commands raise an open TASK_DIVISION_CONFLICT flag owned by
// the provider, due in 90 days, raised by no person; resolving or dismissing it clears the
// marker, an edit does not ask again what the forum answered, and the migration raises the flag
// once for each offer marked before. The municipality and its health community are the test's own.

let db: Database;
let municipality: string;
let community: string;
const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const unit = () => unitOf(db);

const as = (organisationId: string, role: Role): Actor => ({
  kind: "PERSON",
  personId: null,
  tokenId: null,
  name: "Test",
  memberships: [{ organisationId, role }],
});
const editor = () => as(municipality, "EDITOR");
const day = (d: Date) => d.toISOString().slice(0, 10);

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  municipality = (
    await db.organisation.create({ data: { kind: "MUNICIPALITY", name: `Testkommune ${suffix}` } })
  ).id;
  community = (
    await db.organisation.create({ data: { kind: "HEALTH_COMMUNITY", name: `Testfellesskap ${suffix}` } })
  ).id;
  await db.healthCommunityMember.create({
    data: { healthCommunityId: community, organisationId: municipality },
  });
});
afterAll(() => db.$disconnect());

const specificOffer = (title: string) =>
  createOffer(unit(), editor(), {
    providerId: municipality,
    title: `${title} ${suffix}`,
    summary: "Kurs",
    kind: "GROUP_COURSE",
    diagnosisScope: "DIAGNOSIS_SPECIFIC",
    diagnosisCodes: ["E11"],
    format: "PHYSICAL",
    location: "Molde",
    contactEmail: "kurs@test.example",
    audiences: ["PATIENTS"],
    municipalityNumbers: ["1506"],
  });
const flagsOf = (offerId: string) =>
  db.forumFlag.findMany({ where: { offerId }, orderBy: { createdAt: "asc" } });
const offerOf = (id: string) => db.offer.findUniqueOrThrow({ where: { id } });
const edit = async (id: string, change: Record<string, unknown>) => {
  const { version } = await offerOf(id);
  await updateOffer(unit(), editor(), { id, version, ...change });
};
async function forumMeeting() {
  return db.meetingPoint.create({
    data: {
      kind: "HEALTH_COMMUNITY_FORUM",
      title: `Forummøte ${suffix}`,
      organiserId: community,
      healthCommunityId: community,
      startsAt: new Date("2031-11-04T09:00:00Z"),
      endsAt: new Date("2031-11-04T12:00:00Z"),
    },
  });
}

/** A provider's API token that may write offers only: the flag its offer entails is no meeting write of its own. */
const offersToken = (): Actor => ({
  kind: "API_TOKEN",
  personId: null,
  tokenId: null,
  name: "Fagsystem",
  memberships: [{ organisationId: municipality, role: "EDITOR" }],
  scopes: ["write:offers"],
});

/** The offer the first tests register and the forum answers; the migration must not ask again. */
let offerId: string;

describe("task-division flags", () => {
  it("raises an open flag, owned by the provider and raised by the system, when a municipality registers a diagnosis-specific offer", async () => {
    offerId = (await specificOffer("Diabeteskurs")).id;
    expect(await offerOf(offerId)).toMatchObject({ flaggedForReview: true });
    const [flag, ...more] = await flagsOf(offerId);
    expect(more).toHaveLength(0);
    expect(flag).toMatchObject({
      kind: "TASK_DIVISION_CONFLICT",
      state: "OPEN",
      healthCommunityId: community,
      ownerId: municipality,
      raisedById: null,
    });
    expect(day(flag!.dueOn)).toBe(day(new Date(Date.now() + taskDivisionFlagDueDays * 86_400_000)));
    expect(await db.outboxEvent.count({ where: { aggregateId: flag!.id, type: "forum_flag.raised" } })).toBe(
      1,
    );
  });

  it("asks once: an edit of a flagged offer raises no second flag", async () => {
    await edit(offerId, { title: `Diabeteskurs, vår ${suffix}` });
    expect(await flagsOf(offerId)).toHaveLength(1);
    expect(await offerOf(offerId)).toMatchObject({ flaggedForReview: true });
  });

  it("clears the marker when a forum decision resolves the flag, and announces the offer's change", async () => {
    const [flag] = await flagsOf(offerId);
    const meeting = await forumMeeting();
    await resolveForumFlags(unit(), as(community, "FORUM_MEMBER"), {
      meetingPointId: meeting.id,
      flagIds: [flag!.id],
      decision: "Kommunen fortsetter kurset i samarbeid med HF",
    });
    const offer = await offerOf(offerId);
    expect(offer).toMatchObject({ flaggedForReview: false, flagReason: null });
    const event = await db.outboxEvent.findFirstOrThrow({
      where: { aggregateId: offerId, type: "offer.updated" },
      orderBy: { sequence: "desc" },
    });
    const snapshot = (event.payload as { offer: OfferSnapshot }).offer;
    expect(snapshot).toMatchObject({ flaggedForReview: false, version: offer.version });
  });

  it("does not ask again what the forum answered when the offer is edited", async () => {
    await edit(offerId, { title: `Diabeteskurs, høst ${suffix}` });
    expect(await offerOf(offerId)).toMatchObject({ flaggedForReview: false });
    expect((await flagsOf(offerId)).map((f) => f.state)).toEqual(["RESOLVED"]);
  });

  it("asks again when the offer leaves the condition and comes back; dismissing clears the marker", async () => {
    await edit(offerId, { diagnosisScope: "DIAGNOSIS_INDEPENDENT", diagnosisCodes: [] });
    expect(await offerOf(offerId)).toMatchObject({ flaggedForReview: false });
    await edit(offerId, { diagnosisScope: "DIAGNOSIS_SPECIFIC", diagnosisCodes: ["E11"] });
    expect(await offerOf(offerId)).toMatchObject({ flaggedForReview: true });
    const flags = await flagsOf(offerId);
    expect(flags.map((f) => f.state)).toEqual(["RESOLVED", "OPEN"]);
    await dismissForumFlag(unit(), as(community, "FORUM_MEMBER"), {
      id: flags[1]!.id,
      version: flags[1]!.version,
      reason: "Avklart i forrige møte",
    });
    expect(await offerOf(offerId)).toMatchObject({ flaggedForReview: false });
  });
});

describe("task-division flags raised through an API token", () => {
  it("raises the flag for a token that may write offers, not meetings", async () => {
    const { id } = await createOffer(unit(), offersToken(), {
      providerId: municipality,
      title: `Hjertekurs fra fagsystem ${suffix}`,
      summary: "Kurs",
      kind: "GROUP_COURSE",
      diagnosisScope: "DIAGNOSIS_SPECIFIC",
      diagnosisCodes: ["I25"],
      format: "PHYSICAL",
      location: "Molde",
      contactEmail: "kurs@test.example",
      audiences: ["PATIENTS"],
      municipalityNumbers: ["1506"],
    });
    expect((await flagsOf(id)).map((f) => [f.kind, f.state])).toEqual([["TASK_DIVISION_CONFLICT", "OPEN"]]);
  });
});

describe("the migration of old review flags", () => {
  const sql = readFileSync(
    new URL(
      "../../../packages/database/prisma/migrations/20261207043000_task_division_flags/migration.sql",
      import.meta.url,
    ),
    "utf8",
  );

  it("raises one open flag for each offer marked before, once however often it runs", async () => {
    const answered = offerId;
    // Run and look inside a transaction that is rolled back: other test files share the database
    // and count their own communities' flags.
    const seen = await db
      .$transaction(async (tx) => {
        // A marked offer written the old way: the boolean and no flag.
        const old = await tx.offer.create({
          data: {
            providerId: municipality,
            title: `Gammelt flagget kurs ${suffix}`,
            summary: "Kurs",
            kind: "GROUP_COURSE",
            diagnosisScope: "DIAGNOSIS_SPECIFIC",
            format: "PHYSICAL",
            flaggedForReview: true,
            flagReason: "Kommunalt diagnosespesifikt tilbud",
          },
        });
        await tx.$executeRawUnsafe(sql);
        await tx.$executeRawUnsafe(sql);
        const flags = await tx.forumFlag.findMany({ where: { offerId: { in: [old.id, answered] } } });
        const unflaggedWithOpen = await tx.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM "Offer" o JOIN "HealthCommunityMember" m ON m."organisationId" = o."providerId"
          WHERE o."flaggedForReview" AND NOT EXISTS (SELECT 1 FROM "ForumFlag" f WHERE f."offerId" = o."id"
            AND f."healthCommunityId" = m."healthCommunityId" AND f."kind" = 'TASK_DIVISION_CONFLICT' AND f."state" = 'OPEN')`;
        throw new RolledBack({ oldId: old.id, flags, missing: unflaggedWithOpen[0]!.n });
      })
      .catch((e: unknown) => {
        if (e instanceof RolledBack) return e.seen as Seen;
        throw e;
      });
    const ofOld = seen.flags.filter((f) => f.offerId === seen.oldId);
    expect(ofOld).toHaveLength(1);
    expect(ofOld[0]).toMatchObject({
      kind: "TASK_DIVISION_CONFLICT",
      state: "OPEN",
      healthCommunityId: community,
      ownerId: municipality,
      raisedById: null,
      note: "Kommunalt diagnosespesifikt tilbud",
    });
    expect(day(ofOld[0]!.dueOn)).toBe(day(new Date(Date.now() + 90 * 86_400_000)));
    // The offer the forum answered is not marked, so it is not asked again.
    expect(seen.flags.filter((f) => f.offerId === answered && f.state === "OPEN")).toHaveLength(0);
    // Every marked offer with a forum to ask has its open flag.
    expect(seen.missing).toBe(0);
  });
});

type Seen = { oldId: string; flags: Awaited<ReturnType<typeof flagsOf>>; missing: number };

/** Thrown to roll the migration's transaction back, carrying what was seen inside it. */
class RolledBack extends Error {
  constructor(readonly seen: Seen) {
    super("rolled back");
  }
}
