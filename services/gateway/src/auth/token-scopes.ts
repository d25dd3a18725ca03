import { getOperationAST } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Viewer } from "../context.js";

/**
 * An API token without the `read` scope reads like a signed-out caller: its queries and
 * subscriptions run with no viewer, so they see only what is public. Its mutations keep the
 * viewer; each command checks the write scope it needs (packages/commands, unit-of-work.ts).
 */
export function tokensReadOnlyWithReadScope(): Plugin<{ viewer: Viewer | null }> {
  return {
    onExecute({ args, extendContext }) {
      const viewer = (args.contextValue as { viewer?: Viewer | null }).viewer;
      if (viewer?.kind !== "API_TOKEN" || viewer.scopes?.includes("read")) return;
      if (getOperationAST(args.document, args.operationName)?.operation !== "mutation")
        extendContext({ viewer: null });
    },
    onSubscribe({ args, extendContext }) {
      const viewer = (args.contextValue as { viewer?: Viewer | null }).viewer;
      if (viewer?.kind === "API_TOKEN" && !viewer.scopes?.includes("read")) extendContext({ viewer: null });
    },
  };
}
