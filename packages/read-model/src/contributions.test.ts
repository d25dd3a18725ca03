import type { OfferSnapshot } from "@samspill/events";
import { describe, expect, it } from "vitest";
import {
  contributionsOf,
  countAll,
  decide,
  diffContributions,
  keyOf,
  normaliseSnapshot,
} from "./contributions.js";

const offer = (over: Partial<OfferSnapshot> = {}): OfferSnapshot => ({
  id: "0195f0a0-0000-7000-8000-000000000001",
  version: 1,
  providerId: "0195f0a0-0000-7000-8000-0000000000aa",
  providerKind: "MUNICIPALITY",
  title: "Bra mat",
  status: "PUBLISHED",
  diagnosisScope: "DIAGNOSIS_INDEPENDENT",
  diagnosisGroups: [],
  priorityGroups: ["FRAIL_ELDERLY"],
  format: "PHYSICAL",
  languages: ["nb", "ar"],
  municipalityNumbers: ["1506", "1505"],
  flaggedForReview: false,
  reviewDueOn: null,
  ...over,
});

describe("contributionsOf", () => {
  it("counts a published offer once per municipality in every dimension it has a value in", () => {
    const keys = contributionsOf(offer()).map(keyOf);
    const p = offer().providerId;
    expect(keys).toHaveLength(2 * 5);
    expect(keys).toContain(`1506|TOTAL|ALL|${p}`);
    expect(keys).toContain(`1505|PRIORITY_GROUP|FRAIL_ELDERLY|${p}`);
    expect(keys).toContain(`1506|FORMAT|PHYSICAL|${p}`);
    expect(keys).toContain(`1505|LANGUAGE|ar|${p}`);
    expect(keys.some((k) => k.includes("DIAGNOSIS_GROUP"))).toBe(false);
  });

  it("counts nothing for drafts, paused and archived offers", () => {
    for (const status of ["DRAFT", "PAUSED", "ARCHIVED"] as const)
      expect(contributionsOf(offer({ status }))).toEqual([]);
    expect(contributionsOf(null)).toEqual([]);
  });

  it("ignores duplicate list entries and list order", () => {
    const a = contributionsOf(
      offer({ languages: ["nb", "ar", "nb"], municipalityNumbers: ["1506", "1505", "1506"] }),
    );
    const b = contributionsOf(offer({ languages: ["ar", "nb"], municipalityNumbers: ["1505", "1506"] }));
    expect(a.map(keyOf)).toEqual(b.map(keyOf));
    expect(normaliseSnapshot(offer({ languages: ["nb", "ar"] })).languages).toEqual(["ar", "nb"]);
  });
});

describe("diffContributions", () => {
  it("is empty between equal states", () => {
    expect(diffContributions(contributionsOf(offer()), contributionsOf(offer({ version: 2 })))).toEqual([]);
  });

  it("moves counts when an offer changes municipality and language", () => {
    const deltas = diffContributions(
      contributionsOf(offer()),
      contributionsOf(offer({ municipalityNumbers: ["1506"], languages: ["nb", "so"] })),
    );
    const p = offer().providerId;
    const byKey = new Map(deltas.map((d) => [keyOf(d), d.offers]));
    expect(byKey.get(`1505|TOTAL|ALL|${p}`)).toBe(-1);
    expect(byKey.get(`1506|LANGUAGE|ar|${p}`)).toBe(-1);
    expect(byKey.get(`1506|LANGUAGE|so|${p}`)).toBe(1);
    expect(byKey.has(`1506|TOTAL|ALL|${p}`)).toBe(false);
    expect(deltas.every((d) => d.offers !== 0)).toBe(true);
  });

  it("returns deltas in key order, so concurrent projections lock rows in the same order", () => {
    const deltas = diffContributions([], contributionsOf(offer()));
    const keys = deltas.map(keyOf);
    expect(keys).toEqual([...keys].sort());
  });

  it("sums many offers like applying them one by one", () => {
    const a = offer();
    const b = offer({ id: "0195f0a0-0000-7000-8000-000000000002", municipalityNumbers: ["1506"] });
    const all = new Map(countAll([a, b]).map((d) => [keyOf(d), d.offers]));
    expect(all.get(`1506|TOTAL|ALL|${a.providerId}`)).toBe(2);
    expect(all.get(`1505|TOTAL|ALL|${a.providerId}`)).toBe(1);
  });
});

describe("decide", () => {
  it("applies the first and every newer version, ignores redeliveries and late events", () => {
    expect(decide(null, 1)).toBe("apply");
    expect(decide(3, 4)).toBe("apply");
    expect(decide(3, 3)).toBe("duplicate");
    expect(decide(3, 2)).toBe("stale");
  });
});
