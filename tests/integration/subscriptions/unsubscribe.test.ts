import type { Database } from "@samspill/database";
import { queueNames } from "@samspill/events";
import { developmentMailLinkSecret, signUnsubscribeToken } from "@samspill/events/mail-links";
import type { CapturedMessage } from "@samspill/mail";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { type TestGateway, testGateway } from "../../support/gateway.js";
import { type MailHarness, startMailHarness, subscriber } from "../summaries/mail-harness.js";

// The one-click unsubscribe of RFC 8058, end to end: a real worker sends the half-yearly
// summary and the annual report through SMTP to the in-test sink; each captured mail carries
// List-Unsubscribe (the gateway's https URL with a signed token) and List-Unsubscribe-Post;
// a POST to that URL with no session stops the subscription, and a forged or altered token
// is refused without changing anything.

let db: Database;
let mail: MailHarness;
let gateway: TestGateway;
let reader: { id: string; email: string };
let annual: { id: string; email: string };
let bystander: { id: string; email: string };

const header = (m: CapturedMessage, key: string) => m.headers.find((h) => h.key === key.toLowerCase())?.line;

/** The URL in a captured mail's List-Unsubscribe header. */
function oneClickUrl(m: CapturedMessage): URL {
  const line = header(m, "List-Unsubscribe") ?? "";
  const url = /<(https:[^>]+)>/.exec(line)?.[1];
  if (!url) throw new Error(`no https URL in List-Unsubscribe: ${line}`);
  return new URL(url);
}

