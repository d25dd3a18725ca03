import { createServer } from "node:net";

/** A TCP port nothing listens on right now, chosen by the kernel. */
export function freePort(host = "127.0.0.1") {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, host, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once `host:port` accepts TCP connections, or rejects after `timeoutMs`. */
export async function waitForPort(port, { host = "127.0.0.1", timeoutMs = 30_000 } = {}) {
  const { connect } = await import("node:net");
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await new Promise((resolve) => {
      const socket = connect({ host, port });
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Nothing answered on ${host}:${port} within ${timeoutMs} ms`);
}
