export { type PgliteServer, type PgliteServerOptions, startPgliteServer } from "./pglite-server.js";
