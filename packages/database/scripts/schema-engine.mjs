#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, for machines that reach the npm registry but
// not the host the Prisma CLI downloads that binary from. Point PRISMA_SCHEMA_ENGINE_BINARY at this
// file (scripts/prisma.mjs does) and `prisma migrate dev|deploy|status|reset|diff|resolve`,
// `db execute|push|pull` run on the WebAssembly build of the same engine
// (`@prisma/schema-engine-wasm`, whose version must equal the CLI's engines version), talking to
// PostgreSQL or PGlite through `@prisma/adapter-pg`.
//
// It speaks what the CLI expects from the binary:
// - `schema-engine [--datamodels PATH]… [--datasource JSON] [--enabled-preview-features …]`:
//   line-delimited JSON-RPC 2.0 on stdin/stdout until stdin closes; log lines as JSON on stderr.
//   The engine may call back into the CLI with a `print` request (diff output).
// - `schema-engine --datasource JSON cli can-connect-to-database|create-database|drop-database`:
//   one-shot; failure = exit 1 with an ERROR log line carrying {error_code, message} on stderr.
// - `schema-engine --version`.
// See scripts/schema-engine/ for the engine and adapter details.
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import {
  checkConnection,
  connectionError,
  createDatabase,
  dropDatabase,
  pgConfigFromUrl,
} from "./schema-engine/adapter.mjs";
import { EngineSession, engineVersion, loadRuntime, RpcError } from "./schema-engine/engine.mjs";

function parseArgs(argv) {
  const args = { datamodels: [], datasource: undefined, cli: undefined, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`Missing value for ${arg}`);
      return v;
    };
    if (arg === "--datamodels") args.datamodels.push(value());
    else if (arg === "--datasource") args.datasource = JSON.parse(value());
    else if (arg === "--enabled-preview-features" || arg === "--extension-types")
      value(); // no effect on wasm
    else if (arg === "--version" || arg === "-V") args.version = true;
    else if (arg === "cli") args.cli = argv.slice(i + 1);
    else throw new Error(`Unknown argument: ${arg}`);
    if (args.cli) break;
  }
  return args;
}

/** A log line in the native engine's format (the CLI parses stderr as JSON lines). */
function log(level, message, extra = {}) {
  const line = { timestamp: new Date().toISOString(), level, fields: { message, ...extra } };
  process.stderr.write(`${JSON.stringify({ ...line, target: "schema_engine::logger" })}\n`);
}

async function runCliCommand(command, datasource) {
  // The CLI skips the first stderr line of a failed one-shot command before parsing the rest.
  log("INFO", "Starting schema engine CLI (wasm stand-in)");
  const url = datasource?.url;
  if (!url) {
    log("ERROR", "No datasource URL given", { error_code: "P1012" });
    return 1;
  }
  const fail = ({ code, message }) => {
    log("ERROR", message, { error_code: code });
    return 1;
  };
  try {
    switch (command) {
      case "can-connect-to-database": {
        const error = await checkConnection(url);
        return error ? fail(error) : 0;
      }
      case "create-database":
        await createDatabase(url);
        return 0;
      case "drop-database":
        await dropDatabase(url);
        return 0;
      default:
        return fail({ code: "P1000", message: `Unknown cli command: ${command}` });
    }
  } catch (error) {
    return fail(connectionError(error, pgConfigFromUrl(url)));
  }
}

function write(message) {
  return new Promise((resolve) => process.stdout.write(`${JSON.stringify(message)}\n`, () => resolve()));
}

async function serveJsonRpc(args) {
  const datamodels = args.datamodels.map((path) => [path, readFileSync(path, "utf8")]);
  const session = new EngineSession({
    datamodels,
    datasource: args.datasource,
    // The engine's own log lines are JSON already; pass them on like the native binary does.
    log: (line) => process.stderr.write(`${String(line).trimEnd()}\n`),
  });

  // Requests from the CLI run one at a time, in order. Responses to our `print` requests arrive
  // while a request is running, so they are dispatched at once.
  const awaitingCli = new Map();
  let nextId = 1;
  let stdinClosed = false;
  const print = async (content) => {
    const id = nextId++;
    // Once stdin is closed no answer can come: do not wait for one.
    const answered = stdinClosed ? undefined : new Promise((resolve) => awaitingCli.set(id, resolve));
    await write({ jsonrpc: "2.0", id, method: "print", params: { content } });
    await answered;
  };

  let exitCode = 0;
  let current;
  // wasm-bindgen raises some errors (e.g. params that do not deserialize) from a detached promise
  // job, where they cannot be caught: answer the request in flight with it, then give up.
  process.on("uncaughtException", async (error) => {
    log("ERROR", String(error?.stack ?? error));
    if (current?.id !== undefined)
      await write({ jsonrpc: "2.0", id: current.id, error: session.toRpcError(error) });
    process.exit(1);
  });

  const handle = async (request) => {
    const { id, method, params } = request;
    current = request;
    let response;
    try {
      if (typeof method !== "string") throw new RpcError(-32600, "Invalid request");
      const result = await session.handle(method, params, { print });
      response = { jsonrpc: "2.0", id, result: result ?? null };
    } catch (error) {
      response = { jsonrpc: "2.0", id, error: session.toRpcError(error) };
    }
    if (id !== undefined) await write(response);
    if (session.panicked) {
      // A panicked wasm instance is unusable; exit like the native binary (101).
      exitCode = 101;
      rl.close();
    }
  };

  let queue = Promise.resolve();
  const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  rl.on("line", (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      void write({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (message.method === undefined && ("result" in message || "error" in message)) {
      // The CLI's answer to one of our `print` requests.
      awaitingCli.get(message.id)?.(message);
      awaitingCli.delete(message.id);
      return;
    }
    queue = queue.then(() => handle(message));
  });
  // The CLI ends a session by closing our stdin: finish the request in flight, release the
  // engine, pools and any embedded servers, and exit (open pg pools would otherwise keep us alive).
  await new Promise((resolve) => rl.once("close", resolve));
  stdinClosed = true;
  for (const resolve of awaitingCli.values()) resolve();
  awaitingCli.clear();
  await queue;
  await session.close();
  return exitCode;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.version) {
    await loadRuntime();
    process.stdout.write(`schema-engine-cli ${engineVersion()}\n`);
    return 0;
  }
  if (args.cli) return runCliCommand(args.cli[0], args.datasource);
  return serveJsonRpc(args);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    log("ERROR", String(error?.stack ?? error));
    process.exit(1);
  },
);
