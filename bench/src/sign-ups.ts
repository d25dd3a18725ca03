import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import {
  addSession,
  createOffer,
  publishOffer,
  systemActor,
  unitOf,
  upsertOrganisation,
} from "@samspill/commands";
import { createDatabase, type Database } from "@samspill/database";
import { graphql } from "@samspill/graphql";
import { print } from "graphql";
import { createBenchDatabase } from "./database.js";
import { percentile } from "./stats.js";

// Course sign-up throughput through the gateway over HTTP: one popular session that everyone
// wants (every sign-up queues on that session's row lock), and the same number spread over many
// sessions (the locks apart), in sign-ups per second with the p50/p99 latency of each. The main
// benchmark measures it on the hub gateway (`measureSignUps`); alone (`npx tsx
// bench/src/sign-ups.ts`) it runs on a throw-away database with the gateway in this process.

export interface SignUpRun {
  signUps: number;
  perSecond: number;
  p50: number;
  p99: number;
  failed: number;
}

export interface SignUpResult {
  concurrency: number;
  /** 50 seats, everyone after them: the row lock is the bottleneck. */
  oneSession: SignUpRun;
  /** 100 sessions of 20 seats. */
  spread: SignUpRun;
}

const SignUp = print(
  graphql(`
    mutation BenchSignUp($input: SignUpInput!) {
      signUpForSession(input: $input) {
        __typename
      }
    }
  `),
);

/** A published offer of a provider of its own, and a way to add sessions to it. */
async function sessionsOf(db: Database) {
  const unit = unitOf(db);
  const actor = systemActor("Benchmark");
  const providerId = randomUUID();
  // The main benchmark's data set has the municipalities; the throw-away database of a run alone has none.
  const municipality =
    (await db.municipality.findFirst({ select: { number: true } })) ??
    (await db.municipality.create({ data: { number: "1506", name: "Molde", county: "Møre og Romsdal" } }));
  await upsertOrganisation(unit, actor, { id: providerId, kind: "MUNICIPALITY", name: "Benkemark kommune" });
  const offer = await createOffer(unit, actor, {
    providerId,
    title: "Mestringskurs",
    summary: "Kurs",
    kind: "GROUP_COURSE",
    diagnosisScope: "DIAGNOSIS_INDEPENDENT",
    format: "PHYSICAL",
    location: "Frisklivssentralen",
    municipalityNumbers: [municipality.number],
    audiences: ["PATIENTS"],
    contactEmail: "kurs@example.no",
  });
  await publishOffer(unit, actor, { id: offer.id, version: 1 });
  return async (capacity: number) =>
    (
      await addSession(unit, actor, {
        offerId: offer.id,
        startsAt: new Date(Date.now() + 30 * 86_400_000),
        endsAt: new Date(Date.now() + 30 * 86_400_000 + 7_200_000),
        capacity,
      })
    ).id;
}

async function signUps(
  url: string,
  total: number,
  concurrency: number,
  sessionFor: (n: number) => string,
): Promise<SignUpRun> {
  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < total) {
      const n = next++;
      const at = performance.now();
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          query: SignUp,
          variables: {
            input: {
              sessionId: sessionFor(n),
              role: "PATIENT",
              name: `Deltaker ${n}`,
              email: `d${n}@example.no`,
              consent: true,
            },
          },
        }),
      });
      const body = (await response.json()) as { data?: { signUpForSession?: { __typename: string } } };
      if (body.data?.signUpForSession?.__typename !== "MutationSignUpForSessionSuccess") failed += 1;
      latencies.push(performance.now() - at);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    signUps: total,
    perSecond: total / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    failed,
  };
}

/** Sign-ups through the gateway at `url` (its /graphql), writing to `db`'s database. */
export async function measureSignUps(
  db: Database,
  url: string,
  { total = 1_000, concurrency = 50 }: { total?: number; concurrency?: number } = {},
): Promise<SignUpResult> {
  const session = await sessionsOf(db);
  const popular = await session(50);
  const oneSession = await signUps(url, total, concurrency, () => popular);
  const many = await Promise.all(Array.from({ length: 100 }, () => session(20)));
  const spread = await signUps(url, total, concurrency, (n) => many[n % many.length] as string);
  return { concurrency, oneSession, spread };
}

export const describeSignUps = (label: string, r: SignUpRun) =>
  `${label.padEnd(34)} ${String(r.signUps).padStart(5)} sign-ups  ${r.perSecond.toFixed(0).padStart(5)}/s  p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  failed ${r.failed}`;

async function main() {
  const total = Number(process.env.SIGN_UPS ?? 1000);
  const concurrency = Number(process.env.SIGN_UP_CONCURRENCY ?? 50);
  // Loaded here only: the main benchmark, which imports this file, keeps its process small.
  const [{ serve }, { createGateway }, { default: pino }] = await Promise.all([
    import("@hono/node-server"),
    import("@samspill/gateway"),
    import("pino"),
  ]);
  const database = await createBenchDatabase();
  const db = createDatabase({ url: database.url, maxConnections: 10 });
  const { app } = createGateway({
    db,
    log: pino({ level: "silent" }),
    production: false,
    webOrigin: "http://127.0.0.1:5173",
  });
  const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 });
  await new Promise((r) => server.once("listening", r));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/graphql`;
  try {
    console.log(`Sign-up benchmark on ${database.description}, ${concurrency} clients at once`);
    const r = await measureSignUps(db, url, { total, concurrency });
    console.log(describeSignUps("one popular session (50 seats)", r.oneSession));
    console.log(describeSignUps("100 sessions (20 seats each)", r.spread));
  } finally {
    server.close();
    await db.$disconnect();
    await database.drop();
  }
}

// Alone from the command line; the main benchmark imports it.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
