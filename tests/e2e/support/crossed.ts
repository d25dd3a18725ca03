import { expect } from "vitest";
import type { AuditedPage } from "./browser.js";

// The crossed overview (/overview/crossed) as a journey drives it: a hospital trust's
// municipalities against languages, one cell read by its row and column names, and a gap found
// in the paged list of gaps.

export async function openCrossedByLanguage(visitor: AuditedPage, trust: string) {
  const { page } = visitor;
  await page.goto("/overview/crossed");
  await page.getByLabel("Helseforetaksområde").selectOption({ label: trust });
  await page.getByLabel("Rader", { exact: true }).selectOption("MUNICIPALITY");
  await page.getByLabel("Kolonner", { exact: true }).selectOption("LANGUAGE");
  await crossedTable(visitor).waitFor();
}

const crossedTable = ({ page }: AuditedPage) =>
  page.getByRole("table", { name: /Publiserte tilbud: Kommune \(rader\) og Språk/ });

/** The count in the table's cell for a row (municipality) and a column (language) by name. */
export async function crossedCell(visitor: AuditedPage, row: string, column: string): Promise<string> {
  const table = crossedTable(visitor);
  const header = table.getByRole("columnheader", { name: column, exact: true });
  await header.waitFor();
  const index = await header.evaluate((th) => (th as HTMLTableCellElement).cellIndex);
  const cells = table
    .locator("tbody tr")
    .filter({ has: visitor.page.getByRole("rowheader", { name: row, exact: true }) });
  return (await cells.first().locator("td, th").nth(index).textContent()) ?? "";
}

/**
 * Reloads the crossed overview until the cell shows `expected`: the worker updates the read
 * model behind it after an offer changes, a moment later.
 */
export async function waitForCrossedCell(
  visitor: AuditedPage,
  row: string,
  column: string,
  expected: string,
) {
  await expect
    .poll(
      async () => {
        await visitor.page.reload();
        return crossedCell(visitor, row, column);
      },
      { timeout: 60_000, interval: 1_000 },
    )
    .toBe(expected);
}

/** The gap's item in the list of gaps, turning its pages until the gap shows. */
export async function findGap(visitor: AuditedPage, name: string) {
  const gaps = visitor.page.getByRole("region", { name: /Hull i tilbudet/ });
  await gaps.getByRole("listitem").first().waitFor();
  const item = gaps.locator("ol.gap-list > li").filter({ hasText: `${name}:` });
  for (let page = 0; page < 20 && (await item.count()) === 0; page++) {
    const first = await gaps.locator("ol.gap-list > li").first().textContent();
    await gaps.getByRole("button", { name: "Neste side" }).click();
    await expect.poll(() => gaps.locator("ol.gap-list > li").first().textContent()).not.toBe(first);
  }
  return item.first();
}
