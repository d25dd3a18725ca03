import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { CapturedMessage } from "@samspill/mail";
import { expect, inject } from "vitest";

// The mails the hub sent in this run, as the e2e setup's sink wrote them (setup/mail-sink.ts),
// attachments included: what a person would find in their inbox.

function sentMails(): CapturedMessage[] {
  const dir = inject("mailDir");
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), "utf8")) as CapturedMessage);
}

/** Waits for the mail to `to` whose subject matches, and returns the newest such one. */
export async function mailTo(to: string, subject: RegExp, timeout = 60_000): Promise<CapturedMessage> {
  const find = () =>
    sentMails()
      .filter((m) => m.to.includes(to) && subject.test(m.subject))
      .at(-1);
  await expect.poll(() => find()?.subject, { timeout, interval: 500 }).toMatch(subject);
  return find() as CapturedMessage;
}

/** Every mail to `to` so far. */
export const mailsTo = (to: string) => sentMails().filter((m) => m.to.includes(to));

/** The private sign-up link in a mail's text, as a path of the web app. */
export function signUpLink(mail: CapturedMessage): string {
  const match = /https?:\/\/[^\s)]+\/sign-ups\/[^\s)]+/.exec(mail.text);
  expect(match, `a sign-up link in «${mail.subject}»`).not.toBeNull();
  return new URL(match?.[0] ?? "").pathname;
}
