import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type AuditedPage, launchBrowser, openPage } from "./support/browser.js";
import { signIn } from "./support/sign-in.js";

// The municipality's other registrations: its cooperation agreement with the hospital trust and
// a meeting point with minutes, a decision and a follow-up.
describe("agreements and meeting points in the workspace", () => {
  let browser: Browser;
  let kari: AuditedPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    kari = await openPage(browser, inject("webUrl"));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("edits the municipality's own side of the agreement and sees the change in its history", async () => {
    const { page } = kari;
    await signIn(kari, /Kari Nordmann/);
    await kari.audit("workspace");
    await page.getByRole("link", { name: "Molde kommune" }).click();
    await page.getByRole("heading", { level: 1, name: "Tilbud fra Molde kommune" }).waitFor();
    await page.getByRole("table").waitFor();
    await kari.audit("organisation's offers");
    await page
      .getByRole("navigation", { name: "Sider for organisasjonen" })
      .getByRole("link", { name: "Avtaler" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Avtaler for Molde kommune" }).waitFor();
    const agreement = page
      .getByRole("table")
      .getByRole("link", { name: /Helse Møre og Romsdal HF og Molde kommune/ });
    await agreement.waitFor();
    await kari.audit("agreements");

    await agreement.click();
    await page.getByRole("heading", { level: 1, name: /^Rediger «Samarbeidsavtale/ }).waitFor();
    // The hospital trust coordinates the statutory agreement: its shared fields and parties are
    // shown to the municipality, disabled, with the reason; there is nothing to save them with.
    await page.getByText(/^Bare Helse Møre og Romsdal HF, som koordinerer avtalen/).waitFor();
    await page.getByRole("group", { name: "Parter" }).getByRole("group", { name: "Part 2" }).waitFor();
    expect(await page.getByRole("textbox", { name: "Beskrivelse" }).isDisabled()).toBe(true);
    expect(await page.getByRole("button", { name: "Lagre avtalen" }).count()).toBe(0);
    await kari.audit("agreement editor");

    // Molde's own responsibility is a form; the hospital trust's is text.
    await page
      .getByText(/Ansvaret til Helse Møre og Romsdal HF: bare Helse Møre og Romsdal HF kan endre det/)
      .waitFor();
    const own = page.getByRole("textbox", { name: "Hva parten tar på seg" });
    expect(await own.count()).toBe(1);
    await own.fill(`${await own.inputValue()} Revidert i nettleseren.`);
    await page.getByRole("button", { name: "Lagre ansvar" }).click();
    await page.getByRole("status").filter({ hasText: "Ansvaret er lagret." }).waitFor();
    const history = page.getByRole("region", { name: "Endringslogg" });
    await history.getByText("Ansvaret ble endret").waitFor();
    expect(await history.getByRole("cell").allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining("Revidert i nettleseren.")]),
    );
    await kari.audit("agreement after saving");
  });

  it("registers a meeting point, records minutes, a decision and a follow-up", async () => {
    const { page } = kari;
    await page
      .getByRole("navigation", { name: "Sider for organisasjonen" })
      .getByRole("link", { name: "Møtepunkter" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Møtepunkter for Molde kommune" }).waitFor();
    await page.getByRole("table").waitFor();
    await kari.audit("meeting points");

    await page.getByRole("link", { name: "Registrer nytt møtepunkt" }).click();
    await page.getByRole("heading", { level: 1, name: "Nytt møtepunkt" }).waitFor();
    await page.getByRole("textbox", { name: /^Tittel/ }).fill("Årsmøte med frisklivssentralene i Romsdal");
    await page
      .getByRole("combobox", { name: "Type møtepunkt" })
      .selectOption("HEALTHY_LIVING_CENTRE_MEETING");
    const year = new Date().getFullYear() + 1;
    await page.getByLabel(/^Starter/).fill(`${year}-12-02T09:00`);
    await page.getByLabel(/^Slutter/).fill(`${year}-12-02T15:00`);
    await page.getByRole("textbox", { name: "Sted" }).fill("Molde rådhus");
    const participants = page.getByRole("group", { name: "Deltakende organisasjoner" });
    await participants.getByRole("searchbox", { name: "Finn organisasjon" }).fill("Aukra");
    await participants.getByRole("checkbox", { name: "Aukra kommune" }).check();
    await kari.audit("new meeting point form");
    await page.getByRole("button", { name: "Registrer møtepunktet" }).click();

    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    await page.getByRole("status").filter({ hasText: "Møtepunktet er registrert." }).waitFor();

    await page.getByRole("textbox", { name: "Referat" }).fill("Gjennomgang av årets kurs og neste års plan.");
    await page.getByRole("button", { name: "Lagre referatet" }).click();
    await page.getByRole("status").filter({ hasText: "Referatet er lagret." }).waitFor();

    await page
      .getByRole("textbox", { name: "Nytt vedtak" })
      .fill("Felles kurskalender for Romsdal fra neste år");
    await page.getByRole("button", { name: "Registrer vedtak" }).click();
    await page.getByRole("status").filter({ hasText: "Vedtaket er registrert." }).waitFor();
    await page
      .getByRole("region", { name: "Vedtak" })
      .getByText("Felles kurskalender for Romsdal")
      .first()
      .waitFor();

    const addFollowUp = page.getByRole("form", { name: "Legg til oppfølging" });
    await addFollowUp
      .getByRole("textbox", { name: /^Hva skal gjøres/ })
      .fill("Samle kursdatoer fra kommunene");
    await addFollowUp.getByLabel("Frist").fill(`${year}-12-20`);
    await addFollowUp
      .getByRole("combobox", { name: "Ansvarlig organisasjon" })
      .selectOption({ label: "Molde kommune" });
    await addFollowUp.getByRole("combobox", { name: "Følger opp vedtaket" }).selectOption({ index: 1 });
    await addFollowUp.getByRole("button", { name: "Legg til oppfølging" }).click();
    await page.getByRole("status").filter({ hasText: "Oppfølgingen er lagt til." }).waitFor();
    const status = page.getByRole("combobox", { name: "Status for «Samle kursdatoer fra kommunene»" });
    await status.selectOption("DONE");
    await page.getByRole("status").filter({ hasText: "Oppfølgingen er oppdatert." }).waitFor();
    await expect.poll(() => status.inputValue()).toBe("DONE");
    await page.getByRole("region", { name: "Endringslogg" }).getByText("Referatet ble endret").waitFor();
    await kari.audit("meeting point record");
    kari.expectEveryPageAudited();
  });
});
