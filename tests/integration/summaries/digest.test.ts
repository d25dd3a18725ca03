import type { Database } from "@samspill/database";
import { queueNames } from "@samspill/events";
import { graphql } from "@samspill/graphql";
import { isoWeekKey } from "@samspill/mail";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { testGateway, viewerWith } from "../../support/gateway.js";
import { finished, type MailHarness, publishOffer, startMailHarness, subscriber } from "./mail-harness.js";

// The weekly digest end to end: offers published through the gateway land in the outbox, the
// digest job (a real BullMQ worker) reads the log, renders React Email and sends through SMTP to
// an in-test smtp-server.

let db: Database;
let mail: MailHarness;
const suffix = Date.now().toString(36);
const moldeTitle = `<b>Mestring</b> & <script>alert("molde-${suffix}")</script>`;
const trondheimTitle = `Trondheimskurs ${suffix}`;
let molde: { id: string; email: string };
/** Same filter as molde: gets the same rendered digest, with their own name and unsubscribe link. */
let moldeTwin: { id: string; email: string };
let trondheim: { id: string; email: string };
let moldeOfferId: string;

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  mail = await startMailHarness(db, "digest");
  molde = await subscriber(db, "molde", "WEEKLY_DIGEST", { municipalityNumbers: ["1506"] });
  moldeTwin = await subscriber(db, "molde-twin", "WEEKLY_DIGEST", { municipalityNumbers: ["1506"] });
  trondheim = await subscriber(db, "trondheim", "WEEKLY_DIGEST", { municipalityNumbers: ["5001"] });
  moldeOfferId = await publishOffer(db, "1506", moldeTitle);
  await publishOffer(db, "5001", trondheimTitle);
});

afterAll(async () => {
  await mail.stop();
  await db.$disconnect();
});

