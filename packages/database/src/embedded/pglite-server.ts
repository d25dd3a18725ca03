/**
 * Embedded PostgreSQL: PGlite (Postgres 18 compiled to WebAssembly) served over the Postgres wire
 * protocol on a local TCP port, so that anything speaking to a real server (`pg`, Prisma Client via
 * `@prisma/adapter-pg`, the schema-engine stand-in in scripts/, psql) can use it unchanged.
 *
 * Facts about `@electric-sql/pglite-socket@0.2.17` that shaped this module:
 * - `PGLiteSocketServer` accepts ONE connection unless `maxConnections` is raised (default 1; an
 *   extra client is sent the text "Too many connections" and dropped, which `pg` reports as a
 *   protocol error). A `pg.Pool` opens several, so we raise it.
 * - All connections share PGlite's single backend. The server queues protocol messages one at a
 *   time and keeps a connection exclusive only while it is inside a `BEGIN` block. It does NOT keep
 *   an extended-protocol exchange (Parse/Bind/Describe/Execute … Sync, which `pg` uses for every
 *   parameterised query) together, so two pooled connections interleave and bind each other's
 *   unnamed statement ("bind message supplies 2 parameters, but prepared statement "" requires 1",
 *   then a hang; reproduced with 2000 concurrent queries over a pool of 10). `serialiseExchanges`
 *   below fixes that by also treating a connection as exclusive from its first extended-protocol
 *   message to its Sync.
 * - Consequences of the single backend that remain: one database per server (every database name
 *   in the URL reaches the same one, CREATE DATABASE succeeds but cannot be connected to),
 *   session state (SET, temp tables, named prepared statements, LISTEN) is shared by all
 *   connections, and queries run one at a time. Good for development and tests, not production.
 */
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface PgliteServerOptions {
  /** Directory holding the cluster, created when missing. Undefined: in memory, gone after stop(). */
  dataDir?: string;
  /** TCP port to listen on; 0 (the default) picks a free port. */
  port?: number;
  /** Interface to bind; default 127.0.0.1. */
  host?: string;
  /** Concurrent client connections accepted (default 64). */
  maxConnections?: number;
}

export interface PgliteServer {
  /** Connection URL for `pg`, Prisma (`DATABASE_URL`) and psql. */
  url: string;
  host: string;
  port: number;
  /** The PGlite instance behind the socket, for direct in-process use. */
  db: PGlite;
  /** Closes client connections, the listening socket and PGlite (flushing a dataDir). */
  stop(): Promise<void>;
}

/** Extended-protocol messages that must reach the backend without another connection's in between. */
const EXCHANGE_MESSAGES = new Set(["P", "B", "D", "E", "C", "H"].map((c) => c.charCodeAt(0)));
/** A Sync message: ends an extended-protocol exchange. */
const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);

/**
 * The subset of PGlite that PGLiteSocketServer and its query queue use, with `isInTransaction()`
 * also true while the connection that sent the last message is in the middle of an
 * extended-protocol exchange: the queue then serves only that connection until it sends Sync.
 */
function serialiseExchanges(db: PGlite): PGlite {
  let inExchange = false;
  const facade = {
    get waitReady() {
      return db.waitReady;
    },
    isInTransaction: () => inExchange || db.isInTransaction(),
    runExclusive: <T>(fn: () => Promise<T>) => db.runExclusive(fn),
    execProtocolRawStream: (message: Uint8Array, options: Parameters<PGlite["execProtocolRawStream"]>[1]) => {
      // Each call carries exactly one message; the first byte is its type (a startup message
      // starts with a length whose first byte is 0, which is not in the set).
      inExchange = EXCHANGE_MESSAGES.has(message[0] ?? 0);
      return db.execProtocolRawStream(message, options);
    },
    // Called by the queue only as exec("ROLLBACK") when the exclusive connection goes away.
    exec: async (sql: string) => {
      if (inExchange) {
        await db.runExclusive(() => db.execProtocolRawStream(SYNC, { onRawData: () => {} }));
        inExchange = false;
      }
      return db.isInTransaction() ? db.exec(sql) : [];
    },
  };
  return facade as unknown as PGlite;
}

export async function startPgliteServer(options: PgliteServerOptions = {}): Promise<PgliteServer> {
  const host = options.host ?? "127.0.0.1";
  const db = await PGlite.create(options.dataDir);
  const server = new PGLiteSocketServer({
    db: serialiseExchanges(db),
    host,
    port: options.port ?? 0,
    maxConnections: options.maxConnections ?? 64,
  });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw error;
  }
  // getServerConn() is "host:port" with the port actually bound (also when 0 was asked for).
  const conn = server.getServerConn();
  const port = Number(conn.slice(conn.lastIndexOf(":") + 1));
  const urlHost = host.includes(":") ? `[${host}]` : host;
  let stopped: Promise<void> | undefined;
  return {
    url: `postgresql://postgres@${urlHost}:${port}/postgres?sslmode=disable`,
    host,
    port,
    db,
    stop() {
      stopped ??= (async () => {
        await server.stop();
        await db.close();
      })();
      return stopped;
    },
  };
}
