// The wasm schema engine behind the JSON-RPC methods the Prisma CLI calls on the native binary.
import { readFile } from "node:fs/promises";
import * as runtime from "@prisma/schema-engine-wasm/schema_engine_bg";
import { createAdapterFactory, createDatabase, pgConfigFromUrl, withClient } from "./adapter.mjs";

// The engine's panic hook reports the panic message here before raising a wasm RuntimeError.
let panicMessage = null;
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  set_message(message) {
    panicMessage = message;
  },
};

let loaded;
/** Instantiates the wasm module by hand: Node 20 cannot `import` a .wasm file without a flag. */
export function loadRuntime() {
  loaded ??= (async () => {
    const entry = import.meta.resolve("@prisma/schema-engine-wasm");
    const bytes = await readFile(new URL("./schema_engine_bg.wasm", entry));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": runtime });
    runtime.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
    return runtime;
  })();
  return loaded;
}

export const engineVersion = () => runtime.version();

// The CLI starts the engine without --datamodels for `migrate diff` and `db execute`, but the wasm
// engine panics on a diff without one ("validate_multi_file() must be called with at least one
// file"). Diff targets carry their own schemas; the engine only needs to know the provider.
const PROVIDER_ONLY_SCHEMA = ["schema.prisma", 'datasource db {\n  provider = "postgresql"\n}\n'];

// Methods whose params and result are the same for the native and the wasm engine.
const PASS_THROUGH = new Set([
  "applyMigrations",
  "devDiagnostic",
  "diagnoseMigrationHistory",
  "ensureConnectionValidity",
  "introspect",
  "introspectSql",
  "markMigrationApplied",
  "markMigrationRolledBack",
  "reset",
  "schemaPush",
]);

export class RpcError extends Error {
  constructor(code, message) {
    super(message);
    this.rpcCode = code;
  }
}

/**
 * One engine per stand-in process, as with the native binary (the CLI starts one per command).
 * datamodels: [path, content][] from --datamodels; datasource: parsed --datasource JSON.
 */
export class EngineSession {
  #datamodels;
  #datasource;
  #log;
  #engine;
  #adapterFactory;
  #ephemeral = [];
  #mainUrl;
  #shadowOptedIn = false;

  constructor({ datamodels, datasource, log }) {
    this.#datamodels = datamodels;
    this.#datasource = datasource ?? {};
    this.#log = log;
  }

  /**
   * The command's database. Without a configured URL (the CLI allows that only for diffs between
   * files) an in-memory PGlite, which then also serves as the shadow database: PGlite takes a few
   * seconds of CPU to start, and nothing else is kept in it.
   */
  #resolveMainUrl = () => {
    this.#mainUrl ??= this.#datasource.url
      ? Promise.resolve(this.#datasource.url)
      : this.#startEphemeralServer().then((server) => server.url);
    return this.#mainUrl;
  };

  #resolveShadowUrl = async () =>
    this.#datasource.url ? this.#datasource.shadowDatabaseUrl : this.#resolveMainUrl();

