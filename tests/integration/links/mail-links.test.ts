import type { Database } from "@samspill/database";
import { developmentMailLinkSecret } from "@samspill/events/mail-links";
import type { Reminder } from "@samspill/mail";
import * as mail from "@samspill/mail";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { type TestGateway, testGateway } from "../../support/gateway.js";

// The router's table (web/src/route-table.ts), loaded by path: the tests' compiler settings are
// not the web app's, so the type check does not follow it into the pages.
interface RouteTable {
  isAppRoute(pathname: string): boolean;
  appRoutePaths(): string[];
}
const routeTableModule = new URL("../../../web/src/route-table.ts", import.meta.url).pathname;
const { isAppRoute } = (await import(routeTableModule)) as RouteTable;

// Every link of every mail template leads somewhere: each template is rendered with the demo
// region's data, every link is taken from its HTML, its plain text and its List-Unsubscribe
// header, and each must be a page of the web app (web/src/router.tsx, nested route arrays and
// all, but not the catch-all "not found") or a route the gateway answers (not 404).

const publicUrl = "https://samspill.test";
const now = new Date();

let db: Database;
let gateway: TestGateway;

interface Rendered {
  template: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
}

/** Every http(s) link a rendered mail holds: hrefs, written-out links in the text, header URLs. */
function linksOf(m: Rendered): string[] {
  const hrefs = [...m.html.matchAll(/href="([^"]*)"/g)].map((x) => (x[1] ?? "").replaceAll("&amp;", "&"));
  const inText = [...m.text.matchAll(/https?:\/\/[^\s\])>\\]+/g)].map((x) => x[0].replace(/[.,;:]$/, ""));
  const inHeaders = Object.values(m.headers ?? {}).flatMap((v) =>
    [...v.matchAll(/<(https?:[^>]+)>/g)].map((x) => x[1] ?? ""),
  );
  return [...new Set([...hrefs, ...inText, ...inHeaders])];
}

/** Null when the link resolves; otherwise why not. */
async function brokenBecause(link: string): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return "not an absolute URL";
  }
  if (url.origin !== publicUrl)
    return /^https?:$/.test(url.protocol) ? null : `unexpected scheme ${url.protocol}`;
  if (isAppRoute(url.pathname)) return null;
  const answer = await gateway.app.fetch(
    new Request(`http://gateway.test${url.pathname}${url.search}`, { redirect: "manual" }),
  );
  return answer.status === 404 ? "neither a web app page nor a gateway route" : null;
}

