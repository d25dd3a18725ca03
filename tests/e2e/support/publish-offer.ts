import type { AuditedPage } from "./browser.js";

// An organisation's editor registers an offer through the offer form and publishes it (the
// form's own journey, errors and all, is municipality-publishes.test.ts). Returns the editor's
// address of the offer.

export interface NewOffer {
  organisation: string;
  title: string;
  summary: string;
  location: string;
  contactEmail: string;
  /** Language names as the form shows them, besides bokmål. */
  languages: string[];
}

export async function publishOffer(editor: AuditedPage, offer: NewOffer): Promise<string> {
  const { page } = editor;
  await page.goto("/workspace");
  await page.getByRole("link", { name: offer.organisation }).click();
  await page.getByRole("heading", { level: 1, name: `Tilbud fra ${offer.organisation}` }).waitFor();
  await page.getByRole("table").waitFor();
  await editor.audit("organisation's offers");
  await page.getByRole("link", { name: "Registrer nytt tilbud" }).click();
  await page.getByRole("heading", { level: 1, name: "Nytt tilbud" }).waitFor();
  await page.getByRole("textbox", { name: /^Tittel/ }).fill(offer.title);
  await page.getByRole("textbox", { name: /^Kort beskrivelse/ }).fill(offer.summary);
  await page.getByRole("group", { name: "Målgrupper" }).getByRole("checkbox", { name: "Pasienter" }).check();
  await page.getByRole("textbox", { name: /^Sted/ }).fill(offer.location);
  await page.getByRole("textbox", { name: "E-post" }).fill(offer.contactEmail);
  const languages = page.getByRole("group", { name: "Språk", exact: true });
  for (const language of offer.languages)
    await languages.getByRole("checkbox", { name: language, exact: true }).check();
  await editor.audit("new offer form, filled in");
  await page.getByRole("button", { name: "Lagre som utkast" }).click();
  await page.waitForURL(/\/workspace\/[0-9a-f-]{36}\/offers\/[0-9a-f-]{36}$/);
  await page.getByRole("status").filter({ hasText: "Tilbudet er lagret som utkast." }).waitFor();
  await page.getByRole("button", { name: "Publiser" }).click();
  await page.getByRole("status").filter({ hasText: "Status endret til Publisert." }).waitFor();
  await editor.audit("the offer, published");
  return page.url();
}
