import { readFile } from "node:fs/promises";
import { graphql, type ResultOf } from "@samspill/graphql";
import { print } from "graphql";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { graphQLClient } from "../support/graphql-client.js";
import { publishOffer } from "../support/overview.js";
import { type AuditedPage, launchBrowser, openPage } from "./support/browser.js";
import { signIn } from "./support/sign-in.js";

// The joint overview as a health community's forum uses it. Marte Lund (forum member of
// Helsefellesskapet Møre og Romsdal) opens the overview of her area and sees a gap: a
// municipality with no offer for a priority group. She switches the columns and downloads the
// table as CSV. Then Molde kommune's admin (Ola Hansen) publishes an offer for that group
// through the GraphQL API with an API token, and Marte's open page updates by itself: the gap
// is gone and the cell counts the new offer. Finally she records the forum's review, is told
// field by field what is missing, fixes it, and finds the review listed; and reads it all in
// English.

const priorityLabels: Record<string, string> = {
  CHILDREN_AND_YOUTH: "Barn og unge",
  SEVERE_MENTAL_ILLNESS_AND_SUBSTANCE_USE: "Alvorlig psykisk lidelse og rusproblemer",
  FRAIL_ELDERLY: "Skrøpelige eldre",
  MULTIPLE_CHRONIC_CONDITIONS: "Personer med flere kroniske lidelser",
};

/** GraphQL straight to the gateway (not through the browser), as a machine client would. */
const gateway = (token?: string) =>
  graphQLClient(fetch, `${inject("gatewayUrl")}/graphql`, token ? { authorization: `Bearer ${token}` } : {});

const GapsQuery = graphql(
  `query($c: ID) { overview(healthCommunityId: $c) { gaps { kind municipalityNumber municipalityName priorityGroup } } }`,
);
type GapData = NonNullable<ResultOf<typeof GapsQuery>["overview"]>["gaps"][number];

const CreateTokenMutation = graphql(`mutation($org: ID!, $expires: DateTime!) {
  createApiToken(organisationId: $org, name: "Fagsystem", role: EDITOR, expiresAt: $expires) {
    __typename ... on MutationCreateApiTokenSuccess { data { token } } ... on Error { message }
  }
}`);

