import { connect } from "node:net";
import nodemailer from "nodemailer";
import { afterEach, expect, it } from "vitest";
import { type CapturedMessage, type SmtpSink, startSmtpSink } from "./sink.js";

let sink: SmtpSink | undefined;
afterEach(async () => {
  await sink?.close();
});

// A worker SIGKILLed mid-conversation resets its socket; before the sink listened for that, the
// reset surfaced as an uncaught ECONNRESET that ended the process running the sink.
it("keeps accepting mail after a client resets its connection mid-conversation", async () => {
  const received: CapturedMessage[] = [];
  sink = await startSmtpSink({ onMessage: async (m) => void received.push(m) });
  const port = sink.port;
  await new Promise<void>((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("error", reject);
    socket.once("data", () => {
      socket.write("EHLO dying-worker\r\nMAIL FROM:<a@example.no>\r\n");
      setTimeout(() => {
        socket.resetAndDestroy();
        resolve();
      }, 50);
    });
  });
  await new Promise((resolve) => setTimeout(resolve, 100));
  const transport = nodemailer.createTransport({ url: sink.url } as never);
  await transport.sendMail({
    from: "samspill@example.no",
    to: "deltaker@example.no",
    subject: "Etter brutt tilkobling",
    text: "Fremdeles her",
  });
  transport.close();
  expect(received.map((m) => [m.to, m.subject])).toEqual([
    [["deltaker@example.no"], "Etter brutt tilkobling"],
  ]);
});

it("accepts and measures mail without parsing it when asked to", async () => {
  const received: CapturedMessage[] = [];
  sink = await startSmtpSink({ parse: false, onMessage: async (m) => void received.push(m) });
  const transport = nodemailer.createTransport({ url: sink.url } as never);
  const text = "Ukens endringer ".repeat(500);
  await transport.sendMail({
    from: "samspill@example.no",
    to: "abonnent@example.no",
    subject: "Uke 50",
    text,
  });
  transport.close();
  expect(received).toHaveLength(1);
  expect(received[0]).toMatchObject({
    from: "samspill@example.no",
    to: ["abonnent@example.no"],
    subject: "",
  });
  // The whole message was read: headers and the body, encoded.
  expect(received[0]!.size).toBeGreaterThan(text.length);
});
