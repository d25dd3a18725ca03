import { describe, expect, it } from "vitest";
import { type OverviewSnapshot, snapshotChanges, snapshotKey } from "./overview-snapshot.js";

const snapshot = (counts: Record<string, number>, openFlags = 0): OverviewSnapshot => ({
  version: 1,
  takenAt: "2026-12-07T00:00:00.000Z",
  municipalities: [{ number: "1506", name: "Molde" }],
  counts,
  openFlags,
});

describe("snapshotChanges", () => {
  it("lists the cells whose count moved, a cell missing on one side counting zero", () => {
    const before = snapshot({
      [snapshotKey("1506", "TOTAL", "ALL")]: 3,
      [snapshotKey("1506", "LANGUAGE", "nb")]: 3,
    });
    const after = snapshot({
      [snapshotKey("1506", "TOTAL", "ALL")]: 4,
      [snapshotKey("1506", "LANGUAGE", "nb")]: 3,
      [snapshotKey("1506", "LANGUAGE", "sma")]: 1,
    });
    expect(snapshotChanges(before, after)).toEqual([
      {
        municipalityNumber: "1506",
        municipalityName: "Molde",
        dimension: "LANGUAGE",
        value: "sma",
        before: 0,
        after: 1,
      },
      {
        municipalityNumber: "1506",
        municipalityName: "Molde",
        dimension: "TOTAL",
        value: "ALL",
        before: 3,
        after: 4,
      },
    ]);
  });

  it("finds nothing when nothing moved", () => {
    const same = snapshot({ [snapshotKey("1506", "FORMAT", "DIGITAL")]: 2 });
    expect(snapshotChanges(same, same)).toEqual([]);
  });
});
