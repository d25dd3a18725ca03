import nodemailer from "nodemailer";

/** One outgoing message; the caller chooses the Message-ID so a send can be traced and claimed. */
export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  /** Extra headers, e.g. List-Unsubscribe or X-Samspill-Summary. */
  headers?: Record<string, string>;
  /** Files sent with the message, e.g. a course's calendar file. */
  attachments?: { filename: string; content: string; contentType: string }[];
}

export interface Mailer {
  /** The From address of every message. */
  readonly from: string;
  /** Resolves once the SMTP server accepted the message (250 after DATA). */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/**
 * SMTP through nodemailer over a pool of up to four connections, each reused for up to 100
 * messages: a connection (and its greeting) per message made every digest wait for a handshake.
 * The URL's own query (e.g. `?pool=false`) wins over these settings. The local sink offers
 * neither STARTTLS nor AUTH, so nothing is negotiated there; a real server's URL carries its own
 * TLS and credentials.
 */
export function createMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: 4,
    maxMessages: 100,
  });
  return {
    from,
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        messageId: mail.messageId,
        headers: mail.headers,
        attachments: mail.attachments,
        // Base64 is encoded natively; quoted-printable, chosen by scanning every byte, was a fifth
        // of a digest's CPU time. Both are 7-bit safe and every mail client reads them.
        textEncoding: "base64",
      });
    },
    close: () => transport.close(),
  };
}

/** A fresh Message-ID in the sender's domain: `<uuid@domain>`. */
export function newMessageId(from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "samspill.localhost";
  return `<${crypto.randomUUID()}@${domain}>`;
}

const beforeTheMessage = new Set(["EDNS", "ETLS", "EREQUIRETLS", "EAUTH", "ENOAUTH", "EENVELOPE", "ECONFIG"]);
const neverConnected = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

/**
 * True when the SMTP exchange failed in a way that proves the message was not accepted: the
 * server answered with an error code, the failure came before the message was transferred, or
 * no connection was made. A dropped connection or a timeout otherwise is no such proof: the
 * server may have accepted the message and its answer got lost.
 */
export function provablyNotSent(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { responseCode?: unknown; code?: unknown; originalCode?: unknown };
  if (typeof e.responseCode === "number" && e.responseCode >= 400) return true;
  if (typeof e.code === "string" && beforeTheMessage.has(e.code)) return true;
  return typeof e.originalCode === "string" && neverConnected.has(e.originalCode);
}
