import * as redisServer from "../../../infra/local/redis.mjs";

// A private redis-server with the settings the hub requires (AOF, fsync every second,
// noeviction), which a test can kill and start again on the same port and append-only file.

type Started = { url: string; port: number; child: import("node:child_process").ChildProcess };
const startRedisServer = redisServer.startRedisServer as (options: {
  dir?: string;
  port?: number;
}) => Promise<Started>;

export interface PrivateRedis {
  url: string;
  port: number;
  /** SIGKILL: what the append-only file has by then is all that survives. */
  kill(): Promise<void>;
  /** Starts it again on the same port and directory. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function startPrivateRedis(dir: string): Promise<PrivateRedis> {
  let server = await startRedisServer({ dir });
  const signal = async (sig: NodeJS.Signals) => {
    const child = server.child;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((r) => child.once("exit", r));
    child.kill(sig);
    await gone;
  };
  return {
    url: server.url,
    port: server.port,
    kill: () => signal("SIGKILL"),
    async start() {
      server = await startRedisServer({ dir, port: server.port });
    },
    stop: () => signal("SIGTERM"),
  };
}
