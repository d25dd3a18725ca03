import { describe, expect, it } from "vitest";
import { signedOutVisitor } from "./support/browser.js";

// A visitor looks for something near Molde on an evening: facet counts, the place filter
// (nearest first) and the results map. The map's tiles point at a dead address (setup/hub.ts):
// the markers and the list must work without them.
describe("catalogue near a place, with facet counts and a map", () => {
  const visitor = signedOutVisitor();

  it("counts per facet value, orders from a municipality, and maps the results offline", async () => {
    const { page } = visitor;
    await page.goto("/");
    await page.getByRole("heading", { level: 1, name: "Finn lærings- og mestringstilbud" }).waitFor();
    const count = page.getByRole("status").filter({ hasText: /passer søket/ });
    await count.waitFor();
    // Each option says how many offers of the current search it would leave.
    const formats = page.getByRole("group", { name: "Form", exact: true });
    await formats.getByRole("checkbox", { name: /^Fysisk oppmøte \(\d+\)$/ }).waitFor();

    const near = page.getByRole("group", { name: "Nær deg" });
    await near.getByRole("textbox", { name: "Kommune" }).fill("Molde");
    await near.getByRole("button", { name: "Bruk" }).click();
    await page.waitForURL(/near=Molde/);
    await page.getByText("Nærmeste først, regnet fra Molde.").waitFor();

    const map = page.getByRole("region", { name: "Kart over tilbudene på denne siden" });
    await map.locator("path.map-offer").first().waitFor();
    expect(await map.locator("path.map-origin").count()).toBe(1);
    await page.getByText("Tilbudene står i kommunesenteret").waitFor();
    await visitor.audit("catalogue near a place");

    // Within 25 km of Molde, only offers serving Molde or its neighbours remain.
    await near.getByRole("combobox", { name: "Avstand" }).selectOption("25");
    await page.waitForURL(/within=25/);
    await expect.poll(() => count.textContent(), { timeout: 10_000 }).toMatch(/^\d+ tilbud passer søket\.$/);

    await page
      .getByRole("group", { name: "Tid på dagen" })
      .getByRole("checkbox", { name: /^Kveld/ })
      .check();
    await page.waitForURL(/time=EVENING/);
    await page
      .getByRole("group", { name: "Ukedag" })
      .getByRole("checkbox", { name: /^Søndag \(\d+\)$/ })
      .waitFor();
  });
});
