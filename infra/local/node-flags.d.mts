// Types for the service launch settings shared by the start script, the bench and the infra tests.
export const serviceNodeFlags: Record<"gateway" | "worker", string[]>;
export const serviceEnv: Record<string, string>;
export function serviceEntry(name: "gateway" | "worker"): string;
