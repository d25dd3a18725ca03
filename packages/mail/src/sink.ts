import type { AddressInfo } from "node:net";
import type { Database, Prisma } from "@samspill/database";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

// The embedded default has no mail server, so `npm start` runs this SMTP sink and points the
// worker's nodemailer at it: every message is accepted, parsed and kept for admins to read in
// the web app (gateway query `sentMails`). Nothing is relayed anywhere.

export interface CapturedMessage {
  messageId: string | null;
  from: string;
  /** The envelope recipients (RCPT TO), which is where the message was really addressed. */
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  headers: { key: string; line: string }[];
  size: number;
  /** Attached files as text (calendar files); handed to `onMessage`, not stored. */
  attachments?: { filename: string; contentType: string; content: string }[];
}

export interface SmtpSink {
  port: number;
  /** smtp://host:port, ready for SMTP_URL. */
  url: string;
  close(): Promise<void>;
}

export interface SmtpSinkOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Called for each message; the client gets its 250 only after this resolved. */
  onMessage: (message: CapturedMessage) => Promise<void>;
  /** Largest accepted message, in bytes. */
  maxSize?: number;
  /**
   * False: accept each message as a relaying MTA does, reading it without parsing it; `onMessage`
   * then gets the envelope and the size only (subject, text and headers empty). The benchmark's
   * sink counts mails: parsing each with mailparser cost more CPU than the worker spent building
   * it (7 against 5 ms for a 65 KB digest), on the cores the worker under test shares.
   */
  parse?: boolean;
}

function tooLarge(maxSize: number): Error {
  const error = new Error(`Message exceeds the ${maxSize} byte limit`) as Error & { responseCode: number };
  error.responseCode = 552;
  return error;
}

export async function startSmtpSink(options: SmtpSinkOptions): Promise<SmtpSink> {
  const host = options.host ?? "127.0.0.1";
  const maxSize = options.maxSize ?? 10 * 1024 * 1024;
  const server = new SMTPServer({
    banner: "Samspill local SMTP sink: messages are kept, never relayed",
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: maxSize,
    logger: false,
    onData(stream, session, callback) {
      if (options.parse === false) {
        stream.resume();
        stream.once("error", (error: Error) => callback(error));
        stream.once("end", () => {
          const envelopeFrom = session.envelope.mailFrom;
          const accepted: CapturedMessage = {
            messageId: null,
            from: envelopeFrom ? envelopeFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: "",
            text: "",
            html: null,
            headers: [],
            size: stream.byteLength,
          };
          if (stream.sizeExceeded) callback(tooLarge(maxSize));
          else
            options.onMessage(accepted).then(
              () => callback(),
              (error: Error) => callback(error),
            );
        });
        return;
      }
      simpleParser(stream)
        .then(async (parsed) => {
          if (stream.sizeExceeded) throw tooLarge(maxSize);
          const envelopeFrom = session.envelope.mailFrom;
          await options.onMessage({
            messageId: parsed.messageId ?? null,
            from: parsed.from?.text ?? (envelopeFrom ? envelopeFrom.address : ""),
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : null,
            headers: parsed.headerLines.map((h) => ({ key: h.key, line: h.line })),
            size: stream.byteLength,
            attachments: parsed.attachments.map((a) => ({
              filename: a.filename ?? "",
              contentType: a.contentType,
              content: a.content.toString("utf8"),
            })),
          });
        })
        .then(
          () => callback(),
          (error: Error) => callback(error),
        );
    },
  });
  // smtp-server re-emits every connection's socket error on the server; unheard, a client that
  // dies mid-conversation (a worker killed while sending) would take the whole process down.
  // A dropped client costs only its own unfinished message, so it is reported and nothing more.
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "ECONNRESET" || error.code === "EPIPE") return;
    console.error(`[smtp sink] ${error.message}`);
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.server.off("error", reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://${host}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The sink's default store: one CapturedMail row per message. */
export function storeInDatabase(db: Database): (message: CapturedMessage) => Promise<void> {
  return async ({ attachments: _files, ...message }) => {
    await db.capturedMail.create({
      data: { ...message, headers: message.headers as unknown as Prisma.InputJsonValue },
    });
  };
}
