import { describe, expect, it } from "vitest";
import { signedOutVisitor } from "./support/browser.js";

// A visitor in Volda whose browser asks for nynorsk (Accept-Language and navigator.languages
// nn-NO) gets the catalogue in nynorsk without looking for a switch; offer texts stay as their
// providers wrote them, each marked with its own language. A choice in the switcher wins and
// is remembered.
describe("public catalogue in nynorsk, signed out", () => {
  const visitor = signedOutVisitor("nn-NO");

  it("follows the browser's nynorsk and marks each offer's text with the language it was written in", async () => {
    const { page } = visitor;
    expect(await page.evaluate(() => navigator.language)).toBe("nn-NO");
    await page.goto("/?municipality=1577");
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("nn");
    await page.getByRole("heading", { level: 1, name: "Finn lærings- og meistringstilbod" }).waitFor();
    await page
      .getByRole("status")
      .filter({ hasText: /tilbod passar søket/ })
      .waitFor();
    await page.getByRole("navigation", { name: "Hovudmeny" }).waitFor();
    await page.getByRole("searchbox", { name: "Søk i tilbod" }).waitFor();
    await visitor.audit("catalogue in nynorsk");

    // Volda's course is written in nynorsk, the hospital trust's in bokmål: each keeps its own.
    const volda = page.getByRole("link", { name: "Depresjonsmeistring for ungdom (DU)" });
    expect(await volda.getAttribute("lang")).toBe("nn");
    const voldaCard = page.getByRole("article").filter({ has: volda });
    expect(await voldaCard.locator("p[lang]").getAttribute("lang")).toBe("nn");
    const hospital = page.getByRole("link", { name: "Diabeteskurs – type 2" });
    expect(await hospital.getAttribute("lang")).toBe("nb");
    // The card's own chrome (who provides it) is in the UI language.
    expect(await voldaCard.textContent()).toContain("Blir tilbode av Volda kommune");

    await volda.click();
    await page.waitForURL(/\/offers\/[0-9a-f-]+$/);
    await expect
      .poll(() => page.locator("main h1").textContent(), { timeout: 30_000 })
      .toBe("Depresjonsmeistring for ungdom (DU)");
    expect(await page.getByRole("heading", { level: 1 }).locator("[lang]").getAttribute("lang")).toBe("nn");
    await page.getByRole("heading", { level: 2, name: "Datoar og ledige plassar" }).waitFor();
    await page.getByRole("link", { name: "← Tilbake til søket" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("nn");
    await visitor.audit("offer page in nynorsk");
  });

  it("switches to bokmål on a press, keeps the offer texts in their language, and remembers the choice", async () => {
    const { page } = visitor;
    await page.goto("/?municipality=1577");
    await page.getByRole("heading", { level: 1, name: "Finn lærings- og meistringstilbod" }).waitFor();
    const switcher = page.getByRole("group", { name: "Visingsspråk" });
    await switcher.getByRole("button", { name: "Norsk bokmål" }).click();
    await page.getByRole("heading", { level: 1, name: "Finn lærings- og mestringstilbud" }).waitFor();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("nb");
    expect(
      await page.getByRole("link", { name: "Depresjonsmeistring for ungdom (DU)" }).getAttribute("lang"),
    ).toBe("nn");
    await visitor.audit("catalogue switched to bokmål");

    // Remembered over the browser's nynorsk on the next visit.
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Finn lærings- og mestringstilbud" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("nb");
    await page.getByRole("group", { name: "Visningsspråk" }).getByRole("button", { name: "English" }).click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
    visitor.expectEveryPageAudited();
  });
});
