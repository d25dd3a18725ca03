import { randomUUID } from "node:crypto";
import type { Database } from "@samspill/database";
import { queueNames } from "@samspill/events";
import type { CapturedMessage } from "@samspill/mail";
import { seedDemoData } from "@samspill/seed";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { createProvider } from "../../support/providers.js";
import { type MailHarness, startMailHarness } from "../summaries/mail-harness.js";

// Confirmation and reminder mails (issue 14, item 5): time, place, what to bring, the person's
// own link and an .ics that ical.js reads; one recipient per mail, each with only their own
// data, in their chosen language.

let db: Database;
let mail: MailHarness;
let sessionId: string;
// Whole seconds: iCalendar times have no fractions.
const startsAt = new Date(Math.floor((Date.now() + 36 * 3_600_000) / 1000) * 1000);
const title = `Mestringskurs ${randomUUID().slice(0, 8)}`;
const people = [
  { name: "Kari Bokmål", locale: "nb" },
  { name: "Nils Nynorsk", locale: "nn" },
  { name: "Emma English", locale: "en" },
].map((p) => ({ ...p, email: `${p.locale}-${randomUUID().slice(0, 8)}@test.samspill.no` }));
const signUpIds: string[] = [];

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  mail = await startMailHarness(db, "course-mails");
  const provider = await createProvider(db, "PAMINNING", 1);
  await db.offer.update({ where: { id: provider.offerIds[0]! }, data: { title } });
  const session = await db.offerSession.create({
    data: {
      offerId: provider.offerIds[0]!,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 7_200_000),
      location: "Lærings- og mestringssenteret, rom 3",
      whatToBring: "Matpakke og innesko",
      capacity: 12,
    },
  });
  sessionId = session.id;
  for (const [i, p] of people.entries()) {
    const s = await db.sessionSignUp.create({
      data: {
        sessionId,
        status: "CONFIRMED",
        sequence: i + 1,
        role: "PATIENT",
        name: p.name,
        email: p.email,
        locale: p.locale,
        consentedAt: new Date(),
        retentionMonths: 6,
        // Signed up a week ago: before the reminder window opened.
        createdAt: new Date(Date.now() - 7 * 86_400_000),
      },
    });
    signUpIds.push(s.id);
  }
});

afterAll(async () => {
  await mail.stop();
  await db.$disconnect();
});

function calendarOf(message: CapturedMessage) {
  const file = message.attachments?.find((a) => a.filename.endsWith(".ics"));
  expect(file?.contentType).toMatch(/^text\/calendar/);
  const calendar = new ICAL.Component(ICAL.parse(file!.content));
  const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
  return { event, raw: file!.content };
}

describe("course reminders", () => {
  it("sends each participant one reminder, in their language, with only their data and a calendar file", async () => {
    await mail.run(queueNames.maintenance, "course.reminders");
    for (const [i, p] of people.entries()) {
      const [message, ...more] = mail.to(p.email);
      expect(more).toHaveLength(0);
      // One recipient, no shared list.
      expect(message!.to).toEqual([p.email]);
      expect(message!.text).toContain(p.name);
      for (const other of people.filter((o) => o !== p)) {
        expect(message!.text).not.toContain(other.name);
        expect(message!.text).not.toContain(other.email);
      }
      expect(message!.text).toContain("Lærings- og mestringssenteret, rom 3");
      expect(message!.text).toContain("Matpakke og innesko");
      expect(message!.text).toMatch(/https:\/\/samspill\.test\/sign-ups\//);
      const { event, raw } = calendarOf(message!);
      expect(event.summary).toBe(title);
      expect(event.startDate.toJSDate().getTime()).toBe(startsAt.getTime());
      expect(event.location).toBe("Lærings- og mestringssenteret, rom 3");
      expect(event.uid).toContain(sessionId);
      expect(raw).not.toContain(people[(i + 1) % 3]!.name);
    }
    const nynorsk = mail.to(people[1]!.email)[0]!;
    expect(nynorsk.subject).toBe(`Påminning: ${title}`);
    expect(nynorsk.text).toContain("Dette er ei påminning om kurset du er påmeld.");
    expect(nynorsk.text).toContain("Stad: Lærings- og mestringssenteret");
    expect(mail.to(people[0]!.email)[0]!.subject).toBe(`Påminnelse: ${title}`);
    expect(mail.to(people[2]!.email)[0]!.subject).toBe(`Reminder: ${title}`);
  });

  it("reminds once: the next run sends nothing new", async () => {
    await mail.run(queueNames.maintenance, "course.reminders");
    for (const p of people) expect(mail.to(p.email)).toHaveLength(1);
  });

  it("confirms a seat once per event, with the calendar file", async () => {
    const event = {
      id: randomUUID(),
      sequence: "1",
      type: "signup.changed",
      aggregateType: "SessionSignUp",
      aggregateId: signUpIds[2]!,
      organisationId: null,
      payload: { id: signUpIds[2]!, sessionId, offerId: randomUUID(), from: "OFFERED", to: "CONFIRMED" },
      occurredAt: new Date().toISOString(),
    };
    await mail.run(queueNames.events, "signup.changed", event);
    await mail.run(queueNames.events, "signup.changed", event);
    const confirmations = mail.to(people[2]!.email).filter((m) => m.subject.startsWith("You have a seat"));
    expect(confirmations).toHaveLength(1);
    expect(calendarOf(confirmations[0]!).event.summary).toBe(title);
  });
});
