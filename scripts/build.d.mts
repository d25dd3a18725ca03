// Types for the build script, which the bench calls before it starts the hub.
export const services: string[];
export function builtEntry(name: string): string;
export function buildService(name: string): Promise<string>;
export function buildServices(): Promise<void>;