  #startEphemeralServer = async () => {
    const server = await startPgliteServer();
    this.#ephemeral.push(server);
    return server;
  };

  #getEngine() {
    this.#engine ??= (async () => {
      const { SchemaEngine } = await loadRuntime();
      this.#adapterFactory = createAdapterFactory({
        mainUrl: this.#resolveMainUrl,
        shadowUrl: this.#resolveShadowUrl,
        startEphemeralServer: this.#startEphemeralServer,
      });
      const datamodels = this.#datamodels.length > 0 ? this.#datamodels : [PROVIDER_ONLY_SCHEMA];
      return SchemaEngine.new({ datamodels }, this.#log, this.#adapterFactory);
    })();
    return this.#engine;
  }

  /** Runs one JSON-RPC request; `print` sends text to the CLI's stdout like the native engine. */
  async handle(method, params, { print }) {
    if (method === "createDatabase") return this.#createDatabase(params);
    if (method === "getDatabaseDescription") {
      throw new RpcError(-32601, "getDatabaseDescription is not available in the wasm schema engine");
    }
    const engine = await this.#getEngine();
    // Call methods on the engine object itself: a detached method loses its wasm pointer.
    if (PASS_THROUGH.has(method)) return engine[method](params);
    switch (method) {
      case "getDatabaseVersion":
        return engine.version(); // its params name a datasource; the wasm engine has only its own
      case "debugPanic":
        return engine.debugPanic();
      case "evaluateDataLoss":
      case "createMigration":
        // The wasm engine only lets these use the shadow database after a diagnoseMigrationHistory
        // that opted into it on the same instance; otherwise: "PostgreSQL shadow DB must be provided
        // through an external factory". `migrate dev` never sends one, so we do.
        if (!this.#shadowOptedIn) {
          await engine.diagnoseMigrationHistory({
            migrationsList: params.migrationsList,
            optInToShadowDatabase: true,
            filters: params.filters,
          });
          this.#shadowOptedIn = true;
        }
        return engine[method](params);
      case "diff": {
        // The native engine streams the diff to the CLI as a `print` request (the CLI ignores the
        // result's stdout); the CLI adds the final newline.
        const result = await engine.diff(params);
        if (result.stdout) await print(result.stdout.replace(/\n$/, ""));
        return { exitCode: result.exitCode, stdout: null };
      }
      case "dbExecute":
        return this.#dbExecute(engine, params);
      default:
        throw new RpcError(-32601, `Method not found: ${method}`);
    }
  }

  async #dbExecute(engine, params) {
    if (params.datasourceType?.tag !== "url") return engine.dbExecute(params);
    // The wasm engine only executes against its own adapter; a URL target (what `db execute` sends,
    // from prisma.config.ts) runs as one simple query, like the native engine's raw command.
    await withClient(pgConfigFromUrl(params.datasourceType.url), (client) => client.query(params.script));
    return {};
  }

  async #createDatabase(params) {
    const datasource = params?.datasource;
    const url = datasource?.tag === "ConnectionString" ? datasource.url : this.#datasource.url;
    if (!url) throw new Error("createDatabase needs a datasource URL");
    return { databaseName: await createDatabase(url) };
  }

  /** Converts a thrown engine or adapter error into the JSON-RPC error the native engine sends. */
  toRpcError(error) {
    if (error instanceof RpcError) return { code: error.rpcCode, message: error.message };
    const panic = panicMessage ?? (error instanceof WebAssembly.RuntimeError ? String(error.message) : null);
    if (panic) {
      // The CLI shows data.message under "[RESPONSE_ERROR_PANIC]" and the error's message as reason.
      return {
        code: 4466,
        message: panic,
        data: { is_panic: true, message: panic, backtrace: error?.stack },
      };
    }
    let message = String(error?.message ?? error);
    // Errors thrown in the adapter's JS code reach the engine as an id into the factory's registry;
    // show the original message instead of "GenericJs { id: 3 }".
    message = message.replace(/GenericJs\s*\{\s*id:\s*(\d+)\s*\}/g, (match, id) => {
      const original = this.#adapterFactory?.errorRegistry.consumeError(Number(id))?.error;
      return original ? String(original.message ?? original) : match;
    });
    const data = { is_panic: false, message };
    if (error?.code) data.error_code = error.code;
    if (error?.meta) data.meta = error.meta;
    return { code: 4466, message: "An error happened. Check the data field for details.", data };
  }

  /** True after a wasm panic: the instance must not be used again. */
  get panicked() {
    return panicMessage !== null;
  }

  async close() {
    const engine = await this.#engine?.catch(() => undefined);
    try {
      engine?.free();
    } catch {}
    await Promise.allSettled(this.#ephemeral.map((server) => server.stop()));
  }
}

/**
 * The embedded PGlite server lives in TypeScript (src/embedded, also used by the app and tests);
 * load it through tsx only when a PGlite database is actually needed.
 */
async function startPgliteServer() {
  const { tsImport } = await import("tsx/esm/api");
  const embedded = await tsImport("../../src/embedded/index.ts", import.meta.url);
  return embedded.startPgliteServer();
}