describe("weekly digest", () => {
  it("sends exactly one mail per subscriber when the job runs twice for the same week, even at once", async () => {
    const at = new Date().toISOString();
    const summaries = mail.worker.queues[queueNames.summaries];
    const jobs = await Promise.all([
      summaries.add("summary.weekly-digest", { at }, { attempts: 1 }),
      summaries.add("summary.weekly-digest", { at }, { attempts: 1 }),
    ]);
    await Promise.all(jobs.map((j) => finished(summaries, j.id as string)));
    await mail.run(queueNames.summaries, "summary.weekly-digest", { at });

    expect(mail.to(molde.email)).toHaveLength(1);
    expect(mail.to(trondheim.email)).toHaveLength(1);
    const claims = await db.sentSummary.findMany({
      where: { kind: "WEEKLY_DIGEST", recipient: molde.email },
    });
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ status: "SENT" });
    expect(claims[0]!.messageId).toBe(mail.to(molde.email)[0]!.messageId);
  });

  it("includes the newly published Molde offer for a Molde subscriber, and not the Trondheim one", () => {
    const [message] = mail.to(molde.email);
    expect(message!.text).toContain(`alert("molde-${suffix}")`);
    expect(message!.text).not.toContain(trondheimTitle);
    expect(message!.subject).toMatch(/^Samspill: \d+ (nytt|nye) /);
    const [other] = mail.to(trondheim.email);
    expect(other!.text).toContain(trondheimTitle);
    expect(other!.text).not.toContain(`molde-${suffix}`);
  });

  it("shows HTML in an offer title as text in the HTML mail, never as markup", () => {
    const html = mail.to(molde.email)[0]!.html!;
    expect(html).toContain(`&lt;script&gt;alert(&quot;molde-${suffix}&quot;)&lt;/script&gt;`);
    expect(html).toContain("&lt;b&gt;Mestring&lt;/b&gt; &amp;");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>Mestring</b>");
    // The offer's page in the web app (/offers/<id>), the path the exports use too.
    expect(html).toContain(`https://samspill.test/offers/${moldeOfferId}`);
  });

  it("carries each subscriber's own one-click unsubscribe (RFC 8058), in the headers and the footer", () => {
    const tokens = [molde, moldeTwin, trondheim].map((person) => {
      const message = mail.to(person.email)[0]!;
      const line = message.headers.find((h) => h.key === "list-unsubscribe")?.line ?? "";
      const token = /<https:\/\/samspill\.test\/unsubscribe\?token=([^>]+)>/.exec(line)?.[1];
      expect(token, line).toMatch(new RegExp(`^v1\\.${person.id}\\.WEEKLY_DIGEST\\.`));
      expect(message.headers.find((h) => h.key === "list-unsubscribe-post")?.line).toMatch(
        /List-Unsubscribe=One-Click/,
      );
      // The digest is rendered once for equal content; the footer link is still the reader's own.
      expect(message.html).toContain(`https://samspill.test/subscriptions/unsubscribe?token=${token}`);
      expect(message.html).not.toMatch(/UNSUBSCRIBE[0-9a-f]{32}/);
      return token;
    });
    expect(new Set(tokens).size).toBe(3);
    expect(mail.to(moldeTwin.email)[0]!.html).toContain("Test molde-twin");
  });

  it("never sends when a claim for the week is already there (sent or in doubt after a crash)", async () => {
    const inDoubt = await subscriber(db, "in-doubt", "WEEKLY_DIGEST", { municipalityNumbers: ["1506"] });
    const at = new Date();
    await db.sentSummary.create({
      data: {
        kind: "WEEKLY_DIGEST",
        recipient: inDoubt.email,
        periodKey: isoWeekKey(at),
        subject: "crashed between send and mark",
        messageId: "<crashed@samspill.localhost>",
      },
    });
    await mail.run(queueNames.summaries, "summary.weekly-digest", { at: at.toISOString() });
    expect(mail.to(inDoubt.email)).toHaveLength(0);
    const claim = await db.sentSummary.findFirstOrThrow({ where: { recipient: inDoubt.email } });
    expect(claim.status).toBe("PENDING");
  });

  it("previews the next digest through the gateway without sending or recording anything", async () => {
    const before = { mails: mail.received.length, claims: await db.sentSummary.count() };
    const gateway = testGateway(db, {
      kind: "PERSON",
      personId: molde.id,
      tokenId: null,
      name: "Test molde",
      memberships: [],
    });
    const answer = await gateway.query(
      graphql(
        `query($id: ID!) { previewDigest(personId: $id) { periodKey subject html text empty active } }`,
      ),
      {
        id: molde.id,
      },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.previewDigest?.periodKey).toMatch(/^\d{4}-W\d{2}$/);
    expect(answer.data?.previewDigest?.html).not.toContain("<script>");
    expect({ mails: mail.received.length, claims: await db.sentSummary.count() }).toEqual(before);

    const stranger = testGateway(db, viewerWith([{ org: "uo:ffo", role: "EDITOR" }]));
    const refused = await stranger.query(
      graphql(`query($id: ID!) { previewDigest(personId: $id) { subject } }`),
      {
        id: molde.id,
      },
    );
    expect(refused.data?.previewDigest ?? null).toBeNull();
    expect(refused.errors?.length).toBeGreaterThan(0);
  });

  it("lists captured mails to RHF admins, and hides them from admins of unrelated organisations", async () => {
    const query = graphql(`{ sentMails(first: 100) { edges { node { to subject html } } } }`);
    const rhf = await testGateway(db, viewerWith([{ org: "rhf:hmn", role: "ADMIN" }])).query(query);
    expect(rhf.errors).toBeUndefined();
    expect(rhf.data!.sentMails.edges.some((e) => e.node.to.includes(molde.email))).toBe(true);

    const ffo = await testGateway(db, viewerWith([{ org: "uo:ffo", role: "ADMIN" }])).query(query);
    expect(ffo.errors).toBeUndefined();
    expect(ffo.data!.sentMails.edges.some((e) => e.node.to.includes(molde.email))).toBe(false);

    const editor = await testGateway(db, viewerWith([{ org: "rhf:hmn", role: "EDITOR" }])).query(query);
    expect(editor.errors?.length).toBeGreaterThan(0);
  });
});
