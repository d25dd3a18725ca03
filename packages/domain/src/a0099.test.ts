import { describe, expect, it } from "vitest";
import { a0099People } from "./a0099.js";
import { gridTableOf } from "./suppression-grid.js";

describe("A0099 people from the published grid", () => {
  it("are patients and carers as published, and their sum only where both are", () => {
    expect(a0099People({ cells: [11, 6, 2, 0, 1], total: 20 })).toEqual({
      patients: 11,
      relatives: 6,
      participants: 17,
    });
    // Either hidden: the sum beside the other would give it away.
    expect(a0099People({ cells: [9, null, 0, 0, 0], total: null })).toEqual({
      patients: 9,
      relatives: null,
      participants: null,
    });
    expect(a0099People({ cells: [null, 6, 0, 0, 0], total: 20 }).participants).toBeNull();
  });

  it("come from the provider's table, a provider's drafts from a table of their own", () => {
    expect(gridTableOf({ providerId: "p", status: "PUBLISHED" })).toBe("p");
    expect(gridTableOf({ providerId: "p", status: "ARCHIVED" })).toBe("p");
    expect(gridTableOf({ providerId: "p", status: "DRAFT" })).not.toBe("p");
  });
});
