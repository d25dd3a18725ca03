import type { AuditedPage } from "./browser.js";

/**
 * Signs in through the hub's own flow: "Logg inn" on a workspace page, the local OpenID
 * provider's login page (checked with axe too), pick the demo user, back where we started.
 */
export async function signIn(visitor: AuditedPage, demoUser: RegExp, startAt = "/workspace") {
  const { page } = visitor;
  await page.goto(startAt);
  await page.getByText("Du må logge inn for å se denne siden.").waitFor();
  await visitor.audit("signed-out workspace");
  await page.getByRole("main").getByRole("link", { name: "Logg inn" }).click();
  await page.getByRole("heading", { level: 1, name: "Logg inn i Samspill (demo)" }).waitFor();
  await visitor.audit("provider login page");
  await page.getByRole("radio", { name: demoUser }).check();
  await page.getByRole("button", { name: "Logg inn", exact: true }).click();
  await page.waitForURL((url) => url.pathname === startAt);
  await page.getByRole("region", { name: "Innlogget bruker" }).filter({ hasText: demoUser }).waitFor();
}
