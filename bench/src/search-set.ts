import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Database } from "@samspill/database";
import type { DiagnosisGroup, WrittenLanguage } from "@samspill/domain";
import { repoRoot } from "./processes.js";

// The catalogue's search test set (tests/integration/catalogue/search-set.json): seed-like
// offers, added to whatever data is searched, and the queries that must find them. The
// integration test runs it over the demo seed; the benchmark over the national data set, where
// the same offers are needles among tens of thousands.

export interface SearchSetOffer {
  key: string;
  title: string;
  summary: string;
  textLanguage: WrittenLanguage;
  provider: string;
  groups: DiagnosisGroup[];
  codes: string[];
}
export interface SearchSetQuery {
  q: string;
  kind: "compound" | "prefix" | "misspelling" | "nynorsk" | "diagnosis" | "provider";
  expect: string[];
}
export interface SearchSet {
  offers: SearchSetOffer[];
  queries: SearchSetQuery[];
}

export const searchSet: SearchSet = JSON.parse(
  readFileSync(join(repoRoot, "tests/integration/catalogue/search-set.json"), "utf8"),
);

/** Adds the set's providers (user organisations, by name) and published offers; returns offer id by key. */
export async function addSearchSet(db: Database): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const o of searchSet.offers) {
    const provider = await db.organisation.upsert({
      where: { name: o.provider },
      create: { name: o.provider, kind: "USER_ORGANISATION" },
      update: {},
      select: { id: true },
    });
    const offer = await db.offer.create({
      data: {
        providerId: provider.id,
        title: o.title,
        summary: o.summary,
        textLanguage: o.textLanguage,
        kind: "GROUP_COURSE",
        diagnosisScope: o.groups.length > 0 ? "DIAGNOSIS_SPECIFIC" : "DIAGNOSIS_INDEPENDENT",
        diagnosisCodes: o.codes,
        diagnosisGroups: o.groups,
        format: "PHYSICAL",
        languages: [o.textLanguage],
        status: "PUBLISHED",
        publishedAt: new Date(),
      },
      select: { id: true },
    });
    ids.set(o.key, offer.id);
  }
  return ids;
}

/** The expected offers not among the first `k` found, as "query → key". */
export function missesAt(
  k: number,
  found: ReadonlyMap<string, readonly string[]>,
  ids: ReadonlyMap<string, string>,
): string[] {
  return searchSet.queries.flatMap((query) => {
    const top = (found.get(query.q) ?? []).slice(0, k);
    return query.expect
      .filter((key) => !top.includes(ids.get(key) ?? ""))
      .map((key) => `${query.q} → ${key}`);
  });
}

/** Share of the expected offers among the first `k` found, over all queries (recall@k). */
export function recallAt(
  k: number,
  found: ReadonlyMap<string, readonly string[]>,
  ids: ReadonlyMap<string, string>,
): number {
  let hit = 0;
  let expected = 0;
  for (const query of searchSet.queries) {
    const top = new Set((found.get(query.q) ?? []).slice(0, k));
    for (const key of query.expect) {
      expected += 1;
      if (top.has(ids.get(key) ?? "")) hit += 1;
    }
  }
  return expected === 0 ? 0 : hit / expected;
}
