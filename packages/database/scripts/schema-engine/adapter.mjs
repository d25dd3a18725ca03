// Driver adapters for the wasm schema engine: `@prisma/adapter-pg` over `pg`, with the fixes the
// engine needs, plus the shadow databases that the native engine would have created itself.
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import pg from "pg";

// ---------------------------------------------------------------------------------------------
// Catalog column types. The engine introspects pg_catalog, whose columns include types that
// adapter-pg refuses ("Column type 'char' could not be deserialized", UnsupportedNativeDataType):
// it maps a fixed list of OIDs and throws for any other built-in one (OID < 16384). We rewrite the
// result's field OIDs before adapter-pg sees them, inside a pg.Client subclass that pg.Pool uses.

// The built-in OIDs adapter-pg 7.10 converts itself (its fieldToColumnType).
const ADAPTER_PG_OIDS = new Set([
  16, 17, 19, 20, 21, 23, 25, 26, 114, 142, 650, 700, 701, 790, 869, 1042, 1043, 1082, 1083, 1114, 1184, 1266,
  1560, 1562, 1700, 2950, 3802,
  // arrays
  143, 199, 651, 791, 1000, 1001, 1002, 1005, 1007, 1009, 1014, 1015, 1016, 1021, 1022, 1028, 1041, 1115,
  1182, 1183, 1185, 1231, 1561, 1563, 2951, 3807,
]);
const FIRST_NORMAL_OID = 16384;
const CHAR_OID = 18; // "char": pg_constraint.contype, pg_class.relkind, pg_attribute.attidentity…
const TEXT_OID = 25;
const TEXT_ARRAY_OID = 1009;

/** Result rows → indexes of their `"char"` columns, for the adapter wrapper below. */
const charColumns = new WeakMap();

function toleratedResult(result) {
  if (Array.isArray(result)) return result.map(toleratedResult); // multi-statement simple query
  if (!result?.fields) return result;
  result.fields.forEach((field, i) => {
    const oid = field.dataTypeID;
    if (oid >= FIRST_NORMAL_OID || ADAPTER_PG_OIDS.has(oid)) return;
    const values = result.rows.map((row) => (Array.isArray(row) ? row[i] : row[field.name]));
    const isArray = values.some((v) => Array.isArray(v));
    // int2vector, oidvector, regproc, regtype, pg_node_tree, aclitem[], name[]… reach the engine as
    // text or text[]; it only reads them as strings.
    field.dataTypeID = isArray ? TEXT_ARRAY_OID : TEXT_OID;
    const asText = (v) => (v === null || v === undefined ? null : String(v));
    for (const row of result.rows) {
      const key = Array.isArray(row) ? i : field.name;
      row[key] = isArray ? (row[key]?.map(asText) ?? null) : asText(row[key]);
    }
    if (oid === CHAR_OID) {
      // The engine reads "char" with a char getter, which accepts a Character column, not Text.
      const list = charColumns.get(result.rows) ?? [];
      list.push(i);
      charColumns.set(result.rows, list);
    }
  });
  return result;
}

class CatalogTolerantClient extends pg.Client {
  query(config, values, callback) {
    if (typeof values === "function") {
      callback = values;
      values = undefined;
    }
    if (typeof config?.submit === "function") return super.query(config, values, callback); // cursors
    if (typeof callback === "function") {
      return super.query(config, values, (err, res) => callback(err, err ? res : toleratedResult(res)));
    }
    return super.query(config, values).then(toleratedResult);
  }
}

// ---------------------------------------------------------------------------------------------
// Connection settings. We build pg's config from explicit fields rather than `connectionString`,
// because pg lets a connectionString override `database`, which the shadow database relies on.

export function pgConfigFromUrl(url, overrides = {}) {
  let u;
  try {
    u = new URL(url);
  } catch {
    throw new Error("The datasource URL is not a valid URL (expected postgresql://user@host:port/db).");
  }
  if (u.protocol !== "postgresql:" && u.protocol !== "postgres:") {
    throw new Error(`The stand-in schema engine only supports PostgreSQL URLs, not ${u.protocol}//…`);
  }
  const q = u.searchParams;
  const sslmode = q.get("sslmode");
  return {
    host: decodeURIComponent(u.hostname.replace(/^\[(.*)\]$/, "$1")) || q.get("host") || "localhost",
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || undefined,
    // Prisma's default is "prefer", which pg cannot do: only ask for TLS when required.
    ssl:
      sslmode === "require" || sslmode === "no-verify"
        ? { rejectUnauthorized: false }
        : sslmode === "verify-ca" || sslmode === "verify-full"
          ? { rejectUnauthorized: true }
          : false,
    connectionTimeoutMillis: Number(q.get("connect_timeout") ?? 5) * 1000 || undefined,
    // Prisma's `?schema=` picks the Postgres schema the engine manages.
    schema: q.get("schema") ?? "public",
    ...overrides,
  };
}

function describe(config) {
  return `${config.host}:${config.port}`;
}

/** Runs one function with a single pg client, closed afterwards. */
export async function withClient(config, fn) {
  const { schema: _schema, ...pgConfig } = config;
  const client = new pg.Client(pgConfig);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

const quoteIdent = (name) => `"${String(name).replaceAll('"', '""')}"`;

// ---------------------------------------------------------------------------------------------
// Adapters.

/** Patches an adapter-pg adapter (or transaction) so that it reports "char" columns as Character. */
function withCharColumns(queryable) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumns.get(result.rows) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  return queryable;
}

