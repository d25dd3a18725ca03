import { graphql } from "@samspill/graphql";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type AuditedPage, launchBrowser, openPage } from "./support/browser.js";
import { crossedCell, findGap, openCrossedByLanguage, waitForCrossedCell } from "./support/crossed.js";
import { asPage } from "./support/graphql.js";
import { publishOffer } from "./support/publish-offer.js";
import { signIn } from "./support/sign-in.js";

// A forum's flag from raising to resolution (issue 15). Marte Lund (forum member of
// Helsefellesskapet Møre og Romsdal) opens the crossed overview for Helse Møre og Romsdal, sees
// South Sami at zero in Molde and flags that gap to Molde kommune; the forum's next review shows
// one more open flag; the decision recorded in the forum's meeting resolves the flag; Kari
// Nordmann (editor at Molde kommune) publishes an offer in South Sami that fills the gap; and the
// review after that shows the cell moving from 0 to 1. The reviews themselves are recorded
// through GraphQL: their form has its own journey (forum-overview.test.ts).

const MeetingsQuery = graphql(`query($c: ID!) {
  meetingPoints(filter: { healthCommunityId: $c }, first: 5) { edges { node { id organiser { id } } } } }`);
const RecordReview = graphql(`mutation($input: RecordForumReviewInput!) {
  recordForumReview(input: $input) { __typename ... on Error { message } } }`);

