import { spawn } from "node:child_process";
import { join } from "node:path";

/**
 * Starts the local SMTP sink (services/worker/src/commands/smtp-sink.ts) for the embedded default:
 * it accepts every message and stores it in the database for admins to read in the web app.
 * Resolves with its smtp:// URL once it listens.
 */
export async function startSmtpSink({ root, tsx, env, port = 0 }) {
  const child = spawn(tsx, [join("services", "worker", "src", "commands", "smtp-sink.ts")], {
    cwd: root,
    env: { ...env, SMTP_SINK_PORT: String(port) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const match = /READY (\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`the SMTP sink exited with ${code}`)));
  });
  return { url, port: Number(new URL(url).port), child };
}
