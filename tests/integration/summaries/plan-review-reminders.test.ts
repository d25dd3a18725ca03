import type { Database } from "@samspill/database";
import { checkpointFollowing } from "@samspill/domain";
import { queueNames } from "@samspill/events";
import { checkpointHorizonDays, osloDay } from "@samspill/mail";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { type MailHarness, startMailHarness } from "./mail-harness.js";

// An action plan's own review (the twice-yearly team meeting) is a checkpoint too: the plan
// owner's editors are reminded of it in the daily mail, in their written language, with a link
// to the plan, once per occurrence; once met and moved on, the next occurrence is a new subject.

let db: Database;
let mail: MailHarness;
const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const title = `Handlingsplan for teamet ${suffix}`;
const key = `test-plan-${suffix}`;
let editor: { email: string };
let planId: string;

const day = (days: number) => osloDay(new Date(), days);
const iso = (d: Date) => d.toISOString().slice(0, 10);

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  mail = await startMailHarness(db, "plan-review-reminders");
  // A nynorsk organisation: its members' reminders come in nynorsk.
  const org = await db.organisation.create({
    data: { kind: "USER_ORGANISATION", name: `Brukarrådet ${suffix}`, language: "nn" },
  });
  editor = await db.person.create({
    data: {
      name: "Test redaktør",
      email: `plan-editor-${suffix}@test.samspill.no`,
      memberships: { create: { organisationId: org.id, role: "EDITOR" } },
    },
  });
  const plan = await db.actionPlan.create({
    data: {
      key,
      title,
      ownerId: org.id,
      periodStart: 2026,
      periodEnd: 2028,
      reviewRaw: "To gonger i året på teammøtet",
      reviewCadence: "HALF_YEARLY",
      nextReviewOn: day(-3),
    },
  });
  planId = plan.id;
});

afterAll(async () => {
  await mail.stop();
  await db.$disconnect();
});

describe("plan review reminders", () => {
  it("reminds the plan owner's editors of an overdue plan review, in nynorsk, linking to the plan", async () => {
    await mail.run(queueNames.reminders, "reminders.daily");
    const [message, ...more] = mail.to(editor.email);
    expect(more).toHaveLength(0);
    expect(message!.html).toContain("Gjennomgangar av handlingsplanane");
    expect(message!.text).toContain(`Gjennomgang av ${title}`);
    expect(message!.text).toContain("To gonger i året på teammøtet");
    expect(message!.text).toMatch(/3 dagar sidan/);
    expect(message!.html).toContain(`https://samspill.test/action-plans?plan=${key}`);
    const claims = await db.sentSummary.findMany({ where: { kind: "REMINDERS", recipient: editor.email } });
    expect(claims.map((c) => [c.periodKey, c.status])).toEqual([
      [`plan:${planId}:review:${iso(day(-3))}`, "SENT"],
    ]);
  });

  it("sends each occurrence once: the next run mails nothing new, nor does a review marked met", async () => {
    await mail.run(queueNames.reminders, "reminders.daily");
    expect(mail.to(editor.email)).toHaveLength(1);
    await db.actionPlan.update({ where: { id: planId }, data: { reviewMetOn: day(0) } });
    await mail.run(queueNames.reminders, "reminders.daily");
    expect(mail.to(editor.email)).toHaveLength(1);
  });

  it("reminds of the next occurrence once the worker has moved the met review on", async () => {
    const before = await db.actionPlan.findUniqueOrThrow({ where: { id: planId } });
    const next = checkpointFollowing(
      {
        cadence: "HALF_YEARLY",
        checkpointYear: null,
        cadenceYears: null,
        cadenceMonth: null,
        startYear: null,
      },
      before.nextReviewOn!,
      before.reviewMetOn!,
    )!;
    await mail.run(queueNames.maintenance, "checkpoints.advance");
    const after = await db.actionPlan.findUniqueOrThrow({ where: { id: planId } });
    expect(after.reviewMetOn).toBeNull();
    expect(iso(after.nextReviewOn!)).toBe(iso(next));
    await mail.run(queueNames.reminders, "reminders.daily");
    await mail.run(queueNames.reminders, "reminders.daily");
    // Half-yearly month-ends: the next one is due within the horizon on some days of the year only.
    const withinHorizon = next <= day(checkpointHorizonDays);
    const messages = mail.to(editor.email);
    expect(messages).toHaveLength(withinHorizon ? 2 : 1);
    const keys = (
      await db.sentSummary.findMany({ where: { kind: "REMINDERS", recipient: editor.email } })
    ).map((c) => c.periodKey);
    expect(keys.sort()).toEqual(
      [
        `plan:${planId}:review:${iso(day(-3))}`,
        ...(withinHorizon ? [`plan:${planId}:review:${iso(next)}`] : []),
      ].sort(),
    );
  });
});
