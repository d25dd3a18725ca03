import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logging.js";

function captured() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger("test", "debug", stream), text: () => lines.join("") };
}

const email = "kari.nordmann@example.no";

describe("service logger", () => {
  it("scrubs an e-mail address from a logged error's message, stack and properties", () => {
    const { log, text } = captured();
    // What nodemailer throws when the server refuses a recipient.
    const error = Object.assign(
      new Error(
        `Can't send mail - all recipients were rejected: 550 5.1.1 <${email}>: Recipient address rejected`,
      ),
      {
        code: "EENVELOPE",
        response: `550 5.1.1 <${email}>: Recipient address rejected`,
        rejected: [email],
        envelope: { from: "ikke-svar@samspill.no", to: [email] },
      },
    );
    log.error({ err: error, recipient: email }, "mail to one recipient failed");
    log.error(error);
    const out = text();
    expect(out).not.toContain(email);
    expect(out).not.toContain("ikke-svar@samspill.no");
    expect(out).toContain("Recipient address rejected");
    expect(out).toContain("[e-mail]");
    expect(out).toContain("EENVELOPE");
    const lines = out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ recipient: "[redacted]", msg: "mail to one recipient failed" });
    expect(lines[0].err.rejected).toBe("[redacted]");
    expect(lines[1].msg).toContain("[e-mail]");
  });

  it("scrubs messages, format arguments, nested fields and phone numbers", () => {
    const { log, text } = captured();
    log.warn(
      { context: { note: `ring +47 912 34 567 eller ${email}`, attempts: [`to ${email}`] } },
      `failed for ${email}`,
    );
    log.info("sent to %s (fnr 010190 12345, tlf 41 23 45 67)", email);
    log.info({ jobId: "12345678", requestId: "0f6c2d1e-5b7a-4c1e-9d2f-3a4b5c6d7e8f" }, "job done");
    log.info(
      { to: "åse.ørn@sykehus.no" },
      "at /app/node_modules/.pnpm/@vitest+runner@4.1.12/node_modules/x.js:3:1",
    );
    const out = text();
    expect(out).not.toContain(email);
    expect(out).not.toMatch(/912 34 567|41 23 45 67|010190 12345/);
    expect(out).toContain("[phone]");
    expect(out).toContain("[national-id]");
    // Ids and counts are not phone numbers.
    expect(out).toContain('"jobId":"12345678"');
    expect(out).not.toContain("ørn@");
    // A package path in a stack trace is no address.
    expect(out).toContain("@vitest+runner@4.1.12/node_modules/x.js");
    expect(out).toContain("0f6c2d1e-5b7a-4c1e-9d2f-3a4b5c6d7e8f");
  });

  it("replaces names, addresses, sign-up needs and PAM pseudonyms by field name", () => {
    const { log, text } = captured();
    log.info(
      { name: "Kari Nordmann", signUp: { id: "s1", name: "Ola Nordmann", otherNeeds: "Rullestol" } },
      "a",
    );
    log.warn({ person: { contactName: "Per Hansen", address: "Storgata 1, 6413 Molde" } }, "b");
    log.info({ result: { pseudonym: "K7-01", level: 2 }, pseudonym: "K7-02" }, "c");
    log.info({ signUp: { interpreterLanguage: "ar", accessibilityNeeds: ["HEARING_LOOP"] } }, "d");
    const out = text();
    for (const personal of [
      "Nordmann",
      "Rullestol",
      "Per Hansen",
      "Storgata",
      "K7-01",
      "K7-02",
      "HEARING_LOOP",
    ])
      expect(out).not.toContain(personal);
    expect(out).not.toContain('"interpreterLanguage":"ar"');
    // What is not personal stays: ids, counts, the service's name.
    expect(out).toContain('"id":"s1"');
    expect(out).toContain('"level":2');
    expect(out).toContain('"service":"test"');
  });
});
