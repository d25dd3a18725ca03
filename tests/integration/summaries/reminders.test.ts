import type { Database } from "@samspill/database";
import { queueNames } from "@samspill/events";
import { osloDay } from "@samspill/mail";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { type MailHarness, startMailHarness } from "./mail-harness.js";

// Daily reminders go to the ADMIN and EDITOR members of the organisations responsible, once per
// subject and date. The organisation here is the test's own, so no seed data adds reminders.

let db: Database;
let mail: MailHarness;
const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const soon = `Delavtale 5 som utløper om 60 dager ${suffix}`;
const later = `Delavtale 6 som utløper om 200 dager ${suffix}`;
let editor: { email: string };
let viewerOnly: { email: string };
let soonId: string;

/** A calendar date `days` from today in Oslo, as the reminders count them. */
const day = (days: number) => osloDay(new Date(), days);

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  mail = await startMailHarness(db, "reminders");
  const org = await db.organisation.create({
    data: { kind: "USER_ORGANISATION", name: `Brukerrådet ${suffix}` },
  });
  const person = (role: "EDITOR" | "VIEWER") =>
    db.person.create({
      data: {
        name: `Test ${role}`,
        email: `${role.toLowerCase()}-${suffix}@test.samspill.no`,
        memberships: { create: { organisationId: org.id, role } },
      },
    });
  editor = await person("EDITOR");
  viewerOnly = await person("VIEWER");
  const agreement = (title: string, validTo: Date) =>
    db.agreement.create({
      data: {
        title,
        validFrom: day(-300),
        validTo,
        status: "ACTIVE",
        coordinatorId: org.id,
        parties: { create: { organisationId: org.id, role: "USER_ORGANISATION" } },
      },
    });
  soonId = (await agreement(soon, day(60))).id;
  await agreement(later, day(200));
});

afterAll(async () => {
  await mail.stop();
  await db.$disconnect();
});

describe("reminders", () => {
  it("reminds the responsible organisation's editors of an agreement expiring in 60 days, not of one in 200", async () => {
    await mail.run(queueNames.reminders, "reminders.daily");
    const [message, ...more] = mail.to(editor.email);
    expect(more).toHaveLength(0);
    expect(message!.text).toContain(soon);
    expect(message!.text).not.toContain(later);
    expect(message!.text).toMatch(/om 60 dager/);
    expect(mail.to(viewerOnly.email)).toHaveLength(0);
    const claim = await db.sentSummary.findFirstOrThrow({
      where: { kind: "REMINDERS", recipient: editor.email },
    });
    expect(claim.periodKey).toBe(`agreement:${soonId}:expiring:${day(60).toISOString().slice(0, 10)}`);
    expect(claim.status).toBe("SENT");
  });

  it("sends each reminder once: the next day's run mails nothing new", async () => {
    await mail.run(queueNames.reminders, "reminders.daily");
    expect(mail.to(editor.email)).toHaveLength(1);
  });

  it("reminds again when the date moves: a renewed agreement that expires again is a new subject", async () => {
    await db.agreement.update({ where: { id: soonId }, data: { validTo: day(75) } });
    await mail.run(queueNames.reminders, "reminders.daily");
    const messages = mail.to(editor.email);
    expect(messages).toHaveLength(2);
    expect(messages[1]!.text).toMatch(/om 75 dager/);
  });
});
