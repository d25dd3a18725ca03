import type { Database } from "@samspill/database";
import { queueNames } from "@samspill/events";
import { isoWeekKey } from "@samspill/mail";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { type MailHarness, publishOffer, startMailHarness, subscriber } from "./mail-harness.js";

// A digest run renders each group's digest once (same filter, window and language → same
// text) and fills in each recipient's name and unsubscribe link; it claims and marks a chunk's
// recipients a batch at a time. These run the real chunk job (a BullMQ worker, SMTP to an
// in-test server) and read the mails back.

let db: Database;
let mail: MailHarness;
const suffix = Date.now().toString(36);
const title = `Gruppekurs ${suffix}`;
type Person = { id: string; email: string; name: string };
let anne: Person;
let bjorn: Person;
let nynorsk: Person;
/** The run's instant: after the offer was published, so its window holds the news. */
let at: string;

/** The chunk job over every subscription, as a run's only chunk. */
const runChunk = () =>
  mail.run(queueNames.summaries, "summary.weekly-digest-chunk", { at, afterId: null, throughId: null });

/** A mail's HTML and text with the recipient's own parts (name, token) taken out. */
function impersonal(person: Person) {
  const [message] = mail.to(person.email);
  const token = /token=(v1\.[^">\s]+)/.exec(message?.html ?? "")?.[1] ?? "no token";
  const strip = (s: string) => s.replaceAll(person.name, "NAME").replaceAll(token, "TOKEN");
  return {
    html: strip(message?.html ?? ""),
    text: strip(message?.text ?? ""),
    subject: message?.subject,
    token,
  };
}

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  mail = await startMailHarness(db, "digest-groups");
  anne = await subscriber(db, "anne", "WEEKLY_DIGEST", { municipalityNumbers: ["1506"] });
  bjorn = await subscriber(db, "bjorn", "WEEKLY_DIGEST", { municipalityNumbers: ["1506"] });
  nynorsk = await subscriber(db, "nynorsk", "WEEKLY_DIGEST", { municipalityNumbers: ["1506"] });
  await db.person.update({ where: { id: nynorsk.id }, data: { language: "nn" } });
  await publishOffer(db, "1506", title);
  at = new Date().toISOString();
  await runChunk();
});

afterAll(async () => {
  await mail.stop();
  await db.$disconnect();
});

describe("weekly digests by group", () => {
  it("give subscribers with the same filter the same digest, each with their own name and unsubscribe link", () => {
    const [a, b] = [impersonal(anne), impersonal(bjorn)];
    expect(a.text).toContain(title);
    expect(a.html).toContain("Hei NAME,");
    expect(a.text).toContain("Hei NAME,");
    expect(a.html).toContain("token=TOKEN");
    expect({ html: b.html, text: b.text, subject: b.subject }).toEqual({
      html: a.html,
      text: a.text,
      subject: a.subject,
    });
    // Their own parts really differ: neither mail carries the other's name or link.
    expect(a.token).not.toBe(b.token);
    const anneMail = mail.to(anne.email)[0]!;
    expect(anneMail.html).toContain(`Hei ${anne.name},`);
    expect(anneMail.html).not.toContain(bjorn.name);
    expect(anneMail.html).not.toContain(b.token);
    expect(anneMail.text).not.toContain(b.token);
  });

  it("write a recipient of another language the same news in their language", () => {
    const [nb, nn] = [impersonal(anne), impersonal(nynorsk)];
    expect(nn.text).toContain(title);
    expect(nn.text).not.toBe(nb.text);
    expect(nn.html).not.toBe(nb.html);
    expect(nn.html).toContain('lang="nn"');
  });

  it("send nobody twice when the chunk runs again, and mark every claim as sent", async () => {
    await runChunk();
    for (const person of [anne, bjorn, nynorsk]) expect(mail.to(person.email)).toHaveLength(1);
    const claims = await db.sentSummary.findMany({
      where: {
        kind: "WEEKLY_DIGEST",
        periodKey: isoWeekKey(new Date(at)),
        recipient: { in: [anne.email, bjorn.email] },
      },
    });
    expect(claims.map((c) => c.status)).toEqual(["SENT", "SENT"]);
    for (const claim of claims) expect(claim.messageId).toBe(mail.to(claim.recipient)[0]!.messageId);
  });

  it("skip a recipient whose claim is left in doubt, and still mail the rest of the batch", async () => {
    const inDoubt = await subscriber(db, "in-doubt", "WEEKLY_DIGEST", { municipalityNumbers: ["1506"] });
    const fresh = await subscriber(db, "fresh", "WEEKLY_DIGEST", { municipalityNumbers: ["1506"] });
    await db.sentSummary.create({
      data: {
        kind: "WEEKLY_DIGEST",
        recipient: inDoubt.email,
        periodKey: isoWeekKey(new Date(at)),
        subject: "crashed between claim and mark",
        messageId: "<in-doubt@samspill.localhost>",
      },
    });
    await runChunk();
    expect(mail.to(inDoubt.email)).toHaveLength(0);
    expect(mail.to(fresh.email)).toHaveLength(1);
    const claim = await db.sentSummary.findFirstOrThrow({ where: { recipient: inDoubt.email } });
    expect(claim).toMatchObject({ status: "PENDING", messageId: "<in-doubt@samspill.localhost>" });
  });
});