describe("the forum's joint overview", () => {
  let browser: Browser;
  let marte: AuditedPage;
  let ola: AuditedPage;
  let communityId = "";
  let gap: GapData;
  let moldeOrgId = "";
  const offerTitle = `Mestring i hverdagen ${Date.now().toString(36)}`;
  const findings = `Ingen tilbud for en prioritert gruppe i Molde før i dag (${Date.now().toString(36)})`;

  beforeAll(async () => {
    browser = await launchBrowser();
    marte = await openPage(browser, inject("webUrl"));
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** The heat-map cell of a municipality's row in the column with this header. */
  async function cell(municipality: RegExp, column: string) {
    const table = marte.page.getByRole("table", { name: /Publiserte tilbud per kommune/ });
    const headers = await table.locator("thead th").allTextContents();
    const index = headers.indexOf(column);
    expect(index, `column ${column} in ${headers.join(", ")}`).toBeGreaterThan(0);
    // The row header is the first cell of the row, so the data cells start at column 1.
    return table
      .getByRole("row", { name: municipality })
      .locator("td")
      .nth(index - 1);
  }

  it("opens the forum member's own area and shows its gaps", async () => {
    const { page } = marte;
    await signIn(marte, /Marte Lund/);
    await page
      .getByRole("navigation", { name: "Hovedmeny" })
      .getByRole("link", { name: "Felles oversikt" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Felles oversikt" }).waitFor();
    // Her health community is chosen for her, in the address so the view can be shared.
    await page.waitForURL(/\/overview\?community=[0-9a-f-]{36}/);
    communityId = new URL(page.url()).searchParams.get("community") ?? "";
    expect(await page.getByRole("combobox", { name: "Helsefellesskap" }).inputValue()).toBe(communityId);
    await page.getByRole("table", { name: /Publiserte tilbud per kommune og prioritert gruppe/ }).waitFor();
    await page.getByRole("heading", { level: 2, name: /Hull i tilbudet/ }).waitFor();
    for (const heading of [/Saker om oppgavedeling/, /Avtaler som snart går ut/, /Kurs som skal gjennomgås/])
      await page.getByRole("heading", { level: 2, name: heading }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Utvikling over tid" }).waitFor();
    await marte.audit("joint overview");

    // A municipality of the area missing a priority group: Molde's if it has one.
    const answer = await gateway().query(GapsQuery, { c: communityId });
    const missing = answer.data!.overview!.gaps.filter(
      (g) => g.kind === "PRIORITY_GROUP_MISSING_IN_MUNICIPALITY",
    );
    expect(missing.length).toBeGreaterThan(0);
    gap = missing.find((g) => g.municipalityNumber === "1506") ?? missing[0]!;
    const label = priorityLabels[gap.priorityGroup ?? ""]!;
    await page
      .getByRole("region", { name: /Hull i tilbudet/ })
      .getByText(`${gap.municipalityName} har ikke tilbud for prioritert gruppe: ${label.toLowerCase()}`)
      .waitFor();
    expect(await (await cell(new RegExp(`\\(${gap.municipalityNumber}\\)`), label)).textContent()).toBe("0");
  });

  it("switches the columns to formats, keeps that in the address, and downloads the table as CSV", async () => {
    const { page } = marte;
    await page.getByRole("combobox", { name: "Kolonner i tabellen" }).selectOption({ label: "Format" });
    const table = page.getByRole("table", { name: /Publiserte tilbud per kommune og format/ });
    await table.waitFor();
    expect(new URL(page.url()).searchParams.get("by")).toBe("format");
    expect(await table.locator("thead th").allTextContents()).toEqual([
      "Kommune",
      "Fysisk oppmøte",
      "Digitalt",
      "Hybrid (fysisk og digitalt)",
      "Totalt",
    ]);
    await marte.audit("joint overview by format");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Last ned tabellen som CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("samspill-oversikt-format.csv");
    const csv = await readFile((await download.path()) as string, "utf8");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe("Kommune;Fysisk oppmøte;Digitalt;Hybrid (fysisk og digitalt);Totalt");
    // The file holds what the table shows, row by row, totals included.
    const shown = await table
      .locator("tbody tr, tfoot tr")
      .evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll("th, td")].map((c) => c.textContent ?? "").join(";")),
      );
    expect(lines.slice(1)).toEqual(shown);
    expect(lines.at(-1)).toMatch(/^Totalt;\d+;\d+;\d+;\d+$/);
    expect(lines.some((l) => l.startsWith(`${gap.municipalityName} (${gap.municipalityNumber});`))).toBe(
      true,
    );

    await page
      .getByRole("combobox", { name: "Kolonner i tabellen" })
      .selectOption({ label: "Prioriterte grupper" });
    await page.getByRole("table", { name: /Publiserte tilbud per kommune og prioritert gruppe/ }).waitFor();
    expect(new URL(page.url()).searchParams.get("by")).toBeNull();
  });

  it("prints the table alone, for paper or a PDF", async () => {
    const { page } = marte;
    // The print dialog cannot be driven headless: note what the page looks like when it opens.
    await page.evaluate(() => {
      window.print = () => {
        document.body.dataset.printedWith = document.body.className;
      };
    });
    await page.getByRole("button", { name: "Skriv ut tabellen eller lagre som PDF" }).click();
    expect(await page.evaluate(() => document.body.dataset.printedWith)).toContain("print-matrix");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("table.heat-table").isVisible()).toBe(true);
    expect(await page.locator("main h1").isVisible()).toBe(true);
    for (const hidden of [
      "#gaps-heading",
      "#forum-heading",
      ".overview-filters",
      ".overview-export",
      ".trend-charts",
    ])
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    // Chromium's own print run (as "Save as PDF" does) yields a PDF and ends with `afterprint`,
    // which puts the whole page back.
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await page.emulateMedia({ media: "screen" });
    expect(await page.evaluate(() => document.body.classList.contains("print-matrix"))).toBe(false);
    expect(await page.locator("#gaps-heading").isVisible()).toBe(true);
  });

  it("updates live when another organisation publishes an offer that closes the gap", async () => {
    const label = priorityLabels[gap.priorityGroup ?? ""]!;
    const gapText = `${gap.municipalityName} har ikke tilbud for prioritert gruppe: ${label.toLowerCase()}`;
    const municipality = new RegExp(`\\(${gap.municipalityNumber}\\)`);
    const before = Number(await (await cell(municipality, label)).textContent());

    // Molde kommune's admin makes an API token in the browser, then publishes with it.
    ola = await openPage(browser, inject("webUrl"));
    await signIn(ola, /Ola Hansen/);
    await ola.audit("Ola's workspace");
    const orgs = await gateway().query(
      graphql(`{ organisations(kind: MUNICIPALITY, first: 100) { edges { node { id name } } } }`),
    );
    moldeOrgId = orgs.data!.organisations.edges.find((e) => e.node.name === "Molde kommune")!.node.id;
    const created = await ola.page.request.post("/graphql", {
      headers: { "content-type": "application/json", "x-samspill-csrf": "1" },
      data: {
        query: print(CreateTokenMutation),
        variables: { org: moldeOrgId, expires: new Date(Date.now() + 86_400_000).toISOString() },
      },
    });
    const answer = ((await created.json()) as { data: ResultOf<typeof CreateTokenMutation> }).data
      .createApiToken;
    const token = answer.__typename === "MutationCreateApiTokenSuccess" ? answer.data.token : undefined;
    expect(token).toMatch(/^sp_/);

    // Marte's page is still open, not reloaded.
    const { page } = marte;
    await page
      .getByRole("region", { name: /Hull i tilbudet/ })
      .getByText(gapText)
      .waitFor();
    await publishOffer(gateway(token).query, {
      providerId: moldeOrgId,
      title: offerTitle,
      // A PRIORITY_GROUP_MISSING_IN_MUNICIPALITY gap names both.
      priorityGroups: [gap.priorityGroup!],
      municipalityNumbers: [gap.municipalityNumber!],
    });

    await page
      .getByRole("status")
      .filter({ hasText: "Oversikten ble oppdatert kl." })
      .waitFor({ timeout: 30_000 });
    await page
      .getByRole("region", { name: /Hull i tilbudet/ })
      .getByText(gapText)
      .waitFor({ state: "detached" });
    await expect
      .poll(async () => Number(await (await cell(municipality, label)).textContent()))
      .toBe(before + 1);
    await marte.audit("joint overview after a live update");
  });

  it("records the forum's review, with field errors first, and lists it", async () => {
    const { page } = marte;
    const forum = page.getByRole("region", { name: /Forumets gjennomganger/ });
    await forum.getByRole("heading", { name: "Registrer en gjennomgang" }).waitFor();
    await forum
      .getByRole("textbox", { name: "Vedtak 1" })
      .fill("Molde kartlegger behovet og melder tilbake til forumet");
    await forum.getByRole("button", { name: "Legg til oppfølging" }).click();
    await forum.getByRole("textbox", { name: /^Hva skal gjøres/ }).fill("Kartlegge behovet i Molde");
    await forum.getByRole("combobox", { name: "Ansvarlig" }).selectOption({ label: "Molde kommune" });
    // Saved without a meeting point, findings or due date: each error is named at its field.
    await forum.getByRole("button", { name: "Lagre gjennomgangen" }).click();
    const summary = page.getByRole("alert").filter({ hasText: /Skjemaet har \d+ feil/ });
    await summary.waitFor();
    const links = await summary.getByRole("link").allTextContents();
    expect(links.some((l) => l.startsWith("Møtepunkt:"))).toBe(true);
    expect(links.some((l) => l.startsWith("Funn:"))).toBe(true);
    expect(links.some((l) => l.startsWith("Oppfølging 1: Frist:"))).toBe(true);
    expect(await forum.getByRole("textbox", { name: /^Funn/ }).getAttribute("aria-invalid")).toBe("true");
    expect(await forum.getByLabel("Frist").getAttribute("aria-invalid")).toBe("true");
    await marte.audit("forum review with errors");

    const meeting = forum.getByRole("combobox", { name: "Møtepunkt" });
    const options = await meeting.locator("option").allTextContents();
    const forumMeeting = options.find((o) => o.startsWith("Fagråd for pasient- og pårørendeopplæring"));
    expect(forumMeeting).toBeTruthy();
    await meeting.selectOption({ label: forumMeeting! });
    await forum.getByRole("textbox", { name: /^Funn/ }).fill(findings);
    const due = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    await forum.getByLabel("Frist").fill(due);
    await forum.getByRole("button", { name: "Lagre gjennomgangen" }).click();

    await forum.getByRole("status").filter({ hasText: "Gjennomgangen er lagret." }).waitFor();
    const review = forum.getByRole("article").filter({ hasText: findings });
    await review.waitFor();
    expect(await review.textContent()).toContain("Molde kartlegger behovet og melder tilbake til forumet");
    expect(await review.textContent()).toContain("Kartlegge behovet i Molde – Molde kommune");
    expect(await review.textContent()).toContain("Registrert av Marte Lund");
    expect(await summary.count()).toBe(0);
    await marte.audit("forum review recorded");
  });

  it("reads the same overview in English", async () => {
    const { page } = marte;
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Joint overview" }).waitFor();
    await page.getByRole("table", { name: /Published offers per municipality and priority group/ }).waitFor();
    await page.getByRole("heading", { level: 2, name: /Gaps in the offer/ }).waitFor();
    await page
      .getByRole("region", { name: /The forum's reviews/ })
      .getByRole("article")
      .filter({ hasText: findings })
      .waitFor();
    await page.getByRole("button", { name: "Show the figures as a table" }).click();
    await page.getByRole("table", { name: "Offers and participation per month" }).waitFor();
    await marte.audit("joint overview in English");
    await page.getByRole("button", { name: "Norsk bokmål" }).click();
    await page.getByRole("heading", { level: 1, name: "Felles oversikt" }).waitFor();

    marte.expectEveryPageAudited();
    ola.expectEveryPageAudited();
  });
});