function patchAdapter(adapter, onDispose) {
  withCharColumns(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args) => withCharColumns(await startTransaction(...args));
  // adapter-pg's executeScript splits the script on every ";" (breaking DO $$…$$ bodies, function
  // definitions and string literals). Send it whole as one simple query, like the native engine.
  adapter.executeScript = async (script) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      adapter.onError(error); // rethrows as the DriverAdapterError the engine understands
    }
  };
  if (onDispose) {
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      try {
        await dispose();
      } finally {
        await onDispose();
      }
    };
  }
  return adapter;
}

async function connectAdapter(config, onDispose) {
  const { schema, ...pgConfig } = config;
  const factory = new PrismaPg({ ...pgConfig, Client: CatalogTolerantClient }, { schema });
  return patchAdapter(await factory.connect(), onDispose);
}

/**
 * The engine's migration-aware adapter factory.
 *
 * mainUrl: () => Promise<string>, the database the command works on.
 * shadowUrl: optional () => Promise<string | undefined>, an explicit shadow database
 *   (prisma.config.ts datasource.shadowDatabaseUrl).
 * startEphemeralServer: () => Promise<{ url, stop }>, an in-memory PGlite server.
 *
 * The wasm engine cannot create a shadow database itself; it calls connectToShadowDb() for
 * `migrate dev`, `migrate diff --from/--to-migrations` and drift checks. Like the native engine:
 * an explicit shadowDatabaseUrl is emptied and used; otherwise a temporary database is created
 * on the main server and dropped afterwards. PGlite serves a single database, so there the
 * temporary shadow database is a second, in-memory PGlite server.
 */
export function createAdapterFactory({ mainUrl, shadowUrl, startEphemeralServer }) {
  return bindMigrationAwareSqlAdapterFactory({
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async connect() {
      return connectAdapter(pgConfigFromUrl(await mainUrl()));
    },
    async connectToShadowDb() {
      const explicitShadow = await shadowUrl?.();
      if (explicitShadow) {
        const config = pgConfigFromUrl(explicitShadow);
        const empty = () => withClient(config, (client) => emptySchema(client, config.schema));
        await empty();
        // Leave it empty afterwards too, as the native engine does.
        return connectAdapter(config, () => empty().catch(() => {}));
      }
      const main = pgConfigFromUrl(await mainUrl());
      if (await isPglite(main)) {
        const server = await startEphemeralServer();
        return connectAdapter(pgConfigFromUrl(server.url, { schema: main.schema }), () => server.stop());
      }
      const database = `prisma_migrate_shadow_db_${randomUUID()}`;
      await withClient(main, (client) => client.query(`CREATE DATABASE ${quoteIdent(database)}`));
      const dropShadow = () =>
        withClient(main, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)}`));
      try {
        return await connectAdapter({ ...main, database }, dropShadow);
      } catch (error) {
        await dropShadow().catch(() => {});
        throw error;
      }
    },
  });
}

async function isPglite(config) {
  const { rows } = await withClient(config, (client) => client.query("SELECT version() AS v"));
  return /PGlite/i.test(rows[0]?.v ?? "");
}

/** What the native engine does to an explicit shadow database before replaying migrations. */
async function emptySchema(client, schema) {
  await client.query(
    `DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE; CREATE SCHEMA ${quoteIdent(schema)}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Database creation for `cli create-database` / `createDatabase`, done with plain pg on the
// server's maintenance database, since the wasm engine has no such command.

/** Runs fn on the server's maintenance database ("postgres", else "template1"). */
async function withMaintenanceClient(config, fn) {
  try {
    return await withClient({ ...config, database: "postgres" }, fn);
  } catch (error) {
    if (error?.code !== "3D000") throw error;
    return withClient({ ...config, database: "template1" }, fn);
  }
}

export async function createDatabase(url) {
  const config = pgConfigFromUrl(url);
  await withMaintenanceClient(config, (client) =>
    client.query(`CREATE DATABASE ${quoteIdent(config.database)}`),
  );
  return config.database;
}

export async function dropDatabase(url) {
  const config = pgConfigFromUrl(url);
  await withMaintenanceClient(config, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdent(config.database)}`),
  );
}

/** Connects to the URL's database; returns null or a user-facing {code, message} as the native engine. */
export async function checkConnection(url) {
  const config = pgConfigFromUrl(url);
  try {
    await withClient(config, (client) => client.query("SELECT 1"));
    return null;
  } catch (error) {
    return connectionError(error, config);
  }
}

export function connectionError(error, config) {
  const where = describe(config);
  switch (error?.code) {
    case "3D000":
      return {
        code: "P1003",
        message: `Database \`${config.database}\` does not exist on the database server at \`${where}\`.`,
      };
    case "28P01":
    case "28000":
      return {
        code: "P1000",
        message: `Authentication failed against database server at \`${where}\`, the provided database credentials for \`${config.user}\` are not valid.`,
      };
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EHOSTUNREACH":
    case "ETIMEDOUT":
      return { code: "P1001", message: `Can't reach database server at \`${where}\`` };
    default:
      return { code: "P1000", message: `${error?.message ?? error} (database server at \`${where}\`)` };
  }
}
