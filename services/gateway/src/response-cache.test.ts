import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { createResponseCache } from "./response-cache.js";

// The response cache is bounded by the memory its strings take, so a capped heap keeps room for
// the requests: text outside Latin-1 counts two bytes a character, as V8 stores it.

function cachedApp(maxBytes: number, answer: (n: number) => string) {
  const cache = createResponseCache({ ttlMs: 60_000, maxBytes });
  const app = new Hono();
  app.use("/graphql", cache.middleware);
  app.post("/graphql", async (c) => {
    const { variables } = (await c.req.json()) as { variables: { n: number } };
    return c.body(JSON.stringify({ data: { text: answer(variables.n) } }), 200, {
      "content-type": "application/json",
    });
  });
  const ask = async (n: number) => {
    const response = await app.fetch(
      new Request("http://gateway.test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "query Q($n: Int) { text(n: $n) }", variables: { n } }),
      }),
    );
    await response.text();
    return response.headers.get("x-cache") === "hit";
  };
  return { cache, ask };
}

describe("response cache size", () => {
  it("keeps no more than maxBytes, dropping the least recently used first", async () => {
    const { cache, ask } = cachedApp(10_000, (n) => `${n}`.padEnd(2_000, "æøå"));
    for (let n = 0; n < 10; n += 1) await ask(n);
    expect(cache.bytes).toBeLessThanOrEqual(10_000);
    expect(cache.size).toBe(4);
    expect(await ask(9)).toBe(true);
    expect(await ask(0)).toBe(false);
  });

  it("counts text outside Latin-1 twice", async () => {
    const latin = cachedApp(1_000_000, () => "å".repeat(2_000));
    const wide = cachedApp(1_000_000, () => "—".repeat(2_000));
    await latin.ask(1);
    await wide.ask(1);
    expect(wide.cache.bytes - latin.cache.bytes).toBeGreaterThanOrEqual(2_000);
  });
});
