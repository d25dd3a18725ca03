import type { Unit } from "@samspill/commands";
import type { Context } from "./context.js";

// Mutations hand their input to a command (packages/commands), which authorises, validates and
// writes in one transaction. The viewer is already an actor; this adds where the command runs.

export function unitOf(ctx: Context): Unit {
  // The primary even while a query reads from the replica: a logged read writes its audit entry.
  return { db: ctx.primary ?? ctx.db, requestId: ctx.requestId };
}
