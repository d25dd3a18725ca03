import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type AuditedPage, launchBrowser, openPage } from "./support/browser.js";
import { signIn } from "./support/sign-in.js";

// Lise Vik leads the learning and mastery centre in Ålesund (Helse Møre og Romsdal). Before
// planning a COPD course she looks up what the other hospital trusts already run for COPD:
// diagnosis group and provider kind in the catalogue, held in the address so she can share it,
// then the course page with its dates and whom to contact.
describe("a hospital trust finds the other trusts' offers for a diagnosis", () => {
  let browser: Browser;
  let lise: AuditedPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    lise = await openPage(browser, inject("webUrl"));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("filters by diagnosis group and provider kind, then opens another trust's course", async () => {
    const { page } = lise;
    await signIn(lise, /Lise Vik/);
    await lise.audit("workspace, signed in");

    await page
      .getByRole("navigation", { name: "Hovedmeny" })
      .getByRole("link", { name: "Finn tilbud" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Finn lærings- og mestringstilbud" }).waitFor();
    const count = page.getByRole("status").filter({ hasText: /passer søket/ });
    await count.waitFor();

    await page.getByRole("group", { name: "Diagnosegruppe" }).getByRole("checkbox", { name: "KOLS" }).check();
    await page.waitForURL(/diagnosisGroup=COPD/);
    // Without the provider facet, the municipalities' COPD courses are among the results.
    await page.getByRole("link", { name: "Lungekurs i kommunen" }).waitFor();
    await lise.audit("catalogue filtered by diagnosis group");

    await page
      .getByRole("group", { name: "Tilbyder" })
      .getByRole("checkbox", { name: "Helseforetak" })
      .check();
    await page.waitForURL(/providerKind=HOSPITAL_TRUST/);
    await expect.poll(() => count.textContent()).toBe("2 tilbud passer søket.");
    expect(await page.getByRole("link", { name: "Lungekurs i kommunen" }).count()).toBe(0);

    const url = new URL(page.url());
    expect(url.searchParams.getAll("diagnosisGroup")).toEqual(["COPD"]);
    expect(url.searchParams.getAll("providerKind")).toEqual(["HOSPITAL_TRUST"]);

    const results = page.getByRole("region", { name: "Treff" });
    const providers = async () =>
      (await results.getByRole("article").locator(".meta").allTextContents()).map((m) =>
        m.replace(/^.*Tilbys av /, ""),
      );
    await expect.poll(providers).toHaveLength(2);
    const names = await providers();
    expect(names.every((name) => name.endsWith(" HF"))).toBe(true);
    // Another trust's course is there, not only her own trust's.
    expect(names).toContain("St. Olavs hospital HF");
    expect(names.filter((name) => name !== "Helse Møre og Romsdal HF").length).toBeGreaterThan(0);
    await lise.audit("catalogue filtered to hospital trusts");

    // The address is the search: opened afresh, the same boxes are ticked and the same offers shown.
    await page.goto(url.toString());
    await expect.poll(() => count.textContent()).toBe("2 tilbud passer søket.");
    expect(
      await page
        .getByRole("group", { name: "Tilbyder" })
        .getByRole("checkbox", { name: "Helseforetak" })
        .isChecked(),
    ).toBe(true);
    expect(
      await page
        .getByRole("group", { name: "Diagnosegruppe" })
        .getByRole("checkbox", { name: "KOLS" })
        .isChecked(),
    ).toBe(true);

    await results.getByRole("link", { name: "KOLS-skole" }).click();
    await page.getByRole("heading", { level: 1, name: "KOLS-skole" }).waitFor();
    await page.getByText("Tilbys av St. Olavs hospital HF").waitFor();
    const sessions = page.getByRole("table", { name: "Datoer og ledige plasser" });
    await sessions.waitFor();
    expect(await sessions.getByRole("row").count()).toBeGreaterThan(1);
    const contact = page.getByRole("complementary", { name: "Kontakt" });
    await contact.getByText("LMS St. Olavs hospital").waitFor();
    expect(await contact.getByRole("link", { name: "lms@stolav.no" }).getAttribute("href")).toBe(
      "mailto:lms@stolav.no",
    );
    await lise.audit("another trust's course");
    lise.expectEveryPageAudited();
  });
});
