import { Writable } from "node:stream";
import type { Database } from "@samspill/database";
import { createLogger } from "@samspill/events";
import { developmentMailLinkSecret } from "@samspill/events/mail-links";
import type { Mailer } from "@samspill/mail";
import { seedDemoData } from "@samspill/seed";
import { seedId } from "@samspill/seed/ids";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendAnnualReports } from "../../../services/worker/src/jobs/annual-report.js";
import { testDatabase } from "../../support/db.js";
import { subscriber } from "./mail-harness.js";

// When the SMTP server refuses a recipient, its error names the address. Neither the worker's log
// nor the job's failure (kept in Redis and shown on the queue dashboard) may repeat it: recipients
// are named by person id, and the logger scrubs what the error carries.

let db: Database;
let reader: { id: string; email: string };
const lines: string[] = [];

/** What nodemailer throws for a refused recipient. */
const refusing: Mailer = {
  from: "Samspill <ikke-svar@samspill.test>",
  async send(mail) {
    throw Object.assign(
      new Error(
        `Can't send mail - all recipients were rejected: 550 5.1.1 <${mail.to}>: Recipient address rejected`,
      ),
      {
        code: "EENVELOPE",
        response: `550 5.1.1 <${mail.to}>: Recipient address rejected`,
        rejected: [mail.to],
      },
    );
  },
  close() {},
};

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  reader = await subscriber(db, "refused", "ANNUAL_REPORT");
  await db.membership.create({
    data: { personId: reader.id, organisationId: seedId("org:hf:stolav"), role: "VIEWER" },
  });
});
afterAll(() => db.$disconnect());

describe("a mail the server refuses", () => {
  it("fails the job naming person ids, and logs the error without any e-mail address", async () => {
    const log = createLogger(
      "worker",
      "info",
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    const run = sendAnnualReports(
      {
        db,
        mailer: refusing,
        log,
        publicUrl: "https://samspill.test",
        smallCountThreshold: 5,
        mailLinkSecret: developmentMailLinkSecret,
      },
      new Date("2027-01-15T06:00:00Z"),
    );
    await expect(run).rejects.toThrow(new RegExp(`person ${reader.id}`));
    const failure = await run.catch((error: Error) => error.message);
    expect(failure).not.toMatch(/@/);

    const logged = lines.join("");
    expect(logged).toContain("mail to one recipient failed");
    expect(logged).toContain("Recipient address rejected");
    expect(logged).toContain(`person ${reader.id}`);
    expect(logged).not.toContain(reader.email);
    expect(logged).not.toMatch(/[\w.+-]+@[\w-]+(\.[\w-]+)*\.[a-z]{2,}\b/i);
  });
});
