import type { Database } from "@samspill/database";
import { queueNames } from "@samspill/events";
import { buildDigest, loadOfferEvents, shownPerSection } from "@samspill/mail";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { privateDatabase } from "../../support/db.js";
import { type MailHarness, publishOffer, startMailHarness, subscriber } from "./mail-harness.js";

// A weekly digest lists at most shownPerSection entries a section and then says how many more
// there are, linking to the catalogue narrowed as the subscriber's filter. End to end: offers
// published through the gateway, the real digest job, the mail as the SMTP server got it. On a
// database of its own, so that exactly this file's offers are the week's news.

interface CatalogueFilters {
  readFilters(params: URLSearchParams): { municipality: string[]; priorityGroup: string[] };
}
interface RouteTable {
  isAppRoute(pathname: string): boolean;
}
// The web app's own modules, loaded by path (as tests/integration/links does): the link must
// open a page of the app, and the catalogue must read the subscriber's filter from it.
const web = (path: string) => new URL(`../../../web/src/${path}`, import.meta.url).pathname;
const { readFilters } = (await import(web("catalogue/filters.ts"))) as CatalogueFilters;
const { isAppRoute } = (await import(web("route-table.ts"))) as RouteTable;

let db: Database;
let close: () => Promise<void>;
let mail: MailHarness;
const suffix = Date.now().toString(36);
const extra = 3;
const published: string[] = [];
/** Changes in the reader's filter before this file's: the demo seed's own offers are news too. */
let before = { changes: 0, new: 0 };
let reader: { email: string };
let other: { email: string };

beforeAll(async () => {
  ({ db, close } = await privateDatabase());
  await seedDemoData(db);
  mail = await startMailHarness(db, "digest-cap");
  reader = await subscriber(db, "many", "WEEKLY_DIGEST", { municipalityNumbers: ["1506"] });
  other = await subscriber(db, "few", "WEEKLY_DIGEST", { municipalityNumbers: ["5001"] });
  const now = new Date();
  const since = new Date(now.getTime() - 7 * 86_400_000);
  const seeded = await buildDigest(db, {
    recipientName: "",
    recipientOrganisationIds: [],
    filter: { municipalityNumbers: ["1506"], priorityGroups: [], diagnosisGroups: [] },
    since,
    until: now,
    events: await loadOfferEvents(db, since, now),
  });
  before = { changes: seeded.offers.length, new: seeded.offers.filter((o) => o.kind === "NEW").length };
  // One after another, so each is a later change than the one before.
  for (let i = 0; i < shownPerSection + extra; i++)
    published.push(await publishOffer(db, "1506", `Molde-kurs ${i} ${suffix}`));
  await publishOffer(db, "5001", `Trondheim-kurs ${suffix}`);
  await mail.run(queueNames.summaries, "summary.weekly-digest", { at: new Date().toISOString() });
}, 400_000);

afterAll(async () => {
  await mail.stop();
  await db.$disconnect();
  await close();
});

describe("a weekly digest with more changes than a section shows", () => {
  it("lists the most recent changes up to the cap and counts every change in the subject", () => {
    const [message] = mail.to(reader.email);
    const listed = message!.text.match(new RegExp(`Molde-kurs \\d+ ${suffix}`, "g")) ?? [];
    expect(listed).toHaveLength(shownPerSection);
    // Newest first: the last published leads; the first three and the seed's are left out.
    expect(listed[0]).toBe(`Molde-kurs ${shownPerSection + extra - 1} ${suffix}`);
    for (let i = 0; i < extra; i++) expect(message!.text).not.toContain(`Molde-kurs ${i} ${suffix}`);
    for (const id of published.slice(extra)) expect(message!.html).toContain(`/offers/${id}"`);
    expect(message!.subject).toMatch(
      new RegExp(`^Samspill: ${before.changes + shownPerSection + extra} nye eller endrede tilbud`),
    );
  });

  it("says how many more there are, in HTML and text, linked to the catalogue narrowed as the filter", () => {
    const [message] = mail.to(reader.email);
    const link = "https://samspill.test/?municipality=1506";
    const more = before.new + extra;
    expect(message!.text).toContain(`… og ${more} tilbud til. Se hele utvalget ditt i katalogen ${link}`);
    expect(message!.html).toContain(`<a href="${link}"`);
    expect(message!.html).toContain(`>… og ${more} tilbud til. Se hele utvalget ditt i katalogen</a>`);
    const url = new URL(link);
    expect(isAppRoute(url.pathname)).toBe(true);
    expect(readFilters(url.searchParams)).toMatchObject({ municipality: ["1506"], priorityGroup: [] });
  });

  it("has no such line in a digest within the cap", () => {
    const [message] = mail.to(other.email);
    expect(message!.text).toContain(`Trondheim-kurs ${suffix}`);
    expect(message!.text).not.toContain("Se hele utvalget ditt i katalogen");
    expect(message!.html).not.toContain('href="https://samspill.test/?municipality=5001"');
  });
});
