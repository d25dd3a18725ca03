import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type AuditedPage, launchBrowser, openPage } from "./support/browser.js";
import { linksOf, openMail, runWeeklyDigest } from "./support/mail-page.js";
import { signIn } from "./support/sign-in.js";

// A region adopts the hub, one step after the other: the regional admin creates an organisation
// and invites its first admin; the invitation mail (kept by the local SMTP sink, read on the mail
// page) carries a one-time link; the invitee follows it, signs in for the first time at the demo
// provider as a new user and invites a colleague. She imports the organisation's spreadsheet of
// courses, fixing the row the preview finds broken, and sees the offers in the catalogue and the
// overview; then she subscribes to the weekly digest, reads it, follows every link in it and
// stops it with the mail's own unsubscribe link.
const sample = fileURLToPath(new URL("../fixtures/import/offers-one-broken.csv", import.meta.url));

describe("a region adopts the hub: onboarding, import and the digest", () => {
  let browser: Browser;
  let eva: AuditedPage;
  let frida: AuditedPage;
  let organisationPath = "";
  let invitationPath = "";
  const stamp = Date.now().toString(36);
  const organisation = `Pårørendeforeningen Midt ${stamp}`;
  const firstAdmin = `frida.${stamp}@parorende-midt.no`;
  const colleague = `kollega.${stamp}@parorende-midt.no`;
  const escaped = (text: string) => new RegExp(text.replaceAll(".", "\\."));

  // Each step waits up to a minute: the journey crosses gateway, worker and mail on a busy machine.
  const open = async () => {
    const visitor = await openPage(browser, inject("webUrl"));
    visitor.page.setDefaultTimeout(60_000);
    return visitor;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("creates an organisation and invites its first admin", async () => {
    eva = await open();
    await signIn(eva, /Eva Strand/);
    const { page } = eva;
    await page
      .getByRole("navigation", { name: "Hovedmeny" })
      .getByRole("link", { name: "Organisasjoner og personer" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Organisasjoner og personer" }).waitFor();
    await page.getByRole("link", { name: "Molde kommune" }).waitFor();
    await eva.audit("organisations the regional admin administers");

    await page.getByRole("link", { name: "Ny organisasjon" }).click();
    await page.getByRole("heading", { level: 1, name: "Opprett organisasjon" }).waitFor();
    await page.getByRole("combobox", { name: "Type" }).selectOption({ label: "Brukerorganisasjon" });
    await page.getByRole("textbox", { name: /^Navn/ }).fill(organisation);
    await page.getByRole("textbox", { name: "E-postadresse" }).fill(`post.${stamp}@parorende-midt.no`);
    // Its members' mails default to its written language: bokmål unless the region chooses another.
    expect(await page.getByRole("combobox", { name: "Skriftspråk" }).inputValue()).toBe("nb");
    await eva.audit("new organisation form");
    await page.getByRole("button", { name: "Opprett organisasjon" }).click();
    await page.getByRole("heading", { level: 1, name: organisation }).waitFor();
    organisationPath = new URL(page.url()).pathname;
    expect(organisationPath).toMatch(/^\/admin\/organisations\/[0-9a-f-]{36}$/);
    await page.getByText("Organisasjonen har ingen medlemmer ennå.").waitFor();
    await eva.audit("the new organisation's page");

    const invitations = page.getByRole("region", { name: "Invitasjoner" });
    await invitations.getByRole("textbox", { name: /^E-postadresse/ }).fill(firstAdmin);
    await invitations.getByRole("textbox", { name: "Navn (valgfritt)" }).fill("Frida Førstemann");
    await invitations
      .getByRole("combobox", { name: "Rolle", exact: true })
      .selectOption({ label: "administrator" });
    await invitations.getByRole("button", { name: "Send invitasjon" }).click();
    await invitations
      .getByRole("status")
      .filter({ hasText: `Invitasjonen til ${firstAdmin} er sendt.` })
      .waitFor();
    await invitations.getByRole("row", { name: escaped(firstAdmin) }).waitFor();
    await eva.audit("invitation sent");

    // The worker mails the link; the regional admin reads what the sink kept on the mail page.
    const mail = await openMail(eva, `Invitasjon til ${organisation} i Samspill`);
    expect(mail.text).toMatch(/\/invitations\//);
    await eva.audit("the invitation mail");
    const link = /https?:\/\/[^\s]+\/invitations\/([A-Za-z0-9_-]{43})/.exec(mail.text);
    expect(link).not.toBeNull();
    invitationPath = new URL(link?.[0] ?? "").pathname;
    eva.expectEveryPageAudited();
  }, 180_000);

  it("lets the first admin accept by the mail's link, sign in and invite a colleague", async () => {
    // The invitee, in a browser of their own, follows the mail's link and signs in the first time.
    frida = await open();
    const { page } = frida;
    await page.goto(invitationPath);
    await page.getByRole("heading", { level: 1, name: "Invitasjon til Samspill" }).waitFor();
    await page.getByText(`Du er invitert til ${organisation} som administrator.`).waitFor();
    await frida.audit("the invitation's page");
    await page.getByRole("link", { name: "Logg inn og godta invitasjonen" }).click();
    await page.getByRole("heading", { level: 1, name: "Logg inn i Samspill (demo)" }).waitFor();
    await page.getByRole("radio", { name: "Ny demobruker" }).check();
    await page.getByRole("textbox", { name: "Navn på den nye demobrukeren" }).fill("Frida Førstemann");
    await frida.audit("first sign-in at the provider");
    await page.getByRole("button", { name: "Logg inn", exact: true }).click();
    await page.waitForURL((url) => url.pathname === organisationPath);
    await page.getByRole("heading", { level: 1, name: organisation }).waitFor();
    await page
      .getByRole("region", { name: "Innlogget bruker" })
      .filter({ hasText: "Frida Førstemann" })
      .waitFor();
    await page
      .getByRole("region", { name: "Medlemmer" })
      .getByRole("row", { name: /Frida Førstemann/ })
      .waitFor();
    await frida.audit("the new admin on their organisation's page");

    // The link worked once: opened again, it says so.
    await page.goto(invitationPath);
    await page.getByRole("heading", { level: 1, name: "Invitasjonen er allerede brukt" }).waitFor();
    await frida.audit("a used invitation");

    // The new admin invites a colleague as editor.
    await page.goto(organisationPath);
    const invitations = page.getByRole("region", { name: "Invitasjoner" });
    await invitations.getByRole("textbox", { name: /^E-postadresse/ }).fill(colleague);
    await invitations
      .getByRole("combobox", { name: "Rolle", exact: true })
      .selectOption({ label: "redaktør" });
    await invitations.getByRole("button", { name: "Send invitasjon" }).click();
    await invitations
      .getByRole("status")
      .filter({ hasText: `Invitasjonen til ${colleague} er sendt.` })
      .waitFor();
    const row = invitations.getByRole("row", { name: escaped(colleague) });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/redaktør/);
    expect(await row.textContent()).toMatch(/Åpen/);
    // The first admin's own invitation is settled.
    expect(await invitations.getByRole("row", { name: escaped(firstAdmin) }).textContent()).toMatch(
      /Godtatt/,
    );
    await frida.audit("colleague invited");
  }, 180_000);

  /** Molde's total of published offers in the overview's table (its own page, as anyone sees it). */
  async function moldeTotal() {
    const { page } = frida;
    await page.goto("/overview");
    const table = page.getByRole("table", { name: /Publiserte tilbud per kommune/ });
    const total = table
      .getByRole("row", { name: /\(1506\)/ })
      .locator("td")
      .last();
    await total.waitFor();
    return Number(await total.textContent());
  }

  it("imports the spreadsheet through the preview, fixing the broken row, and shows the offers", async () => {
    const { page } = frida;
    const before = await moldeTotal();
    await frida.audit("the overview before the import");

    const orgId = organisationPath.split("/").pop() ?? "";
    await page.goto(`/workspace/${orgId}`);
    await page.getByRole("link", { name: "Importer tilbud fra regneark" }).waitFor();
    await frida.audit("the organisation's offers, none yet");
    await page.getByRole("link", { name: "Importer tilbud fra regneark" }).click();
    await page.getByRole("heading", { level: 1, name: "Importer tilbud" }).waitFor();
    await frida.audit("the upload page");
    await page.getByLabel("Fil", { exact: true }).setInputFiles(sample);
    await page.getByRole("button", { name: "Last opp og se over" }).click();
    await page.waitForURL(/\/import\/[0-9a-f-]{36}$/);
    await page
      .getByRole("status")
      .filter({ hasText: "1 rad har feil som må rettes før du kan bekrefte." })
      .waitFor();
    // The broken row names its column and what is wrong; the confirm button waits for the fix.
    const broken = page.getByRole("row", { name: /Pust og bevegelse ved KOLS/ });
    expect(await broken.textContent()).toContain(
      "review_due_on: «31.09.2027» er ingen dato; skriv ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ",
    );
    expect(await page.getByRole("button", { name: "Bekreft og importer 4 rader" }).isDisabled()).toBe(true);
    await frida.audit("the preview with a broken row");

    await broken.getByRole("button", { name: "Rett linje 3" }).click();
    await broken.getByRole("textbox", { name: "review_due_on" }).fill("30.09.2027");
    await broken.getByRole("button", { name: "Lagre raden" }).click();
    await page.getByRole("status").filter({ hasText: "Ingen rader har feil." }).waitFor();
    await page.getByRole("radio", { name: "Alle rader" }).check();
    await expect.poll(() => page.getByRole("row").count()).toBe(5);
    await frida.audit("the preview with the row fixed");

    await page.getByRole("button", { name: "Bekreft og importer 4 rader" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "Importen er ferdig: 4 nye, 0 endret og 0 uendret." })
      .waitFor({ timeout: 90_000 });
    await frida.audit("the import's report");

    // Published, the two offers for Molde are in the catalogue and counted in the overview.
    await page.getByRole("link", { name: "Gå til katalogen" }).click();
    for (const title of ["Bra liv med diabetes type 2", "Pårørendeskole demens"]) {
      await page.getByRole("searchbox", { name: "Søk i tilbud" }).fill(title);
      await page.getByRole("button", { name: "Søk", exact: true }).click();
      await page.getByRole("article").getByRole("link", { name: title, exact: true }).waitFor();
    }
    // The drafts are not.
    expect(await page.getByRole("link", { name: "Mestring av langvarig smerte" }).count()).toBe(0);
    await frida.audit("the catalogue with the imported offers");
    // Molde has far more offers than the small-count rule hides, so the total is shown as it is.
    await expect.poll(() => moldeTotal(), { timeout: 30_000, interval: 1000 }).toBe(before + 2);
  }, 240_000);

  it("subscribes to the digest, receives it, follows every link and unsubscribes by the mail's link", async () => {
    const { page } = frida;
    await page
      .getByRole("navigation", { name: "Hovedmeny" })
      .getByRole("link", { name: "Mine abonnementer" })
      .click();
    const digest = page.getByRole("region", { name: "Ukentlig oppsummering" });
    await digest.getByText("Du abonnerer ikke.").waitFor();
    await digest.getByRole("button", { name: "Velg utvalget" }).click();
    await digest.getByRole("searchbox", { name: "Finn kommune" }).fill("Molde");
    await digest.getByRole("checkbox", { name: "Molde" }).check();
    await digest.getByRole("checkbox", { name: "Demens" }).check();
    await frida.audit("choosing what the digest covers");
    await digest.getByRole("button", { name: "Abonner" }).click();
    await digest.getByRole("status").filter({ hasText: "Lagret: Ukentlig oppsummering." }).waitFor();
    await digest.getByText(/Gjelder: Molde, Demens/).waitFor();

    // Monday's digest, run now by the regional admin; the first admin reads her own mail.
    const run = await runWeeklyDigest(eva.page, inject("gatewayUrl"));
    expect(run.sent).toBeGreaterThan(0);
    const mail = await openMail(frida, /^Samspill: /, firstAdmin);
    expect(mail.text).toContain("Pårørendeskole demens");
    expect(mail.text).not.toContain("Bra liv med diabetes type 2");
    await frida.audit("the digest");

    // Every link leads to a page of the web app; the unsubscribe link is followed last.
    const links = linksOf(mail.html);
    const unsubscribe = links.find((l) => new URL(l).pathname === "/subscriptions/unsubscribe");
    expect(unsubscribe).toBeDefined();
    expect(links.some((l) => /\/offers\/[0-9a-f-]{36}$/.test(l))).toBe(true);
    for (const link of links.filter((l) => l !== unsubscribe)) {
      const url = new URL(link);
      expect(url.origin, link).toBe(new URL(inject("webUrl")).origin);
      await page.goto(url.pathname + url.search);
      const heading = page.getByRole("heading", { level: 1 });
      await heading.waitFor();
      expect(await heading.textContent(), link).not.toBe("Fant ikke siden");
      await frida.audit(link);
    }

    // The mail's link works in any browser, signed in or not: it asks, then stops the digest.
    const mailbox = await open();
    const target = new URL(unsubscribe ?? "");
    await mailbox.page.goto(target.pathname + target.search);
    await mailbox.page.getByRole("heading", { level: 1, name: "Meld deg av e-post" }).waitFor();
    await mailbox.audit("unsubscribe confirmation");
    await mailbox.page.getByRole("button", { name: "Meld meg av" }).click();
    await mailbox.page.getByRole("status").filter({ hasText: "Du er meldt av." }).waitFor();
    await mailbox.audit("unsubscribed");

    // An altered link is refused, and says so. The character changed is inside the signature but
    // not its last: base64's last character may carry padding bits that decode to the same bytes.
    const token = target.searchParams.get("token") ?? "";
    const at = token.length - 5;
    const altered = `${token.slice(0, at)}${token[at] === "A" ? "B" : "A"}${token.slice(at + 1)}`;
    await mailbox.page.goto(`${target.pathname}?token=${altered}`);
    await mailbox.page.getByRole("button", { name: "Meld meg av" }).click();
    await mailbox.page
      .getByRole("alert")
      .filter({ hasText: "Denne avmeldingslenken er ikke gyldig." })
      .waitFor();
    await mailbox.audit("altered unsubscribe link");

    await page.goto("/subscriptions");
    await digest.getByText("Stoppet. Du får ikke denne e-posten.").waitFor();
    await frida.audit("the digest stopped");
    frida.expectEveryPageAudited();
    mailbox.expectEveryPageAudited();
  }, 300_000);
});
