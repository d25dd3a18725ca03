// Types for the plain ESM port helpers shared by the start script, the tests and the bench.
export function freePort(host?: string): Promise<number>;
export function waitForPort(port: number, options?: { host?: string; timeoutMs?: number }): Promise<void>;
