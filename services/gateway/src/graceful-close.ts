import type { Server as HttpServer, ServerResponse } from "node:http";
import { Server as NetServer } from "node:net";

// Graceful stop for the HTTP server. Two traps of `http.Server.close()` under load:
// - it destroys every connection with no request in progress, including connections accepted
//   a moment ago whose request has not been read yet: those clients get ECONNRESET;
// - closing the listening socket resets the connections still waiting in the kernel's accept
//   queue, which a busy event loop takes in only over several turns.
// So: keep accepting while connections still come in from the backlog (until the loop has
// turned once with none, at most `maxDrainMs`), then stop listening; let every connection
// finish its request, answering with `Connection: close` meanwhile; and shut idle keep-alive
// connections only once nothing is in progress and fresh connections had time to send theirs.

export interface GracefulServer {
  /** Resolves once the listener is closed and every connection has ended. */
  close(): Promise<void>;
}

export function gracefulServer(
  server: HttpServer,
  options: { maxDrainMs?: number; idleGraceMs?: number; onListenerClosed?: () => void } = {},
): GracefulServer {
  const maxDrainMs = options.maxDrainMs ?? 1_000;
  const idleGraceMs = options.idleGraceMs ?? 1_000;
  let closing = false;
  let active = 0;
  let accepted = 0;
  server.on("connection", () => {
    accepted += 1;
  });
  server.on("request", (_req, res: ServerResponse) => {
    active += 1;
    if (closing) res.shouldKeepAlive = false;
    res.once("close", () => {
      active -= 1;
    });
  });

  /** Resolves once a turn of the event loop (its poll phase included) accepted no connection. */
  const backlogDrained = (startedAt: number) =>
    new Promise<void>((resolve) => {
      const check = () => {
        const before = accepted;
        // A timer, then setImmediate: the poll phase that accepts connections lies between them.
        setTimeout(() => {
          setImmediate(() => {
            if (accepted === before || Date.now() - startedAt >= maxDrainMs) resolve();
            else check();
          });
        }, 5);
      };
      check();
    });

  return {
    async close() {
      closing = true;
      const startedAt = Date.now();
      await backlogDrained(startedAt);
      await new Promise<void>((resolve, reject) => {
        const sweep = setInterval(() => {
          if (active === 0 && Date.now() - startedAt >= idleGraceMs) server.closeIdleConnections();
        }, 100);
        NetServer.prototype.close.call(server, (error?: Error) => {
          clearInterval(sweep);
          if (error) reject(error);
          else resolve();
        });
        options.onListenerClosed?.();
      });
    },
  };
}
