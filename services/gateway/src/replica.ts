import type { Database } from "@samspill/database";
import { getOperationAST } from "graphql";
import type { Plugin } from "graphql-yoga";

/**
 * Sends GraphQL queries to a read replica. Mutations keep the primary for their reads too (the
 * permission check before the write and the answer after it must see the primary's rows), and
 * so do subscriptions: they fire right after a commit, when a lagging replica would still show
 * the row as it was.
 */
export function readQueriesFromReplica(replica: Database): Plugin<{ db: Database }> {
  return {
    onExecute({ args, extendContext }) {
      if (getOperationAST(args.document, args.operationName)?.operation === "query")
        extendContext({ db: replica });
    },
  };
}
