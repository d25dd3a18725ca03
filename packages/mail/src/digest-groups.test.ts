import { describe, expect, it } from "vitest";
import { digestReaderOrder, recentMemo } from "./digest-groups.js";

describe("recentMemo", () => {
  it("makes each key once while it is among the last used, and forgets the least recently used", async () => {
    const memo = recentMemo<string>(2);
    let made = 0;
    const make = (value: string) => async () => {
      made += 1;
      return value;
    };
    expect(await memo.remembered("a", make("A"))).toBe("A");
    expect(await memo.remembered("b", make("B"))).toBe("B");
    // "a" used again: it is now the newest, so "b" goes when "c" comes.
    expect(await memo.remembered("a", make("A2"))).toBe("A");
    expect(await memo.remembered("c", make("C"))).toBe("C");
    expect(memo.size).toBe(2);
    expect(made).toBe(3);
    expect(await memo.remembered("a", make("A3"))).toBe("A");
    expect(await memo.remembered("b", make("B2"))).toBe("B2");
    expect(made).toBe(4);
  });

  it("forgets a failure, so the key's next use tries again", async () => {
    const memo = recentMemo<string>(4);
    await expect(memo.remembered("a", () => Promise.reject(new Error("database away")))).rejects.toThrow();
    expect(await memo.remembered("a", async () => "A")).toBe("A");
  });

  it("shares one promise among callers asking at once", async () => {
    const memo = recentMemo<number>(4);
    let made = 0;
    const make = async () => {
      made += 1;
      return made;
    };
    expect(await Promise.all([memo.remembered("k", make), memo.remembered("k", make)])).toEqual([1, 1]);
  });
});

describe("digestReaderOrder", () => {
  const reader = {
    filter: { municipalityNumbers: ["5001", "1506"], priorityGroups: [], diagnosisGroups: [] },
    since: new Date("2026-11-30T06:00:00Z"),
    organisationIds: ["b", "a"],
    language: "nb" as const,
  };

  it("is the same for readers who may share a digest, whatever the order of their values", () => {
    expect(
      digestReaderOrder({
        ...reader,
        filter: { ...reader.filter, municipalityNumbers: ["1506", "5001"] },
        organisationIds: ["a", "b"],
      }),
    ).toBe(digestReaderOrder(reader));
  });

  it("differs in filter, window start, organisations or language", () => {
    const key = digestReaderOrder(reader);
    expect(
      digestReaderOrder({ ...reader, filter: { ...reader.filter, municipalityNumbers: ["1506"] } }),
    ).not.toBe(key);
    expect(digestReaderOrder({ ...reader, since: new Date("2026-11-23T06:00:00Z") })).not.toBe(key);
    expect(digestReaderOrder({ ...reader, organisationIds: ["a"] })).not.toBe(key);
    expect(digestReaderOrder({ ...reader, language: "nn" })).not.toBe(key);
  });
});
