export * from "./contributions.js";
export * from "./crossed.js";
export * from "./crossed-gaps.js";
export * from "./gaps.js";
export * from "./project.js";
export * from "./read.js";
export * from "./rebuild.js";
export * from "./scope.js";
