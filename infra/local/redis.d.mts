// Types for the plain ESM Redis helper shared by the start script, the tests and the bench.
import type { ChildProcess } from "node:child_process";

export const redisMissingMessage: string;
export function findRedisServer(): string | null;
export interface RedisServer {
  url: string;
  port: number;
  pid: number | undefined;
  child: ChildProcess;
  stop(): Promise<void>;
}
export function startRedisServer(options?: {
  dir?: string;
  port?: number;
  persistent?: boolean;
}): Promise<RedisServer>;
