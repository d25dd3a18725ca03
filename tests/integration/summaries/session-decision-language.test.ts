import { checkMinimumParticipants, unitOf } from "@samspill/commands";
import { queueNames, toEventJob } from "@samspill/events";
import type { CapturedMessage } from "@samspill/mail";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testGateway } from "../../support/gateway.js";
import { db, useSeededDatabase } from "../../support/seeded.js";
import { courseWithSession, signUpProvider } from "../../support/sign-ups.js";
import { type MailHarness, startMailHarness } from "./mail-harness.js";

// The provider's notice whether a course with a minimum goes ahead is a reminder to the
// provider's staff: each gets it in their own written language, with the reminders' one-click
// unsubscribe, and someone who used it gets no more.

useSeededDatabase();
let mail: MailHarness;
let staff: { id: string; email: string };

beforeAll(async () => {
  mail = await startMailHarness(db, "session-decision-language");
  staff = await db.person.create({
    data: {
      email: "nynorsk-redaktor@molde.example",
      name: "Nils Nynorsk",
      language: "nn",
      memberships: { create: { organisationId: signUpProvider, role: "EDITOR" } },
    },
    select: { id: true, email: true },
  });
});
afterAll(() => mail.stop());

const header = (m: CapturedMessage, key: string) => m.headers.find((h) => h.key === key.toLowerCase())?.line;

/** Decides the sessions starting within three days and delivers the events that follow. */
async function decide() {
  const before = (await db.outboxEvent.aggregate({ _max: { sequence: true } }))._max.sequence ?? 0n;
  await checkMinimumParticipants(unitOf(db), new Date(), 72);
  const rows = await db.outboxEvent.findMany({
    where: { sequence: { gt: before } },
    orderBy: { sequence: "asc" },
  });
  for (const row of rows) {
    const job = toEventJob(row);
    await mail.run(queueNames.events, job.name, job.data);
  }
}

describe("the session decision mail", () => {
  it("reaches a nynorsk editor in nynorsk, with an unsubscribe that works", async () => {
    const soon = new Date(Date.now() + 48 * 3_600_000);
    await courseWithSession(db, {
      title: "Kurs utan deltakarar",
      capacity: 5,
      minimumParticipants: 2,
      startsAt: soon,
    });
    await decide();
    const [m, ...more] = mail.to(staff.email);
    expect(more).toEqual([]);
    expect(m?.subject).toBe("Kurset er avlyst (for få påmelde): Kurs utan deltakarar");
    expect(m?.html).toContain('lang="nn"');
    expect(m?.text).toContain("stadfeste deltakarar");
    expect(m?.text).toContain("Samlinga er avlyst");
    expect(header(m!, "List-Unsubscribe-Post")).toMatch(/List-Unsubscribe=One-Click/);
    const oneClick = /<(https:[^>]+)>/.exec(header(m!, "List-Unsubscribe") ?? "")?.[1];
    expect(oneClick).toMatch(new RegExp(`^https://samspill\\.test/unsubscribe\\?token=v1\\.${staff.id}\\.`));
    expect(m?.html).toContain("https://samspill.test/subscriptions/unsubscribe?token=v1.");
    // The contact address is no one's: it still hears of the course, in the offer's language.
    expect(mail.to("kurs@molde.example").map((x) => x.subject)).toContain(
      "Kurset er avlyst (for få påmeldte): Kurs utan deltakarar",
    );

    // The mail client's one-click POST, without signing in, stops the reminders …
    const target = new URL(oneClick ?? "");
    const answer = await testGateway(db, null).app.fetch(
      new Request(`http://gateway.test${target.pathname}${target.search}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      }),
    );
    expect(answer.status).toBeLessThan(300);
    const stopped = await db.subscription.findUniqueOrThrow({
      where: { personId_kind: { personId: staff.id, kind: "REMINDERS" } },
    });
    expect(stopped.active).toBe(false);

    // … and the next decision is not mailed to them, while the contact address still gets it.
    await courseWithSession(db, {
      title: "Kurs nummer to",
      capacity: 5,
      minimumParticipants: 2,
      startsAt: soon,
    });
    await decide();
    expect(mail.to(staff.email)).toHaveLength(1);
    expect(mail.to("kurs@molde.example").map((x) => x.subject)).toContain(
      "Kurset er avlyst (for få påmeldte): Kurs nummer to",
    );
  });
});