describe("a forum flag that ends", () => {
  let browser: Browser;
  let marte: AuditedPage;
  let kari: AuditedPage;
  const stamp = Date.now().toString(36);
  const note = `Ingen tilbud på sørsamisk i Molde (${stamp})`;
  const decision = `Molde kommune lager et tilbud på sørsamisk (${stamp})`;
  const title = `Mestringskurs på sørsamisk ${stamp}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    marte = await openPage(browser, inject("webUrl"));
    kari = await openPage(browser, inject("webUrl"));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("flags a crossed gap to Molde, resolves it by a meeting decision, and sees the offer that fills it at the next review", async () => {
    const { page } = marte;
    await signIn(marte, /Marte Lund/);
    await page.goto("/overview");
    await page.waitForURL(/\/overview\?community=[0-9a-f-]{36}/);
    const community = new URL(page.url()).searchParams.get("community") ?? "";
    const meetings = await asPage(page, MeetingsQuery, { c: community });
    const meeting = meetings.meetingPoints.edges[0]!.node;
    const review = async (findings: string) =>
      expect(
        (
          await asPage(page, RecordReview, {
            input: { meetingPointId: meeting.id, healthCommunityId: community, findings },
          })
        ).recordForumReview.__typename,
      ).toBe("MutationRecordForumReviewSuccess");
    /** The latest review's "changed since the last review", on the joint overview. */
    const latestChanges = async () => {
      await page.goto(`/overview?community=${community}`);
      const changes = page.getByRole("region", { name: /Endret siden forrige gjennomgang/ }).first();
      await changes.waitFor();
      return changes;
    };
    await review("Gjennomgang før flagget");

    // The crossed overview: Molde has no offer in South Sami; flag that gap from the list.
    await openCrossedByLanguage(marte, "Helse Møre og Romsdal HF");
    expect(await crossedCell(marte, "Molde", "Sørsamisk")).toBe("0");
    await marte.audit("crossed overview: municipality × language");
    const gap = await findGap(marte, "Molde × Sørsamisk");
    await gap.getByRole("link", { name: "Flagg" }).click();
    await page.getByRole("heading", { level: 1, name: "Flagg noe til en ansvarlig organisasjon" }).waitFor();
    expect(await page.getByLabel("Kommune (nummer)").inputValue()).toBe("1506");
    expect(await page.getByLabel("Språk").inputValue()).toBe("sma");
    await page.getByLabel("Ansvarlig").selectOption({ label: "Molde kommune" });
    await page.getByLabel("Frist").fill("2031-06-30");
    await page.getByLabel("Merknad").fill(note);
    await marte.audit("raise a flag");
    await page.getByRole("button", { name: "Flagg", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Flagg: Mangel i tilbudet" }).waitFor();
    await page.getByRole("status").filter({ hasText: "Flagget er lagt inn." }).waitFor();
    expect(await page.getByTestId("flag-state").textContent()).toBe("Åpent");
    await page.getByText("Molde · Sørsamisk").first().waitFor();
    const flagUrl = page.url();
    await marte.audit("the flag, open");

    // The next review shows what changed since the last: one more open flag.
    await review("Gjennomgang etter flagget");
    const afterFlag = await latestChanges();
    await afterFlag.getByText(/Åpne flagg: (\d+) → (\d+)/).waitFor();
    const [, before, after] = /Åpne flagg: (\d+) → (\d+)/.exec((await afterFlag.textContent()) ?? "") ?? [];
    expect(Number(after)).toBe(Number(before) + 1);
    await marte.audit("forum review with its changes");

    // The forum meeting records the decision that resolves the flag.
    await page.goto(`/workspace/${meeting.organiser.id}/meetings/${meeting.id}`);
    const resolve = page.getByRole("region", { name: "Løs flagg med et vedtak" });
    await resolve.waitFor();
    const flagBox = resolve.locator(`[id="resolve-${flagUrl.split("/").at(-1)}"]`);
    expect(await flagBox.evaluate((box) => (box as HTMLInputElement).labels?.[0]?.textContent)).toMatch(
      /^Mangel i tilbudet: Molde · Sørsamisk – Molde kommune/,
    );
    await flagBox.check();
    await resolve.getByLabel("Vedtak").fill(decision);
    await marte.audit("resolve flags in the meeting");
    await resolve.getByRole("button", { name: "Registrer vedtaket og løs flaggene" }).click();
    await page.getByRole("status").filter({ hasText: "Vedtaket er registrert" }).waitFor();

    // Molde kommune publishes an offer in South Sami, which fills the gap once the worker has
    // brought the overview's read model up to date.
    await signIn(kari, /Kari Nordmann/);
    const offerUrl = await publishOffer(kari, {
      organisation: "Molde kommune",
      title,
      summary: "Mestringskurs for pasienter, på sørsamisk.",
      location: "Molde helsehus",
      contactEmail: "kari.nordmann@molde.kommune.no",
      languages: ["Sørsamisk"],
    });
    await openCrossedByLanguage(marte, "Helse Møre og Romsdal HF");
    await waitForCrossedCell(marte, "Molde", "Sørsamisk", "1");
    await marte.audit("crossed overview with the gap filled");

    await page.goto(flagUrl);
    await page.getByRole("heading", { level: 1, name: "Flagg: Mangel i tilbudet" }).waitFor();
    expect(await page.getByTestId("flag-state").textContent()).toBe("Løst");
    await page.getByText(decision).waitFor();
    await marte.audit("the flag, resolved by the decision");

    // The review after the offer: its snapshot holds Molde's offers per language, so the change
    // since the review before shows the gap's cell moving 0 → 1 (and the open flag gone).
    await review("Gjennomgang etter tilbudet");
    const afterOffer = await latestChanges();
    await afterOffer.getByText("Molde, Sørsamisk: 0 → 1 tilbud").waitFor();
    await afterOffer.getByText(`Åpne flagg: ${after} → ${Number(after) - 1}`).waitFor();
    await marte.audit("forum review showing the filled gap");
    marte.expectEveryPageAudited();

    // Archived again, so the other journeys on this hub meet South Sami at zero as seeded.
    await kari.page.goto(offerUrl);
    await kari.page.getByRole("button", { name: "Arkiver" }).click();
    await kari.page.getByRole("status").filter({ hasText: "Status endret til" }).waitFor();
    await openCrossedByLanguage(marte, "Helse Møre og Romsdal HF");
    await waitForCrossedCell(marte, "Molde", "Sørsamisk", "0");
    kari.expectEveryPageAudited();
  }, 300_000);
});
