import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import type { AuditedPage } from "./browser.js";

// The admins' mail page (/admin/mail) as a journey reads it: what the hub's SMTP sink kept, shown
// to the RHF admins and to organisation admins for mail to their members.

/**
 * Opens the newest mail whose list row matches `row` (subject, recipient …) and whose subject
 * matches `subject`. The worker sends in the background, so the list is reloaded until it is
 * there. Returns the opened mail's region, its subject, its plain text and its HTML (as the
 * sandboxed frame shows it).
 */
export async function openMail(
  visitor: AuditedPage,
  subject: string | RegExp,
  row: string | RegExp = subject,
): Promise<{ opened: Locator; name: string; text: string; html: string }> {
  const { page } = visitor;
  await page.goto("/admin/mail");
  const link = page
    .getByRole("region", { name: "Sendte e-poster" })
    .getByRole("row")
    .filter({ hasText: row })
    .getByRole("link", { name: subject })
    .first();
  await expect
    .poll(
      async () => {
        if ((await link.count()) > 0) return true;
        await page.reload();
        return false;
      },
      { timeout: 90_000, interval: 1000 },
    )
    .toBe(true);
  const name = (await link.textContent()) ?? "";
  await link.click();
  const opened = page.getByRole("region", { name, exact: true });
  const plain = opened.getByRole("region", { name: "Ren tekst" });
  await expect.poll(() => plain.textContent()).toMatch(/\S/);
  const frame = opened.locator("iframe");
  const html = (await frame.count()) > 0 ? ((await frame.getAttribute("srcdoc")) ?? "") : "";
  return { opened, name, text: (await plain.textContent()) ?? "", html };
}

/** Every link of a mail's HTML, in order and once each, as absolute addresses. */
export function linksOf(html: string): string[] {
  const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => (m[1] ?? "").replaceAll("&amp;", "&"));
  return [...new Set(hrefs.filter((href) => /^https?:/.test(href)))];
}

/**
 * Runs the weekly digest now, as an RHF admin would from the queue dashboard, and waits for the
 * job: it answers per job name what it did (mails sent now, or sent already this week).
 */
export async function runWeeklyDigest(
  page: Page,
  gatewayUrl: string,
): Promise<{ periodKey: string; sent: number; alreadySent: number }> {
  const dashboard = `${gatewayUrl}/admin/queues/api/queues/summaries`;
  const run = await page.request.put(`${dashboard}/job-schedulers/summary.weekly-digest/run`);
  expect(run.status(), await run.text()).toBe(200);
  const { job } = (await run.json()) as { job: { id: string } };
  type Answer = { status: string; job: { returnValue?: Record<string, unknown> } };
  await expect
    .poll(
      async () => {
        const answer = (await (await page.request.get(`${dashboard}/${job.id}`)).json()) as Answer;
        return answer.status === "completed" ? answer.job.returnValue : answer;
      },
      { timeout: 90_000, interval: 1000 },
    )
    .toMatchObject({ "summary.weekly-digest": { periodKey: expect.stringMatching(/^\d{4}-W\d{2}$/) } });
  const done = (await (await page.request.get(`${dashboard}/${job.id}`)).json()) as Answer;
  return done.job.returnValue?.["summary.weekly-digest"] as {
    periodKey: string;
    sent: number;
    alreadySent: number;
  };
}