/** A mail client's one-click POST: the form body of RFC 8058, no cookie, no sign-in. */
function oneClick(url: URL | string) {
  const target = new URL(String(url));
  return gateway.app.fetch(
    new Request(`http://gateway.test${target.pathname}${target.search}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    }),
  );
}

const activeOf = async (personId: string, kind: "HALF_YEARLY_SUMMARY" | "ANNUAL_REPORT") =>
  (await db.subscription.findUniqueOrThrow({ where: { personId_kind: { personId, kind } } })).active;

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  mail = await startMailHarness(db, "unsubscribe");
  gateway = testGateway(db, null);
  reader = await subscriber(db, "unsub-reader", "HALF_YEARLY_SUMMARY");
  bystander = await subscriber(db, "unsub-bystander", "HALF_YEARLY_SUMMARY");
  annual = await subscriber(db, "unsub-annual", "ANNUAL_REPORT");
  await mail.run(queueNames.summaries, "summary.half-yearly", { at: "2026-07-01T05:00:00Z" });
  await mail.run(queueNames.summaries, "summary.annual-report", { at: "2027-01-15T06:00:00Z" });
});

afterAll(async () => {
  await mail.stop();
  await db.$disconnect();
});

describe("one-click unsubscribe (RFC 8058)", () => {
  it("is in the headers of every summary mail, with a visible link to the confirmation page", () => {
    for (const person of [reader, bystander, annual]) {
      const [m] = mail.to(person.email);
      expect(m, person.email).toBeDefined();
      const url = oneClickUrl(m!);
      expect(url.origin).toBe("https://samspill.test");
      expect(url.pathname).toBe("/unsubscribe");
      expect(url.searchParams.get("token")).toMatch(new RegExp(`^v1\\.${person.id}\\.`));
      expect(header(m!, "List-Unsubscribe-Post")).toMatch(/List-Unsubscribe=One-Click/);
      expect(m!.html).toContain(
        `https://samspill.test/subscriptions/unsubscribe?token=${url.searchParams.get("token")}`,
      );
      expect(m!.text).toContain("/subscriptions/unsubscribe?token=");
    }
  });

  it("stops the subscription on a POST without signing in, once, audited and announced", async () => {
    const url = oneClickUrl(mail.to(reader.email)[0]!);
    const answer = await oneClick(url);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ ok: true, kind: "HALF_YEARLY_SUMMARY" });
    expect(await activeOf(reader.id, "HALF_YEARLY_SUMMARY")).toBe(false);
    expect(await activeOf(bystander.id, "HALF_YEARLY_SUMMARY")).toBe(true);

    // A second click (mail clients retry) changes and records nothing more.
    expect((await oneClick(url)).status).toBe(200);
    const row = await db.subscription.findUniqueOrThrow({
      where: { personId_kind: { personId: reader.id, kind: "HALF_YEARLY_SUMMARY" } },
    });
    const audit = await db.auditEntry.findMany({ where: { entityType: "Subscription", entityId: row.id } });
    expect(audit.map((a) => a.action)).toEqual(["subscription.cancel"]);
    expect(audit[0]?.actorPersonId).toBe(reader.id);
    const events = await db.outboxEvent.findMany({ where: { aggregateId: row.id } });
    expect(events.map((e) => [e.type, e.payload])).toEqual([
      ["subscription.cancelled", { id: row.id, kind: "HALF_YEARLY_SUMMARY", via: "unsubscribe-link" }],
    ]);
    expect(JSON.stringify([audit.map((a) => a.changes), events.map((e) => e.payload)])).not.toContain(
      reader.email,
    );
  });

  it("sends that person no more of that mail", async () => {
    await mail.run(queueNames.summaries, "summary.half-yearly", { at: "2027-01-01T06:00:00Z" });
    expect(mail.to(reader.email)).toHaveLength(1);
    expect(mail.to(bystander.email)).toHaveLength(2);
  });

  it("refuses an altered or forged token with 403 and a token that is none with 400, changing nothing", async () => {
    const url = oneClickUrl(mail.to(bystander.email)[0]!);
    const token = url.searchParams.get("token") ?? "";
    const flipped = token.slice(0, -2) + (token.at(-2) === "A" ? "B" : "A") + token.at(-1);
    const refused = [
      // The signature altered.
      [`/unsubscribe?token=${flipped}`, 403],
      // Someone else's person id with the bystander's signature.
      [`/unsubscribe?token=${token.replace(bystander.id, reader.id)}`, 403],
      // Another kind of mail with the same signature.
      [`/unsubscribe?token=${token.replace("HALF_YEARLY_SUMMARY", "ANNUAL_REPORT")}`, 403],
      // Signed, but not with the server's secret.
      [
        `/unsubscribe?token=${signUnsubscribeToken("x".repeat(40), { personId: bystander.id, kind: "HALF_YEARLY_SUMMARY" })}`,
        403,
      ],
      [`/unsubscribe?token=${token.split(".").slice(0, 3).join(".")}`, 400],
      ["/unsubscribe?token=%3Cscript%3E", 400],
      ["/unsubscribe", 400],
    ] as const;
    for (const [path, status] of refused) {
      const answer = await oneClick(`https://samspill.test${path}`);
      expect(answer.status, path).toBe(status);
      expect((await answer.json()).ok, path).toBe(false);
    }
    expect(await activeOf(bystander.id, "HALF_YEARLY_SUMMARY")).toBe(true);
    expect(await activeOf(annual.id, "ANNUAL_REPORT")).toBe(true);
  });

  it("changes nothing on a GET (link scanners) and leads a browser to the confirmation page", async () => {
    const url = oneClickUrl(mail.to(annual.email)[0]!);
    const answer = await gateway.app.fetch(
      new Request(`http://gateway.test${url.pathname}${url.search}`, { redirect: "manual" }),
    );
    expect(answer.status).toBe(303);
    const location = new URL(answer.headers.get("location") ?? "");
    expect(location.pathname).toBe("/subscriptions/unsubscribe");
    expect(location.searchParams.get("token")).toBe(url.searchParams.get("token"));
    expect(await activeOf(annual.id, "ANNUAL_REPORT")).toBe(true);

    expect((await oneClick(url)).status).toBe(200);
    expect(await activeOf(annual.id, "ANNUAL_REPORT")).toBe(false);
  });

  it("stops reminders, which come without a subscription row, by storing a stopped one", async () => {
    const editor = await db.person.create({
      data: {
        name: "Påminnelse Mottaker",
        email: `unsub-reminders-${Date.now().toString(36)}@test.samspill.no`,
      },
    });
    const token = signUnsubscribeToken(developmentMailLinkSecret, {
      personId: editor.id,
      kind: "REMINDERS",
    });
    expect((await oneClick(`https://samspill.test/unsubscribe?token=${token}`)).status).toBe(200);
    expect(
      await db.subscription.findUnique({
        where: { personId_kind: { personId: editor.id, kind: "REMINDERS" } },
      }),
    ).toMatchObject({ active: false });
  });
});
