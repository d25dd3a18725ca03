import { getOperationAST } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Viewer } from "../context.js";

/** Whom a read is done for: no one when the viewer is an API token without the `read` scope. */
export function readingViewer(viewer: Viewer | null | undefined): Viewer | null {
  if (viewer?.kind === "API_TOKEN" && !viewer.scopes?.includes("read")) return null;
  return viewer ?? null;
}

/**
 * An API token without the `read` scope reads like a signed-out caller: its queries and
 * subscriptions run with no viewer, so they see only what is public. Its mutations keep the
 * viewer; each command checks the write scope it needs (packages/commands, unit-of-work.ts).
 * The REST calendar and export routes read through `readingViewer` likewise (routes/exports.ts).
 */
export function tokensReadOnlyWithReadScope(): Plugin<{ viewer: Viewer | null }> {
  return {
    onExecute({ args, extendContext }) {
      const viewer = (args.contextValue as { viewer?: Viewer | null }).viewer;
      if (!viewer || readingViewer(viewer)) return;
      if (getOperationAST(args.document, args.operationName)?.operation !== "mutation")
        extendContext({ viewer: null });
    },
    onSubscribe({ args, extendContext }) {
      const viewer = (args.contextValue as { viewer?: Viewer | null }).viewer;
      if (viewer && !readingViewer(viewer)) extendContext({ viewer: null });
    },
  };
}
