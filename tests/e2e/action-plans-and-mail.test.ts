import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, openPage } from "./support/browser.js";
import { runWeeklyDigest } from "./support/mail-page.js";
import { signIn } from "./support/sign-in.js";

// The action plans (public, followed up by the plan owner's editors) and the admins' mail page:
// what the summaries jobs sent through the local SMTP sink, and a preview of a weekly digest.
describe("action plans and mail", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows anyone the measures, what is due soon first, and filters by section in the URL", async () => {
    const visitor = await openPage(browser, inject("webUrl"));
    const { page } = visitor;
    await page.goto("/");
    await page.getByRole("heading", { level: 1 }).waitFor();
    await visitor.audit("catalogue");
    await page
      .getByRole("navigation", { name: "Hovedmeny" })
      .getByRole("link", { name: "Handlingsplaner" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Handlingsplaner" }).waitFor();
    const dueSoon = page.getByRole("region", { name: "Sjekkpunkt snart" });
    await dueSoon.getByRole("table").waitFor();
    await visitor.audit("action plans");

    // What is due soon comes before the plans, and within it the overdue measures come first.
    const sections = await page.getByRole("heading", { level: 2 }).allTextContents();
    expect(sections[0]).toBe("Sjekkpunkt snart");
    expect(sections).toEqual(
      expect.arrayContaining([
        "Regional handlingsplan for opplæring av pasienter og pårørende 2023-2027",
        "Handlingsplan LMS Møre og Romsdal 2023 – 2025",
      ]),
    );
    const rows = dueSoon.getByRole("row");
    const overdue = await rows.evaluateAll((list) =>
      list.slice(1).map((row) => row.querySelector(".tag-overdue") !== null),
    );
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue[0]).toBe(true);
    expect(overdue).toEqual([...overdue].sort((a, b) => Number(b) - Number(a)));

    await page.getByRole("combobox", { name: "Kapittel" }).selectOption("2.4.4");
    await page.waitForURL((url) => url.searchParams.get("section") === "2.4.4");
    await page
      .getByRole("status")
      .filter({ hasText: /tiltak passer filtrene/ })
      .waitFor();
    // The unfiltered list also holds 2.4.4 measures: wait until it holds nothing else (the
    // filtered page has replaced it), not only until one of them shows.
    await expect
      .poll(async () => {
        const headings = await page.getByRole("heading", { level: 3 }).allTextContents();
        return headings.length > 0 && headings.every((h) => h.startsWith("2.4.4 "));
      })
      .toBe(true);
    await visitor.audit("action plans filtered by section");

    // The filter is in the address: opened afresh, the page shows the same selection.
    // Its options come with the plans, which the reloaded page fetches anew: more than the
    // poll's default second when the machine is busy.
    await page.reload();
    await expect
      .poll(() => page.getByRole("combobox", { name: "Kapittel" }).inputValue(), { timeout: 15_000 })
      .toBe("2.4.4");
    // Visitors see no way to change a measure.
    expect(await page.getByRole("button", { name: /Oppdater status/ }).count()).toBe(0);
    visitor.expectEveryPageAudited();
  });

  it("lets the plan owner's editor set a measure's status with a progress note, and add, revise and remove measures", async () => {
    const lise = await openPage(browser, inject("webUrl"));
    const { page } = lise;
    await signIn(lise, /Lise Vik/);
    await lise.audit("workspace");
    await page.goto("/action-plans?plan=hmr-lms-2023-2025&section=2.1.2");
    await page.getByRole("heading", { level: 1, name: "Handlingsplaner" }).waitFor();
    const measure = page.getByRole("article", { name: /^Tiltak 2\.1\.2 nr\. 1\b/ });
    await measure.waitFor();
    await expect
      .poll(() => page.getByRole("combobox", { name: "Handlingsplan" }).inputValue(), { timeout: 15_000 })
      .toBe("hmr-lms-2023-2025");
    await lise.audit("action plan as its editor");

    await measure.getByRole("button", { name: /Oppdater status eller skriv notat/ }).click();
    const form = page.getByRole("form", { name: "Oppdater Tiltak 2.1.2 nr. 1" });
    // Saving without a new status or a note: the gateway names the note as what is missing.
    await form.getByRole("button", { name: "Lagre" }).click();
    await form.getByRole("alert").filter({ hasText: "Fremdriftsnotat" }).waitFor();
    await expect
      .poll(() => form.getByRole("textbox", { name: "Fremdriftsnotat" }).getAttribute("aria-invalid"))
      .toBe("true");
    await lise.audit("measure update with field errors");

    await form.getByRole("combobox", { name: "Status" }).selectOption("IN_PROGRESS");
    await form
      .getByRole("textbox", { name: "Fremdriftsnotat" })
      .fill("Kartleggingen av skriftlig materiell er i gang i tre avdelinger.");
    await form.getByRole("button", { name: "Lagre" }).click();
    await measure
      .getByRole("status")
      .filter({ hasText: "Tiltak 2.1.2 nr. 1 har fått status «Under arbeid»." })
      .waitFor();
    await measure.getByRole("heading", { level: 4 }).filter({ hasText: "Under arbeid" }).waitFor();
    const notes = measure.getByRole("list", { name: "Fremdrift for Tiltak 2.1.2 nr. 1" });
    await notes.getByText("Kartleggingen av skriftlig materiell er i gang i tre avdelinger.").waitFor();
    expect(await notes.getByRole("listitem").first().textContent()).toMatch(
      /Lise Vik · status satt til Under arbeid/,
    );
    await lise.audit("measure after the update");

    // The plan is revised: a measure added to the section, then rescheduled through the same fields.
    await page.getByRole("button", { name: "Legg til tiltak i 2.1.2" }).click();
    const addForm = page.getByRole("form", { name: "Legg til tiltak i 2.1.2" });
    await addForm.getByRole("button", { name: "Legg til tiltaket" }).click();
    await expect
      .poll(() => addForm.getByRole("textbox", { name: /^Tiltak/ }).getAttribute("aria-invalid"))
      .toBe("true");
    await lise.audit("add measure with field errors");
    const added = `Nytt tiltak ${Date.now()}: informasjonsmøte for pårørende hvert halvår.`;
    await addForm.getByRole("textbox", { name: /^Tiltak/ }).fill(added);
    await addForm.getByRole("textbox", { name: "Ansvarlig" }).fill("HF, RHF");
    await addForm.getByRole("combobox", { name: "Hvor ofte" }).selectOption("HALF_YEARLY");
    await addForm.getByRole("button", { name: "Legg til tiltaket" }).click();
    await page.getByRole("status").filter({ hasText: "Tiltaket er lagt til i 2.1.2." }).waitFor();
    const newMeasure = page.getByRole("article").filter({ hasText: added });
    await newMeasure.getByText("HF/RHF").waitFor();

    await newMeasure.getByRole("button", { name: /Revider eller fjern tiltaket/ }).click();
    const revise = newMeasure.getByRole("form", { name: /^Revider Tiltak 2\.1\.2 nr\. \d+$/ });
    expect(await revise.getByRole("textbox", { name: /^Tiltak/ }).inputValue()).toBe(added);
    expect(await revise.getByRole("combobox", { name: "Hvor ofte" }).inputValue()).toBe("HALF_YEARLY");
    // Every N years without the number of years: the domain names that field.
    await revise.getByRole("combobox", { name: "Hvor ofte" }).selectOption("EVERY_N_YEARS");
    await revise.getByRole("button", { name: "Lagre" }).click();
    await expect
      .poll(() =>
        revise
          .getByRole("spinbutton", { name: "Antall år mellom sjekkpunktene" })
          .getAttribute("aria-invalid"),
      )
      .toBe("true");
    await lise.audit("revise measure with field errors");
    await revise.getByRole("spinbutton", { name: "Antall år mellom sjekkpunktene" }).fill("5");
    await revise
      .getByRole("textbox", { name: "Hvorfor planen endres her" })
      .fill("Planen ble revidert i møtet.");
    await revise.getByRole("button", { name: "Lagre" }).click();
    await newMeasure
      .getByRole("status")
      .filter({ hasText: /er revidert\.$/ })
      .waitFor();
    await newMeasure.getByText("Planen ble revidert i møtet.").waitFor();
    await lise.audit("measure after the revision");

    // Removed after a confirmation: it leaves the current plan and stays as history.
    await newMeasure.getByRole("button", { name: /Revider eller fjern tiltaket/ }).click();
    await revise.getByRole("button", { name: "Fjern tiltaket" }).click();
    await revise.getByRole("button", { name: "Ja, fjern tiltaket" }).click();
    await expect.poll(() => newMeasure.count(), { timeout: 15_000 }).toBe(0);
    // The checkbox follows the address, so it changes once the URL has: click, then wait for it.
    await page.getByRole("checkbox", { name: /Vis også fjernede tiltak/ }).click();
    await page.waitForURL((url) => url.searchParams.get("removed") === "1");
    await newMeasure.getByRole("heading", { level: 4 }).filter({ hasText: "Fjernet" }).waitFor();
    expect(await newMeasure.getByRole("button", { name: /Revider eller fjern tiltaket/ }).count()).toBe(0);
    lise.expectEveryPageAudited();
  });

  it("shows admins the summaries that were sent and a preview of a weekly digest", async () => {
    const eva = await openPage(browser, inject("webUrl"));
    const { page } = eva;
    await signIn(eva, /Eva Strand/);
    await eva.audit("workspace");
    await page
      .getByRole("navigation", { name: "Hovedmeny" })
      .getByRole("link", { name: "E-post og sammendrag" })
      .click();
    await page.getByRole("heading", { level: 1, name: "E-post og sammendrag" }).waitFor();
    const sent = page.getByRole("region", { name: "Sendte e-poster" });
    await sent.getByRole("table").waitFor();
    await eva.audit("mail page");

    // Run the weekly digest now, as an RHF admin would from the queue dashboard. A digest
    // already sent this week is not sent again, and the list shows that one.
    const counts = await runWeeklyDigest(page, inject("gatewayUrl"));
    expect(counts.sent + counts.alreadySent).toBeGreaterThan(0);
    await page.reload();
    const digestLink = sent.getByRole("link", { name: /^Samspill: / }).first();
    await digestLink.waitFor();
    const subject = (await digestLink.textContent()) ?? "";
    await digestLink.click();
    const opened = page.getByRole("region", { name: subject });
    await opened.getByRole("heading", { level: 2, name: subject }).waitFor();
    const frame = opened.locator("iframe");
    expect(await frame.getAttribute("sandbox")).toBe("");
    expect(await frame.getAttribute("title")).toBe(`HTML-versjonen av «${subject}»`);
    await expect.poll(() => opened.getByRole("region", { name: "Ren tekst" }).textContent()).toMatch(/\S/);
    await eva.audit("opened mail");

    const preview = page.getByRole("region", { name: "Forhåndsvis ukentlig sammendrag" });
    await preview
      .getByRole("combobox", { name: "Person" })
      .selectOption({ label: "Kari Nordmann (Molde kommune)" });
    await preview.getByRole("button", { name: "Forhåndsvis" }).click();
    await page.waitForURL((url) => url.searchParams.has("person"));
    const previewFrame = preview.locator("iframe");
    await previewFrame.waitFor();
    expect(await previewFrame.getAttribute("sandbox")).toBe("");
    await preview.getByRole("heading", { level: 3 }).waitFor();
    await expect
      .poll(() => preview.getByRole("region", { name: /^Ren tekst: / }).textContent())
      .toMatch(/Kari/);
    await eva.audit("digest preview");
    eva.expectEveryPageAudited();
  }, 240_000);
});
