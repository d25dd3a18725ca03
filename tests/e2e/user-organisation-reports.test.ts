import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type AuditedPage, launchBrowser, openPage } from "./support/browser.js";
import { signIn } from "./support/sign-in.js";

// Sigrid Moe reports for FFO Trøndelag (a user organisation) how many took part in St. Olavs
// hospital's diabetes course last month. The browser catches figures that do not add up, the
// gateway catches a phone number in the notes, and the overview shows the report with its totals.

/** Last month in Norwegian time, as the report's period and as the overview writes it. */
function lastMonth() {
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Oslo" }).format(new Date());
  const [y, m] = today.split("-").map(Number) as [number, number];
  const start = new Date(Date.UTC(m === 1 ? y - 1 : y, m === 1 ? 11 : m - 2, 1));
  const end = new Date(Date.UTC(y, m - 1, 0));
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const long = (d: Date) =>
    new Intl.DateTimeFormat("nb-NO", { dateStyle: "long", timeZone: "UTC" }).format(d);
  return { from: iso(start), to: iso(end), caption: `${long(start)} – ${long(end)}` };
}

/** The text of the elements that describe a field (its hint and its errors). */
async function descriptionOf(page: Page, field: Locator): Promise<string> {
  const ids = ((await field.getAttribute("aria-describedby")) ?? "").split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(" ");
}

const cells = (row: Locator) => row.getByRole("cell").allTextContents();

describe("a user organisation reports participation", () => {
  let browser: Browser;
  let sigrid: AuditedPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    sigrid = await openPage(browser, inject("webUrl"));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("reports on another organisation's course, fixing what the browser and the gateway refuse", async () => {
    const { page } = sigrid;
    const period = lastMonth();
    await signIn(sigrid, /Sigrid Moe/, "/participation");
    await page.getByRole("heading", { level: 1, name: "Rapporter deltakelse" }).waitFor();
    await page.getByText("Du rapporterer for FFO Trøndelag.").waitFor();
    const overview = page.getByRole("region", { name: "Rapportert av FFO Trøndelag" });
    // The seed's reports for FFO are there before this one.
    await overview.getByRole("table").first().waitFor();
    await sigrid.audit("participation page");

    const form = page.getByRole("form", { name: "Ny rapport" });
    await form.getByRole("searchbox", { name: "Finn tilbudet" }).fill("diabetes");
    const course = form.getByRole("radio", {
      name: "Kurs for personer med diabetes type 2 – St. Olavs hospital HF",
    });
    await course.check();
    await form.getByLabel(/^Fra og med/).fill(period.from);
    await form.getByLabel(/^Til og med/).fill(period.to);
    await form.getByRole("spinbutton", { name: "Pasienter og brukere" }).fill("3");
    await form.getByRole("spinbutton", { name: "Pårørende" }).fill("1");
    await form.getByText("Deltakere totalt: 4").waitFor();
    const delivery = form.getByRole("spinbutton", { name: "I gjennomføringen" });
    await delivery.fill("6");
    await sigrid.audit("report form filled in");

    // Six user representatives for four participants: the browser refuses before sending.
    await form.getByRole("button", { name: "Send rapporten" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Skjemaet har én feil" });
    await summary.waitFor();
    await summary.getByRole("link", { name: /I gjennomføringen: Flere brukerrepresentanter/ }).waitFor();
    expect(await delivery.getAttribute("aria-invalid")).toBe("true");
    expect(await descriptionOf(page, delivery)).toContain(
      "Flere brukerrepresentanter (6) enn deltakere (4): sjekk at tallene står i riktige felt",
    );
    await sigrid.audit("inconsistent total refused at the field");

    // Fixed, the error goes at once; a phone number in the notes is the gateway's to refuse.
    await delivery.fill("2");
    await expect.poll(() => delivery.getAttribute("aria-invalid")).toBeNull();
    const notes = form.getByRole("textbox", { name: "Merknader" });
    await notes.fill("To kvelder. Spørsmål til kursleder på 912 34 567.");
    await form.getByRole("button", { name: "Send rapporten" }).click();
    await page.getByRole("alert").filter({ hasText: "Skjemaet har én feil" }).waitFor();
    await expect.poll(() => notes.getAttribute("aria-invalid")).toBe("true");
    expect(await descriptionOf(page, notes)).toMatch(/telefonnummer/);
    await sigrid.audit("personal data refused at the notes");

    await notes.fill("To kvelder, god oppslutning.");
    await form.getByRole("button", { name: "Send rapporten" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "Rapporten for «Kurs for personer med diabetes type 2» er lagret." })
      .waitFor();
    expect(await page.getByRole("alert").count()).toBe(0);

    // Newest period first: last month's table leads the overview, with the period's totals.
    const table = overview.getByRole("table", { name: period.caption });
    await table.waitFor();
    expect(await overview.locator("caption").first().textContent()).toBe(period.caption);
    const row = table.getByRole("row", { name: /Kurs for personer med diabetes type 2/ });
    // patients, carers, children and youth, parents, others, total, user reps by phase, action.
    expect((await cells(row)).slice(0, 9)).toEqual(["3", "1", "0", "0", "0", "4", "0", "2", "0"]);
    const sum = table.getByRole("row", { name: /^Sum \(1 rapport\)/ });
    expect((await cells(sum)).slice(0, 9)).toEqual(["3", "1", "0", "0", "0", "4", "0", "2", "0"]);
    await sigrid.audit("overview with the new report");
  });

  it("corrects the report and sees the corrected totals", async () => {
    const { page } = sigrid;
    const period = lastMonth();
    const overview = page.getByRole("region", { name: "Rapportert av FFO Trøndelag" });
    const table = overview.getByRole("table", { name: period.caption });
    await table.getByRole("link", { name: /^Korriger Kurs for personer med diabetes type 2/ }).click();
    await page.getByRole("heading", { level: 1, name: "Korriger rapport" }).waitFor();
    const form = page.getByRole("form", { name: "Korriger rapport" });
    const carers = form.getByRole("spinbutton", { name: "Pårørende" });
    await expect.poll(() => carers.inputValue()).toBe("1");
    await sigrid.audit("correction form");

    await carers.fill("2");
    await form.getByText("Deltakere totalt: 5").waitFor();
    await form.getByRole("button", { name: "Lagre korrigeringen" }).click();
    await page.waitForURL(/\/participation\?org=/);
    await page.getByRole("status").filter({ hasText: "Rapporten er korrigert." }).waitFor();
    const row = table.getByRole("row", { name: /Kurs for personer med diabetes type 2/ });
    await expect.poll(async () => (await cells(row)).slice(0, 6)).toEqual(["3", "2", "0", "0", "0", "5"]);
    await sigrid.audit("overview after the correction");
    sigrid.expectEveryPageAudited();
  });
});
