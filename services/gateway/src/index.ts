export { createGateway, type GatewayDeps } from "./app.js";
export type { Context, Viewer } from "./context.js";
export { createGatewayPubSub, type GatewayPubSub } from "./pubsub.js";
export { defaultMaxQueryCost, operationCost } from "./query-cost.js";
export { schema } from "./schema/index.js";
