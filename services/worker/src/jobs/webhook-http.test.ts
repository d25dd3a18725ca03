import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  checkWebhookTarget,
  type Resolver,
  WebhookTargetError,
  webhookTargetPolicy,
} from "@samspill/events/webhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseWorkerEnv } from "../env.js";
import { failureReason, postWebhook } from "./webhook-http.js";

// The connect-time half of the webhook target rule: a receiver on loopback stands for the hub's
// internal network, and a resolver stand-in plays a DNS server that changes its answer between
// the subscription's check and the delivery (DNS rebinding).

let server: Server;
let port: number;
let hits: { host: string | undefined }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push({ host: req.headers.host });
    req.resume();
    res.writeHead(500).end("stack trace of an internal service");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  hits = [];
});

/** Answers `first` to the first question and `later` to every one after it. */
function rebinding(first: string, later: string): Resolver & { calls: number } {
  const resolver = async () => {
    resolver.calls += 1;
    return [{ address: resolver.calls === 1 ? first : later, family: 4 }];
  };
  resolver.calls = 0;
  return resolver;
}

const post = (url: string, targets: ReturnType<typeof webhookTargetPolicy>) =>
  postWebhook(url, "{}", { headers: {}, timeoutMs: 2_000, targets });

describe("webhook delivery", () => {
  it("refuses a name that resolved public at subscription and private at delivery", async () => {
    const resolver = rebinding("93.184.215.14", "127.0.0.1");
    const targets = webhookTargetPolicy([], resolver);
    const url = `http://rebind.example:${port}/hook`;
    await expect(checkWebhookTarget(url, targets)).resolves.toBeInstanceOf(URL);

    const refused = post(url, targets);
    await expect(refused).rejects.toBeInstanceOf(WebhookTargetError);
    expect(failureReason(await refused.catch((e: unknown) => e))).toBe("refused: not a public address");
    expect(resolver.calls).toBe(2);
    expect(hits).toEqual([]);
  });

  it("connects to the address the checked lookup answered (here allow-listed), with the name as Host", async () => {
    const resolver = rebinding("127.0.0.1", "127.0.0.1");
    const status = await post(
      `http://receiver.example:${port}/hook`,
      webhookTargetPolicy(["127.0.0.1"], resolver),
    );
    expect(status).toBe(500);
    expect(resolver.calls).toBe(1);
    expect(hits).toEqual([{ host: `receiver.example:${port}` }]);
  });

  it("refuses private IP literals, which Node connects to without a lookup", async () => {
    const resolver = rebinding("93.184.215.14", "93.184.215.14");
    for (const host of ["127.0.0.1", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "2130706433", "0x7f.1"]) {
      await expect(
        post(`http://${host}:${port}/`, webhookTargetPolicy([], resolver)),
        host,
      ).rejects.toBeInstanceOf(WebhookTargetError);
    }
    expect(hits).toEqual([]);
  });

  it("opens private targets by the allow-list only, never because NODE_ENV is not production", async () => {
    for (const NODE_ENV of ["development", "test", undefined]) {
      const env = parseWorkerEnv({ NODE_ENV, DATABASE_URL: "postgres://x/y", REDIS_URL: "redis://x" });
      await expect(
        post(`http://127.0.0.1:${port}/`, webhookTargetPolicy(env.WEBHOOK_ALLOWED_PRIVATE_CIDRS)),
      ).rejects.toBeInstanceOf(WebhookTargetError);
    }
    expect(() =>
      parseWorkerEnv({
        DATABASE_URL: "postgres://x/y",
        REDIS_URL: "redis://x",
        WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true",
      }),
    ).toThrow(/WEBHOOK_ALLOWED_PRIVATE_CIDRS/);
    expect(hits).toEqual([]);
  });
});

describe("the delivery log's reason", () => {
  it("is short and fixed, never what the target or its certificate said", () => {
    expect(failureReason(new WebhookTargetError("refused: not a public address"))).toBe(
      "refused: not a public address",
    );
    expect(failureReason(Object.assign(new Error("The operation was aborted"), { name: "AbortError" }))).toBe(
      "timeout",
    );
    expect(
      failureReason(Object.assign(new Error("connect ECONNREFUSED 1.2.3.4:443"), { code: "ECONNREFUSED" })),
    ).toBe("network error: ECONNREFUSED");
    expect(
      failureReason(
        Object.assign(new Error("Hostname/IP does not match certificate's altnames: secret.internal"), {
          code: "ERR_TLS_CERT_ALTNAME_INVALID",
        }),
      ),
    ).toBe("network error: ERR_TLS_CERT_ALTNAME_INVALID");
    expect(failureReason(Object.assign(new Error("odd"), { code: "<html>body</html>" }))).toBe(
      "network error",
    );
  });
});
