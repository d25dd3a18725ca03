import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createDatabase } from "@samspill/database";
import { type CapturedMessage, type SmtpSink, startSmtpSink, storeInDatabase } from "@samspill/mail";

// The hub's SMTP sink, run in the test setup instead of as the hub's own process: each message is
// stored for the admins' mail page as `npm start` does, and also written whole, attachments
// included (the sink does not store those), to a directory the journeys read
// (tests/e2e/support/inbox.ts). That is how a journey opens a reminder's calendar file.

export interface MailCapture {
  url: string;
  dir: string;
  close(): Promise<void>;
}

export async function startMailCapture(databaseUrl: string, dir: string): Promise<MailCapture> {
  mkdirSync(dir, { recursive: true });
  const db = createDatabase({ url: databaseUrl, maxConnections: 2 });
  const store = storeInDatabase(db);
  let count = 0;
  const sink: SmtpSink = await startSmtpSink({
    onMessage: async (message: CapturedMessage) => {
      await store(message);
      count += 1;
      // Numbered in arrival order, and renamed into place so a reader never sees half a file.
      const name = `${String(count).padStart(5, "0")}.json`;
      writeFileSync(join(dir, `${name}.part`), JSON.stringify(message));
      renameSync(join(dir, `${name}.part`), join(dir, name));
    },
  });
  return {
    url: sink.url,
    dir,
    async close() {
      await sink.close();
      await db.$disconnect();
    },
  };
}
