import type { Database } from "@samspill/database";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";
import { publishOffer } from "../../support/overview.js";

// A steady stream of committed changes while something breaks: offers created and published
// through the GraphQL API (in this process, on the test's database), `concurrency` at a time,
// until stopped. Each offer is two offer events in the outbox.

export const flowOrg = "mun:1506";
export const flowProvider = orgId(flowOrg);

export interface Flow {
  /** Ids of the offers published so far. */
  readonly ids: string[];
  /** Resolves once at least `n` offers are published. */
  reached(n: number): Promise<void>;
  /** Lets the requests in hand finish and resolves with every published offer id. */
  stop(): Promise<string[]>;
}

export function startFlow(db: Database, label: string, concurrency = 2): Flow {
  const editor = testGateway(db, viewerWith([{ org: flowOrg, role: "EDITOR" }]));
  const ids: string[] = [];
  let stopped = false;
  let n = 0;
  const waiters: { n: number; resolve: () => void }[] = [];
  const lane = async () => {
    while (!stopped) {
      const i = n++;
      const id = await publishOffer((d, v) => editor.query(d, v), {
        providerId: flowProvider,
        title: `${label} ${i}`,
        languages: i % 2 === 0 ? ["nb", "pl"] : ["nb"],
        priorityGroups: i % 3 === 0 ? ["FRAIL_ELDERLY"] : [],
        municipalityNumbers: i % 4 === 0 ? ["1506", "1505"] : ["1506"],
      });
      ids.push(id);
      for (const w of waiters.filter((w) => ids.length >= w.n)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  const lanes = Array.from({ length: concurrency }, lane);
  const done = Promise.all(lanes);
  // A failed lane stops the flow; stop() reports the failure.
  done.catch(() => {
    stopped = true;
  });
  return {
    ids,
    reached: (target) =>
      ids.length >= target
        ? Promise.resolve()
        : Promise.race([
            new Promise<void>((resolve) => waiters.push({ n: target, resolve })),
            done.then(() => {
              throw new Error(`the flow stopped at ${ids.length} offers, before ${target}`);
            }),
          ]),
    async stop() {
      stopped = true;
      await done;
      return [...ids];
    },
  };
}
