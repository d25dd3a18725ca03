import { describe, expect, it } from "vitest";
import { addMeasureProgressNoteInput, checkpointAfter, updateMeasureStatusInput } from "./action-plan.js";
import { DomainValidationError } from "./errors.js";
import { parseInput } from "./validation.js";

const base = { checkpointYear: null, cadenceYears: null, cadenceMonth: null, startYear: null };
const today = new Date("2026-11-23T00:00:00Z");
const iso = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

describe("measure follow-up input", () => {
  const id = "0195f3a0-1c2d-7e3f-8a4b-5c6d7e8f9a0b";

  it("takes a status with an optional note", () => {
    expect(
      parseInput(updateMeasureStatusInput, { id, version: 3, status: "DONE", note: " Gjennomført " }),
    ).toEqual({
      id,
      version: 3,
      status: "DONE",
      note: "Gjennomført",
    });
  });

  it("does not let a status remove a measure", () => {
    try {
      parseInput(updateMeasureStatusInput, { id, version: 1, status: "REMOVED" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainValidationError);
      expect((e as DomainValidationError).issues).toMatchObject([{ field: "status", code: "not_settable" }]);
    }
  });

  it("needs text in a progress note", () => {
    expect(() => parseInput(addMeasureProgressNoteInput, { measureId: id, text: "   " })).toThrow(
      DomainValidationError,
    );
  });

  it("stops reminders once a measure is done", () => {
    const rule = { ...base, cadence: "ANNUAL" as const, cadenceMonth: 12 };
    expect(checkpointAfter(rule, "DONE", today)).toBeNull();
    expect(iso(checkpointAfter(rule, "IN_PROGRESS", today))).toBe("2026-12-31");
  });
});
