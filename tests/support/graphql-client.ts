import type { TadaDocumentNode } from "@samspill/graphql";
import { print } from "graphql";

// One way for every suite to post GraphQL to a gateway: in-process (`app.fetch`) or over the
// network (`fetch`). Documents come from `graphql()` in @samspill/graphql, so each answer is
// typed from the schema the gateway validated it against.

export interface GraphQLResult<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export type Fetch = (request: Request) => Promise<Response> | Response;

export interface GraphQLClient {
  query<R, V>(document: TadaDocumentNode<R, V>, variables?: V): Promise<GraphQLResult<R>>;
  /** Sends text as it is: for the tests that send malformed, unknown or generated documents on purpose. */
  send(text: string, variables?: Record<string, unknown>): Promise<GraphQLResult>;
}

export function graphQLClient(
  fetch: Fetch,
  url: string,
  headers: Record<string, string> = {},
): GraphQLClient {
  const send = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(
      new Request(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      }),
    );
    const body = (await response.json()) as Omit<GraphQLResult, "status">;
    return { status: response.status, ...body };
  };
  return {
    send,
    query: async <R, V>(document: TadaDocumentNode<R, V>, variables?: V) =>
      (await send(print(document), variables ?? {})) as GraphQLResult<R>,
  };
}
