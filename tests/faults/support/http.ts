import { createHash, randomBytes } from "node:crypto";
import type { Database } from "@samspill/database";
import { graphql, type TadaDocumentNode, type VariablesOf } from "@samspill/graphql";
import { print } from "graphql";
import { courseDefaults, createOffer, publish } from "../../support/overview.js";

// Requests to a gateway process over real HTTP, as an integrator's system makes them: an API
// token (stored hashed like the gateway's own tokens) and a deadline, so a hang shows as one.

export interface Outcome<T = unknown> {
  /** HTTP status, or 0 when no response came (refused, reset or timed out). */
  status: number;
  retryAfter: string | null;
  /** extensions.code of the first GraphQL error, if any. */
  errorCode: string | null;
  data: T | null;
  /** The network error's code when there was no response (ECONNREFUSED, TIMEOUT, …). */
  failure: string | null;
  ms: number;
}

/** An EDITOR token of `organisationId`, written straight to the database. */
export async function createApiToken(db: Database, organisationId: string): Promise<string> {
  const token = `sp_${randomBytes(32).toString("base64url")}`;
  await db.apiToken.create({
    data: {
      organisationId,
      name: "Fault tests",
      tokenHash: createHash("sha256").update(token).digest("hex"),
      prefix: token.slice(0, 9),
      role: "EDITOR",
    },
  });
  return token;
}

async function post<R, V>(
  baseUrl: string,
  document: TadaDocumentNode<R, V>,
  variables: V,
  options: { token?: string; timeoutMs?: number } = {},
): Promise<Outcome<R>> {
  const started = Date.now();
  try {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body: JSON.stringify({ query: print(document), variables }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    const text = await response.text();
    let body: { data?: R | null; errors?: { extensions?: { code?: string } }[] } = {};
    try {
      body = JSON.parse(text);
    } catch {
      // A non-JSON answer (a proxy's or Node's own error page) keeps body empty.
    }
    return {
      status: response.status,
      retryAfter: response.headers.get("retry-after"),
      errorCode: body.errors?.[0]?.extensions?.code ?? (body.errors?.length ? "UNKNOWN" : null),
      data: body.data ?? null,
      failure: null,
      ms: Date.now() - started,
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    const failure =
      error instanceof DOMException && error.name === "TimeoutError"
        ? "TIMEOUT"
        : (cause?.code ?? String(error));
    return { status: 0, retryAfter: null, errorCode: null, data: null, failure, ms: Date.now() - started };
  }
}

const catalogueQuery = graphql(`query { offers(first: 5) { edges { node { id title } } } }`);

/** A publishable course of `providerId` in Molde. */
export function offerInput(providerId: string, title: string): VariablesOf<typeof createOffer>["input"] {
  return {
    ...courseDefaults,
    providerId,
    title,
    languages: ["nb"],
    priorityGroups: ["FRAIL_ELDERLY"],
    municipalityNumbers: ["1506"],
  };
}

export interface Request extends Outcome {
  kind: "read" | "create" | "publish";
  /** What the test was doing when the request started (e.g. "before", "down", "after"). */
  phase: string;
}

export interface HttpLoad {
  readonly requests: Request[];
  /** Labels the requests started from now on. */
  setPhase(phase: string): void;
  /** Resolves once `n` more requests of the current phase have answered 200 without errors. */
  succeeded(n: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * `lanes` clients in a loop against a gateway: read the catalogue, create an offer, publish it.
 * Nothing is retried: each request's fate is recorded as it happened.
 */
export function startHttpLoad(
  baseUrl: string,
  token: string,
  providerId: string,
  label: string,
  lanes = 3,
): HttpLoad {
  const requests: Request[] = [];
  let phase = "before";
  let stopped = false;
  let n = 0;
  const record = async <R>(kind: Request["kind"], call: Promise<Outcome<R>>) => {
    const at = phase;
    const outcome = await call;
    requests.push({ ...outcome, kind, phase: at });
    return outcome;
  };
  const ok = (r: Outcome) => r.status === 200 && r.errorCode === null;
  const lane = async () => {
    while (!stopped) {
      await record("read", post(baseUrl, catalogueQuery, {}, { token }));
      const created = await record(
        "create",
        post(baseUrl, createOffer, { input: offerInput(providerId, `${label} ${n++}`) }, { token }),
      );
      const answer = created.data?.createOffer;
      const id = answer?.__typename === "MutationCreateOfferSuccess" ? answer.data.id : undefined;
      if (id) await record("publish", post(baseUrl, publish, { id }, { token }));
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const done = Promise.all(Array.from({ length: lanes }, lane));
  return {
    requests,
    setPhase(p) {
      phase = p;
    },
    async succeeded(target) {
      const start = requests.filter((r) => r.phase === phase && ok(r)).length;
      const deadline = Date.now() + 60_000;
      while (requests.filter((r) => r.phase === phase && ok(r)).length < start + target) {
        if (Date.now() > deadline)
          throw new Error(`fewer than ${target} requests succeeded in phase ${phase}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop() {
      stopped = true;
      await done;
    },
  };
}
