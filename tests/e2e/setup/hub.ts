import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { freePort } from "../../../infra/local/ports.mjs";
import { provisionRedis, repoRoot } from "../../setup/provision.js";
import { type MailCapture, startMailCapture } from "./mail-sink.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The web app of the started hub, e.g. http://127.0.0.1:41234 (no trailing slash). */
    webUrl: string;
    gatewayUrl: string;
    /** Where every mail the hub sent is written as JSON, attachments included (setup/mail-sink.ts). */
    mailDir: string;
  }
}

// The browser tests run against the whole hub as `npm start` brings it up (scripts/hub.mjs:
// migrate, seed, overview, gateway, worker, Vite), but on free ports, with a private in-memory
// PGlite and the test Redis under a key prefix of its own. Everything started here is stopped
// in the teardown. The hub's output goes to tests/.artifacts/e2e-hub.log.

const bin = (name: string) => join(repoRoot, "node_modules", ".bin", name);
const logDir = join(repoRoot, "tests", ".artifacts");

function stop(child: ChildProcess, timeoutMs = 20_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** Resolves with the first match of `pattern` in the child's stdout; rejects if it exits first. */
function waitForLine(
  child: ChildProcess,
  pattern: RegExp,
  what: string,
  timeoutMs: number,
): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(
      () => reject(new Error(`${what} did not start within ${timeoutMs} ms`)),
      timeoutMs,
    );
    child.stdout?.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const match = pattern.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code} before it was ready; see tests/.artifacts/e2e-hub.log`));
    });
  });
}

export default async function setup(project: TestProject) {
  mkdirSync(logDir, { recursive: true });
  const log = createWriteStream(join(logDir, "e2e-hub.log"));
  const children: ChildProcess[] = [];
  const redis = await provisionRedis();
  const viteCache = mkdtempSync(join(tmpdir(), "samspill-e2e-vite-"));
  const mailDir = mkdtempSync(join(tmpdir(), "samspill-e2e-mail-"));
  let mail: MailCapture | undefined;
  const teardown = async () => {
    // The hub first (it stops gateway, worker and Vite), then the mail sink and the database.
    const [database, ...rest] = children;
    for (const child of rest.reverse()) await stop(child);
    await mail?.close();
    if (database) await stop(database);
    await redis.teardown();
    rmSync(viteCache, { recursive: true, force: true });
    rmSync(mailDir, { recursive: true, force: true });
    log.end();
  };

  try {
    const database = spawn(bin("tsx"), ["packages/database/src/embedded/serve.ts", "--port", "0"], {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(database);
    database.stderr?.pipe(log, { end: false });
    const [, databaseUrl] = await waitForLine(database, /READY (\S+)/, "the embedded Postgres", 60_000);

    mail = await startMailCapture(databaseUrl ?? "", mailDir);
    const [gatewayPort, webPort, metricsPort] = [await freePort(), await freePort(), await freePort()];
    const hub = spawn(process.execPath, ["scripts/hub.mjs"], {
      cwd: repoRoot,
      env: {
        ...process.env,
        NODE_ENV: "test",
        DATABASE_URL: databaseUrl,
        SMTP_URL: mail.url,
        REDIS_URL: redis.url,
        QUEUE_PREFIX: redis.prefix,
        GATEWAY_PORT: String(gatewayPort),
        WEB_PORT: String(webPort),
        WORKER_METRICS_PORT: String(metricsPort),
        LOG_LEVEL: "warn",
        // One browser session makes many requests in a few seconds; the limit is tested elsewhere.
        RATE_LIMIT_POINTS: "100000",
        RATE_LIMIT_SIGN_IN_POINTS: "100000",
        RATE_LIMIT_EXPORT_POINTS: "100000",
        REDIS_DURABILITY_CHECK: "off",
        VITE_CACHE_DIR: viteCache,
        // No hot reload: a file saved while a journey runs would reload its page mid-step.
        VITE_HMR: "off",
        // The catalogue map's tiles: nothing answers here, so no test depends on a tile server.
        VITE_MAP_TILE_URL: "http://127.0.0.1:9/tiles/{z}/{x}/{y}.png",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(hub);
    hub.stdout?.pipe(log, { end: false });
    hub.stderr?.pipe(log, { end: false });
    await waitForLine(hub, /Samspill is running\./, "the hub", 420_000);

    project.provide("webUrl", `http://127.0.0.1:${webPort}`);
    project.provide("gatewayUrl", `http://127.0.0.1:${gatewayPort}`);
    project.provide("mailDir", mailDir);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
