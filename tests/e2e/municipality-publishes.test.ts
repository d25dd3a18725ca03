import { graphql } from "@samspill/graphql";
import { print } from "graphql";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type AuditedPage, launchBrowser, openPage } from "./support/browser.js";
import { signIn } from "./support/sign-in.js";

// A municipality editor (demo user Kari Nordmann, Molde kommune) signs in through the local
// OpenID provider, registers an offer, is told field by field what is wrong, fixes it, adds a
// date, publishes, and the public finds the offer.
describe("a municipality publishes an offer", () => {
  let browser: Browser;
  let kari: AuditedPage;
  const title = `Seniortrim på Bolsøya ${Date.now().toString(36)}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    kari = await openPage(browser, inject("webUrl"));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("signs in through the local OpenID provider's login page", async () => {
    const { page } = kari;
    await signIn(kari, /Kari Nordmann/);
    expect(await page.getByRole("region", { name: "Innlogget bruker" }).textContent()).toContain(
      "Molde kommune",
    );
    await page.getByRole("button", { name: "Logg ut" }).waitFor();
    await page.getByRole("link", { name: "Molde kommune" }).waitFor();
    await kari.audit("workspace");
  });

  it("creates an offer, sees field-level errors for a bad input, and fixes them", async () => {
    const { page } = kari;
    await page.getByRole("link", { name: "Molde kommune" }).click();
    await page.getByRole("heading", { level: 1, name: "Tilbud fra Molde kommune" }).waitFor();
    await page.getByRole("table").waitFor();
    await kari.audit("organisation's offers");

    await page.getByRole("link", { name: "Registrer nytt tilbud" }).click();
    await page.getByRole("heading", { level: 1, name: "Nytt tilbud" }).waitFor();
    await page.getByRole("textbox", { name: /^Tittel/ }).waitFor();
    await kari.audit("new offer form");

    await page.getByRole("textbox", { name: /^Tittel/ }).fill(title);
    await page
      .getByRole("textbox", { name: /^Kort beskrivelse/ })
      .fill("Styrke og balanse for eldre, i gymsalen.");
    await page
      .getByRole("group", { name: "Målgrupper" })
      .getByRole("checkbox", { name: "Pasienter" })
      .check();
    await page
      .getByRole("group", { name: "Prioriterte grupper" })
      .getByRole("checkbox", { name: "Skrøpelige eldre" })
      .check();
    await page.getByRole("textbox", { name: /^Sted/ }).fill("Bolsøya grendehus");
    await page.getByRole("textbox", { name: "E-post" }).fill("kari.nordmann@");
    await page.getByRole("button", { name: "Lagre som utkast" }).click();

    // The gateway's ValidationError, shown in a summary and next to the field, in Norwegian.
    const summary = page.getByRole("alert").filter({ hasText: "Skjemaet har én feil" });
    await summary.waitFor();
    await expect.poll(() => summary.getByRole("link").textContent()).toMatch(/^E-post: /);
    const email = page.getByRole("textbox", { name: "E-post" });
    expect(await email.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await email.getAttribute("aria-describedby")) ?? "";
    const fieldError = await page.locator(`[id="${describedBy.split(" ").at(-1)}"]`).textContent();
    expect(fieldError).toMatch(/e-post/i);
    expect(page.url()).toMatch(/\/offers\/new$/);
    await kari.audit("new offer form with errors");

    await email.fill("kari.nordmann@molde.kommune.no");
    await page.getByRole("button", { name: "Lagre som utkast" }).click();
    await page.waitForURL(/\/workspace\/[0-9a-f-]{36}\/offers\/[0-9a-f-]{36}$/);
    await page.getByRole("status").filter({ hasText: "Tilbudet er lagret som utkast." }).waitFor();
    await page.getByText("Status nå: Utkast").waitFor();
    await kari.audit("offer editor");
  });

  it("adds a session, is told when someone else saved first, and publishes", async () => {
    const { page } = kari;
    await page.getByRole("button", { name: "Legg til dato" }).click();
    const form = page.getByRole("form", { name: "Legg til dato" });
    const year = new Date().getFullYear() + 1;
    await form.getByLabel(/^Starter/).fill(`${year}-03-04T10:00`);
    await form.getByLabel(/^Slutter/).fill(`${year}-03-04T11:30`);
    await form.getByLabel("Antall plasser").fill("14");
    await form.getByRole("button", { name: "Lagre dato" }).click();
    await page.getByRole("status").filter({ hasText: "Datoen er lagt til." }).waitFor();
    await page.getByText("0 av 14 plasser tatt").waitFor();

    // Someone else edits the offer (here: the same editor through the API) while the form is open.
    const offerId = page.url().split("/").at(-1) ?? "";
    const version = Number(
      await page.evaluate(
        async ({ id, query }) => {
          const response = await fetch("/graphql", {
            method: "POST",
            headers: { "content-type": "application/json", "x-samspill-csrf": "1" },
            body: JSON.stringify({ query, variables: { id } }),
          });
          return (await response.json()).data.offer.version;
        },
        // Printed here: the page has no access to the test's modules.
        { id: offerId, query: print(graphql("query($id: ID!) { offer(id: $id) { version } }")) },
      ),
    );
    const otherSave = await page.request.post("/graphql", {
      headers: { "x-samspill-csrf": "1" },
      data: {
        query: print(
          graphql(
            "mutation($input: UpdateOfferInput!) { updateOffer(input: $input) { __typename ... on MutationUpdateOfferSuccess { data { version } } } }",
          ),
        ),
        variables: { input: { id: offerId, version, contactPhone: "71 11 10 00" } },
      },
    });
    expect((await otherSave.json()).data.updateOffer.__typename).toBe("MutationUpdateOfferSuccess");

    await page
      .getByRole("textbox", { name: /^Kort beskrivelse/ })
      .fill("Styrke, balanse og kaffe for eldre.");
    await page.getByRole("button", { name: "Lagre", exact: true }).click();
    const conflict = page.getByRole("alert").filter({ hasText: "Noen andre lagret dette tilbudet" });
    await conflict.waitFor();
    await kari.audit("offer editor with a conflict");
    await conflict.getByRole("button", { name: "Last inn siste versjon" }).click();
    await expect.poll(() => page.getByRole("textbox", { name: "Telefon" }).inputValue()).toBe("71 11 10 00");

    await page.getByRole("button", { name: "Publiser" }).click();
    await page.getByRole("status").filter({ hasText: "Status endret til Publisert." }).waitFor();
    await page.getByText("Status nå: Publisert").waitFor();
    const history = page.getByRole("region", { name: "Endringslogg" });
    await history.getByText("Status ble endret").waitFor();
    await history.getByText("Tilbudet ble registrert").waitFor();
    await kari.audit("published offer in the editor");
  });

  it("is then found in the public catalogue", async () => {
    const { page } = kari;
    await page
      .getByRole("navigation", { name: "Hovedmeny" })
      .getByRole("link", { name: "Finn tilbud" })
      .click();
    await page.getByRole("searchbox", { name: "Søk i tilbud" }).fill("Seniortrim Bolsøya");
    await page.getByRole("button", { name: "Søk", exact: true }).click();
    await page
      .getByRole("group", { name: "Prioritert gruppe" })
      .getByRole("checkbox", { name: "Skrøpelige eldre" })
      .check();
    await page.getByRole("link", { name: title }).waitFor();
    await kari.audit("catalogue finds the new offer");
    await page.getByRole("link", { name: title }).click();
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await page.getByRole("table").getByText("14").waitFor();
    await kari.audit("the new offer's public page");
    kari.expectEveryPageAudited();
  });
});
