import type { Unit } from "@samspill/commands";
import type { Context } from "./context.js";

// Mutations hand their input to a command (packages/commands), which authorises, validates and
// writes in one transaction. The viewer is already an actor; this adds where the command runs.

export function unitOf(ctx: Context): Unit {
  return { db: ctx.db, requestId: ctx.requestId };
}
