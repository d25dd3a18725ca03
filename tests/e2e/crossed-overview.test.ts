import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { signedOutVisitor } from "./support/browser.js";

// The crossed overview as anyone opens it (it is public): municipality × language for Helse
// Møre og Romsdal, South Sami shown at zero, the gaps listed with links to the nearest offers,
// and the gaps downloaded as CSV. The forum's own journey (flags, decisions, snapshots) builds
// on this page; here it is checked on its own, with axe on every state shown.

describe("the crossed overview", () => {
  const visitor = signedOutVisitor();

  it("shows South Sami at zero, lists the gaps with their nearest offers, and exports them", async () => {
    const { page } = visitor;
    await page.goto("/overview/crossed");
    await page.getByLabel("Helseforetaksområde").selectOption({ label: "Helse Møre og Romsdal HF" });
    await page.getByLabel("Rader", { exact: true }).selectOption("MUNICIPALITY");
    await page.getByLabel("Kolonner", { exact: true }).selectOption("LANGUAGE");
    const table = page.getByRole("table", { name: /Publiserte tilbud: Kommune \(rader\) og Språk/ });
    const southSami = table.getByRole("columnheader", { name: "Sørsamisk" });
    await southSami.waitFor();
    const column = await southSami.evaluate((th) => (th as HTMLTableCellElement).cellIndex);
    const cells = await table
      .locator("tbody tr")
      .evaluateAll((rows, i) => rows.map((r) => (r as HTMLTableRowElement).cells[i]?.textContent), column);
    expect(cells.length).toBeGreaterThan(0);
    expect(new Set(cells)).toEqual(new Set(["0"]));
    await visitor.audit("crossed overview: municipality × language");

    const gaps = page.getByRole("region", { name: /Hull i tilbudet/ });
    const nearest = gaps.getByRole("list", { name: /Nærmeste tilbud for .* × Sørsamisk/ }).first();
    await expect.poll(() => nearest.getByRole("link").count()).toBeGreaterThan(0);
    expect(await nearest.textContent()).toContain("annet språk");

    const download = page.waitForEvent("download");
    await gaps.getByRole("link", { name: "Last ned hullene som CSV" }).click();
    const csv = await readFile((await (await download).path()) ?? "", "utf8");
    expect(csv).toContain(";Språk;sma;Sørsamisk;0;");

    await nearest.getByRole("link").first().click();
    await page.waitForURL(/\/offers\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await visitor.audit("a nearest offer");
    visitor.expectEveryPageAudited();
  });
});
