export * from "./actor.js";
export * from "./offers/index.js";
export * from "./unit-of-work.js";
export * from "./meetings/index.js";
export * from "./forum-reviews/index.js";
export * from "./sessions/index.js";
export * from "./agreements/index.js";
