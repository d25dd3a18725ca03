import { createSchema, createYoga } from "graphql-yoga";
import { describe, expect, it } from "vitest";
import { limitRequestBody } from "./body-size.js";

// Yoga alone, with the limit as the gateway sets it: a body of declared length is checked by its
// header, one without (chunked) by counting what arrives.
const yoga = createYoga({
  schema: createSchema({ typeDefs: "type Query { hello(text: String): String }" }),
  maxRequestBodySize: false,
  logging: false,
  plugins: [limitRequestBody(200)],
});

const body = (text: string) => JSON.stringify({ query: `{ hello(text: "${text}") }` });

/** A POST whose body streams in without a Content-Length, as a chunked request does. */
function chunked(text: string): Request {
  const bytes = new TextEncoder().encode(body(text));
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 50) controller.enqueue(bytes.subarray(i, i + 50));
      controller.close();
    },
  });
  return new Request("http://test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: stream,
    duplex: "half",
  } as RequestInit);
}

const declared = (text: string, length = String(new TextEncoder().encode(body(text)).length)) =>
  new Request("http://test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", "content-length": length },
    body: body(text),
  });

describe("limitRequestBody", () => {
  it("answers bodies within the limit, declared or streamed", async () => {
    for (const request of [declared("short"), chunked("short")]) {
      const response = await yoga.fetch(request);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: { hello: null } });
    }
  });

  it("refuses a declared length over the limit with 413", async () => {
    const response = await yoga.fetch(declared("x".repeat(300)));
    expect(response.status).toBe(413);
  });

  it("refuses a streamed body once it passes the limit", async () => {
    const response = await yoga.fetch(chunked("x".repeat(300)));
    expect(response.status).toBe(413);
  });

  it("refuses a Content-Length that is not one number", async () => {
    const response = await yoga.fetch(declared("short", "10, 10"));
    expect(response.status).toBe(400);
  });
});
