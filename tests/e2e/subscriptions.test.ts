import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, openPage } from "./support/browser.js";
import { signIn } from "./support/sign-in.js";

// A person's own mail: Kari subscribes to the weekly digest for Molde from the menu's "Mine
// abonnementer", sees what it covers, stops it and starts it again. The Norwegian paths older
// mails used redirect. (Unsubscribing by a mail's own link is part of the onboarding journey,
// organisation-onboarding.test.ts, which reads a real digest.)
describe("mail subscriptions", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("subscribes to the digest for chosen municipalities, shows it, stops it and starts it again", async () => {
    const kari = await openPage(browser, inject("webUrl"));
    const { page } = kari;
    await signIn(kari, /Kari Nordmann/);
    await page
      .getByRole("navigation", { name: "Hovedmeny" })
      .getByRole("link", { name: "Mine abonnementer" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Abonnementer på e-post" }).waitFor();
    await kari.audit("subscriptions");

    // The demo seed subscribes every demo user to the digest for their own municipality.
    const digest = page.getByRole("region", { name: "Ukentlig oppsummering" });
    await digest.getByText("Du abonnerer.").waitFor();
    await digest.getByText(/Gjelder: Molde/).waitFor();
    await digest.getByRole("button", { name: "Endre utvalget" }).click();
    await digest.getByRole("searchbox", { name: "Finn kommune" }).fill("Molde");
    await digest.getByRole("checkbox", { name: "Molde" }).check();
    await digest.getByRole("checkbox", { name: "Barn og unge" }).check();
    await kari.audit("subscriptions with the digest's choices open");
    await digest.getByRole("button", { name: "Lagre utvalget" }).click();
    await digest.getByRole("status").filter({ hasText: "Lagret: Ukentlig oppsummering." }).waitFor();
    await digest.getByText(/Gjelder: Molde, Barn og unge/).waitFor();
    await kari.audit("digest narrowed");

    await digest.getByRole("button", { name: "Stopp" }).click();
    await digest.getByText("Stoppet. Du får ikke denne e-posten.").waitFor();

    // Stopped, it can be started again from the same card.
    await digest.getByRole("button", { name: "Abonner" }).click();
    await digest.getByRole("status").filter({ hasText: "Lagret: Ukentlig oppsummering." }).waitFor();
    await digest.getByText("Du abonnerer.").waitFor();
    await kari.audit("subscribed to the digest again");

    // Older mails linked to /abonnementer: the page is still found there. The old path only
    // redirects (nothing is shown there to audit), so it is opened in a page of its own.
    const legacy = await page.context().newPage();
    await legacy.goto(new URL("/abonnementer", inject("webUrl")).href);
    await legacy.waitForURL((url) => url.pathname === "/subscriptions");
    await legacy.getByRole("heading", { level: 1, name: "Abonnementer på e-post" }).waitFor();
    expect(new URL(legacy.url()).pathname).toBe("/subscriptions");
    await legacy.close();
    kari.expectEveryPageAudited();
  });
});
