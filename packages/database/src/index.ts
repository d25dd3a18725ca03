export * from "./audit-chain.js";
export { createDatabase, type Database, type DatabaseOptions } from "./client.js";
export * from "./generated/prisma/client.js";
