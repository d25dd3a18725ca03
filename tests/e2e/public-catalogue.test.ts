import { describe, expect, it } from "vitest";
import { signedOutVisitor } from "./support/browser.js";

// A signed-out visitor finds a course in their language, shares the search, opens the offer,
// puts its dates in their calendar and prints the poster.
describe("public catalogue, signed out", () => {
  const visitor = signedOutVisitor();

  it("searches, filters by facets held in the URL, and downloads the same results as CSV", async () => {
    const { page } = visitor;
    await page.goto("/");
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("nb");
    await page.getByRole("heading", { level: 1, name: "Finn lærings- og mestringstilbud" }).waitFor();
    await page
      .getByRole("status")
      .filter({ hasText: /tilbud passer søket/ })
      .waitFor();
    await visitor.audit("catalogue");

    // The first Tab reaches the skip link, which moves focus to the main content.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Hopp til hovedinnhold");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("main");

    await page.getByRole("searchbox", { name: "Søk i tilbud" }).fill("søvn");
    await page.getByRole("button", { name: "Søk", exact: true }).click();
    await page.waitForURL(/text=s%C3%B8vn/);
    await page.getByRole("link", { name: "Bedre søvn" }).waitFor();

    const languages = page.getByRole("group", { name: "Språk", exact: true });
    // Facets work from the keyboard: focus a box and press Space.
    await languages.getByRole("checkbox", { name: "Nynorsk" }).focus();
    await page.keyboard.press("Space");
    await page.waitForURL(/language=nn/);
    await page.getByRole("group", { name: "Form" }).getByRole("checkbox", { name: "Fysisk oppmøte" }).check();
    await page.waitForURL(/format=PHYSICAL/);
    const count = page.getByRole("status").filter({ hasText: /passer søket/ });
    await expect.poll(() => count.textContent()).toMatch(/^1 tilbud passer søket\.$/);
    const card = page.getByRole("article").filter({ has: page.getByRole("link", { name: "Bedre søvn" }) });
    await expect
      .poll(() => card.getByRole("list", { name: "Kjennetegn" }).textContent())
      .toContain("Nynorsk");
    await visitor.audit("catalogue with filters");

    // The address is the search: opened afresh, it shows the same filters and results.
    const shared = page.url();
    await page.goto(shared);
    await expect.poll(() => languages.getByRole("checkbox", { name: "Nynorsk" }).isChecked()).toBe(true);
    await expect.poll(() => count.textContent()).toMatch(/^1 tilbud/);

    const csvHref = await page.getByRole("link", { name: "Last ned CSV" }).getAttribute("href");
    expect(csvHref).toBe("/export/offers.csv?text=s%C3%B8vn&format=PHYSICAL&language=nn");
    const csv = await page.request.get(csvHref ?? "");
    expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
    const rows = (await csv.text()).trim().split("\n");
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain("Bedre søvn");
  });

  it("opens an offer with its sessions and downloads its calendar file", async () => {
    const { page } = visitor;
    await page.getByRole("link", { name: "Bedre søvn" }).click();
    const heading = page.getByRole("heading", { level: 1, name: "Bedre søvn" });
    await heading.waitFor();
    // Focus moves to the new page's heading after a client-side navigation.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
    await page.getByRole("table").getByRole("row").nth(1).waitFor();
    await page.getByRole("heading", { name: "Slik melder du deg på" }).waitFor();
    await visitor.audit("offer page");

    const calendar = page.getByRole("link", { name: "Legg til i kalender" });
    const href = await calendar.getAttribute("href");
    expect(href).toMatch(/^\/calendar\/offers\/[0-9a-f-]{36}\.ics$/);
    const [download] = await Promise.all([page.waitForEvent("download"), calendar.click()]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const ics = await page.request.get(href ?? "");
    expect(ics.status()).toBe(200);
    expect(ics.headers()["content-type"]).toMatch(/^text\/calendar/);
    const body = await ics.text();
    expect(body).toContain("BEGIN:VCALENDAR");
    expect(body).toContain("BEGIN:VEVENT");

    await page.getByRole("link", { name: "Plakat for utskrift" }).click();
    await page.getByRole("button", { name: "Skriv ut" }).waitFor();
    await visitor.audit("poster");
    // The poster's print stylesheet leaves out the site's header and menu.
    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("banner").isVisible()).toBe(false);
    expect(await page.getByRole("heading", { level: 1, name: "Bedre søvn" }).isVisible()).toBe(true);
    await page.emulateMedia({ media: "screen" });
  });

  it("switches to English, keeps the choice in <html lang>, and shows a 404 page", async () => {
    const { page } = visitor;
    await page.goto("/");
    const switcher = page.getByRole("group", { name: "Visningsspråk" });
    await switcher.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Find learning and coping offers" }).waitFor();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
    await page
      .getByRole("group", { name: "Language", exact: true })
      .getByRole("checkbox", { name: "South Sami" })
      .waitFor();
    await visitor.audit("catalogue in English");

    await page.goto("/no/such/page");
    await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
    await visitor.audit("404");
    await page
      .getByRole("group", { name: "Display language" })
      .getByRole("button", { name: "Norsk bokmål" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Fant ikke siden" }).waitFor();
    visitor.expectEveryPageAudited();
  });
});
