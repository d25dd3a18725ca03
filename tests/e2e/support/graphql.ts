import type { TadaDocumentNode } from "@samspill/graphql";
import { print } from "graphql";
import type { Page } from "playwright-core";

// GraphQL sent with a browser page's own cookies, as the web app sends it (with the CSRF header
// the gateway asks of cookie-carrying requests): for the steps of a journey that stand in for a
// screen the journey is not about, or for the passing of time.

export async function asPage<R, V>(page: Page, document: TadaDocumentNode<R, V>, variables: V): Promise<R> {
  const response = await page.request.post("/graphql", {
    headers: { "content-type": "application/json", "x-samspill-csrf": "1" },
    data: { query: print(document), variables },
  });
  const body = (await response.json()) as { data?: R; errors?: { message: string }[] };
  if (!body.data || body.errors?.length) throw new Error(`GraphQL failed: ${JSON.stringify(body)}`);
  return body.data;
}