async function renderAll(): Promise<Rendered[]> {
  const person = await db.person.findFirstOrThrow({
    orderBy: { email: "asc" },
    select: { id: true, name: true },
  });
  const footer = (kind: "WEEKLY_DIGEST" | "HALF_YEARLY_SUMMARY" | "ANNUAL_REPORT" | "REMINDERS") =>
    mail.unsubscribeLinks(publicUrl, developmentMailLinkSecret, { personId: person.id, kind });
  const offer = await db.offer.findFirstOrThrow({ where: { status: "PUBLISHED" }, orderBy: { id: "asc" } });
  const agreement = await db.agreement.findFirstOrThrow({ orderBy: { id: "asc" } });
  const plan = await db.actionPlan.findFirstOrThrow({ orderBy: { id: "asc" } });
  const organisations = await db.organisation.findMany({ select: { id: true } });
  const noFilter = { municipalityNumbers: [], priorityGroups: [], diagnosisGroups: [] };
  const out: Rendered[] = [];
  const add = (template: string, rendered: mail.RenderedMail, headers?: Record<string, string>) =>
    out.push({ template, ...rendered, headers });

  const since = new Date(now.getTime() - 30 * 86_400_000);
  const digest = await mail.buildDigest(db, {
    recipientName: person.name,
    recipientOrganisationIds: organisations.map((o) => o.id),
    filter: noFilter,
    since,
    until: now,
    events: await mail.loadOfferEvents(db, since, now),
  });
  // The demo region's agreements may all run longer than the digest's horizon: one that expires soon.
  if (digest.agreements.length === 0) {
    digest.agreements.push({
      id: agreement.id,
      title: agreement.title,
      subAgreement: null,
      validTo: new Date(now.getTime() + 30 * 86_400_000),
      parties: [],
      partyIds: [],
    });
  }
  // More entries than a digest's section lists, so that its "and N more" links are checked too:
  // the catalogue narrowed as the filter (offers, sessions) and the workspace (agreements).
  const longer = <T>(list: T[]) => {
    const [first] = list;
    while (first !== undefined && list.length <= mail.shownPerSection) list.push(first);
  };
  longer(digest.agreements);
  digest.offers = digest.offers.map((o) => ({ ...o, kind: "NEW" as const }));
  longer(digest.offers);
  digest.moreSessions += 1;
  const digestFooter = footer("WEEKLY_DIGEST");
  add(
    "renderDigest",
    await mail.renderDigest({
      content: digest,
      publicUrl,
      weekLabel: mail.weekLabel(mail.isoWeekKey(now)),
      smallCountThreshold: 5,
      unsubscribeUrl: digestFooter.page,
    }),
    digestFooter.headers,
  );

  const halfFooter = footer("HALF_YEARLY_SUMMARY");
  const half = await mail.buildHalfYearly(db, {
    recipientName: person.name,
    filter: noFilter,
    half: mail.halfYearOf(now),
  });
  add(
    "renderHalfYearly",
    await mail.renderHalfYearly({ content: half, publicUrl, unsubscribeUrl: halfFooter.page }),
    halfFooter.headers,
  );

  const annualFooter = footer("ANNUAL_REPORT");
  const [scope] = await mail.loadReportScopes(db);
  if (!scope) throw new Error("the demo region has no report scope");
  const report = await mail.buildAnnualReport(db, scope, mail.reportYearOf(now));
  add(
    "renderAnnualReport",
    await mail.renderAnnualReport({
      report,
      recipientName: person.name,
      publicUrl,
      smallCountThreshold: 5,
      unsubscribeUrl: annualFooter.page,
    }),
    annualFooter.headers,
  );

  // What is due now, and one reminder of each kind that links somewhere, on the region's own rows.
  const due = await mail.dueReminders(db, now);
  const linked: Reminder[] = [
    {
      kind: "AGREEMENT_EXPIRING",
      periodKey: "a",
      subject: "a",
      about: agreement.title,
      title: agreement.title,
      details: [],
      dueOn: now,
      organisationIds: [],
      agreementId: agreement.id,
    },
    {
      kind: "REVIEW_DUE",
      periodKey: "o",
      subject: "o",
      about: offer.title,
      title: offer.title,
      details: [],
      dueOn: now,
      organisationIds: [],
      offerId: offer.id,
    },
    {
      kind: "PLAN_REVIEW",
      periodKey: "p",
      subject: "p",
      about: plan.title,
      title: plan.title,
      details: [],
      dueOn: now,
      organisationIds: [],
      planKey: plan.key,
    },
  ];
  const remindersFooter = footer("REMINDERS");
  add(
    "renderReminders",
    await mail.renderReminders({
      recipientName: person.name,
      reminders: [...due, ...linked],
      publicUrl,
      now,
      unsubscribeUrl: remindersFooter.page,
    }),
    remindersFooter.headers,
  );

  // A forum flag's notice to its owner's editors (sent as a reminder, with its unsubscribe link).
  add(
    "renderForumFlagMail",
    await mail.renderForumFlagMail({
      occasion: "due",
      flag: {
        id: "0190f1c4-0000-7000-8000-000000000001",
        kind: "STALE_OFFER",
        note: "Tilbudet er ikke gjennomgått på fem år",
        dueOn: now,
        ownerId: offer.providerId,
        communityName: "Helsefellesskapet Møre og Romsdal",
        ownerName: "Molde kommune",
        subjectTitle: offer.title,
        gap: null,
      },
      recipientName: person.name,
      publicUrl,
      unsubscribeUrl: remindersFooter.page,
    }),
    remindersFooter.headers,
  );

  // Whether a course with a minimum goes ahead, to the provider's staff (sent as a reminder).
  add(
    "renderSessionDecision",
    await mail.renderSessionDecision({
      offerId: offer.id,
      offerTitle: offer.title,
      startsAt: now,
      goesAhead: true,
      participants: 8,
      minimum: 6,
      waiting: 0,
      publicUrl,
      unsubscribeUrl: remindersFooter.page,
    }),
    remindersFooter.headers,
  );

  // Mails to one person about one thing (no subscription, so no unsubscribe link).
  add(
    "renderInvitation",
    await mail.renderInvitation({
      token: "i".repeat(43),
      name: person.name,
      role: "EDITOR",
      organisationName: "Molde kommune",
      inviterName: "Kari Nordmann",
      expiresAt: new Date(now.getTime() + 7 * 86_400_000),
      publicUrl,
    }),
  );
  const session = await db.offerSession.findFirst({ orderBy: { id: "asc" }, select: { id: true } });
  const course = await mail.renderCourseMail({
    kind: "confirmed",
    locale: "nb",
    name: "Ola",
    sessionId: session?.id ?? offer.id,
    offerTitle: offer.title,
    startsAt: now,
    endsAt: new Date(now.getTime() + 7_200_000),
    location: "Helsehuset",
    onlineUrl: null,
    whatToBring: null,
    token: "c".repeat(43),
    publicUrl,
  });
  // The calendar file it carries links too (its URL line).
  add("renderCourseMail", {
    ...course,
    text: `${course.text}\n${course.attachments.map((a) => a.content.replace(/\r?\n[ \t]/g, "")).join("\n")}`,
  });
  add(
    "renderSignUpMail",
    await mail.renderSignUpMail({
      kind: "offered",
      locale: "nb",
      name: "Ola",
      offerTitle: offer.title,
      startsAt: now,
      location: "Helsehuset",
      token: "s".repeat(43),
      publicUrl,
      offeredUntil: new Date(now.getTime() + 86_400_000),
    }),
  );
  return out;
}

