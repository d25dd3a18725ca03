export * from "./contributions.js";
export * from "./gaps.js";
export * from "./project.js";
export * from "./read.js";
export * from "./rebuild.js";