let rendered: Rendered[];

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  gateway = testGateway(db);
  rendered = await renderAll();
});

afterAll(async () => {
  await db.$disconnect();
});

describe("links in mails", () => {
  it("renders every template the mail package exports", () => {
    const templates = Object.keys(mail).filter((name) => /^render[A-Z]/.test(name));
    expect(rendered.map((r) => r.template).sort()).toEqual(templates.sort());
  });

  it("lead to a page of the web app or a route of the gateway, each of them", async () => {
    const broken: string[] = [];
    for (const m of rendered) {
      for (const link of linksOf(m)) {
        const why = await brokenBecause(link);
        if (why) broken.push(`${m.template}: ${link} (${why})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("include offers, agreements, the subscriptions page and both unsubscribe links", () => {
    const paths = rendered.flatMap(linksOf).map((l) => new URL(l).pathname);
    for (const path of [
      /^\/offers\/[0-9a-f-]{36}$/,
      /^\/agreements\/[0-9a-f-]{36}$/,
      /^\/subscriptions$/,
      /^\/subscriptions\/unsubscribe$/,
      /^\/unsubscribe$/,
      // A digest's "and N more" lines: the catalogue (the front page) and the workspace.
      /^\/$/,
      /^\/workspace$/,
    ]) {
      expect(
        paths.some((p) => path.test(p)),
        String(path),
      ).toBe(true);
    }
  });

  it("carry RFC 8058 one-click unsubscribe headers and a visible unsubscribe link in every summary and reminder", () => {
    const summaries = rendered.filter((r) => r.headers);
    expect(summaries.map((r) => r.template).sort()).toEqual(
      [
        "renderAnnualReport",
        "renderDigest",
        "renderForumFlagMail",
        "renderHalfYearly",
        "renderReminders",
        "renderSessionDecision",
      ].sort(),
    );
    for (const m of summaries) {
      expect(m.headers?.["List-Unsubscribe"], m.template).toMatch(
        /^<https:\/\/samspill\.test\/unsubscribe\?token=v1\./,
      );
      expect(m.headers?.["List-Unsubscribe-Post"], m.template).toBe("List-Unsubscribe=One-Click");
      expect(m.html, m.template).toContain(`${publicUrl}/subscriptions/unsubscribe?token=v1.`);
    }
  });

  it("no longer use the Norwegian paths, which only redirect", () => {
    const all = rendered.flatMap(linksOf).join("\n");
    expect(all).not.toMatch(/\/(tilbud|avtaler|abonnementer)\b/);
    for (const old of ["/tilbud/x", "/avtaler/x", "/abonnementer"]) expect(isAppRoute(old), old).toBe(true);
  });
});
