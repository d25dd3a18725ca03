import { describe, expect, it } from "vitest";
import { showCount, suppress, suppressGroup } from "./suppress.js";

describe("small-count suppression", () => {
  it("hides 1 to 4, shows 0 and 5 upwards", () => {
    expect([0, 1, 4, 5, 12].map(suppress)).toEqual([0, "small", "small", 5, 12]);
    expect(showCount("small")).toBe("færre enn 5");
    expect(showCount(0)).toBe("0");
  });

  it("hides a second part when only one would be hidden, so the total does not give it away", () => {
    expect(suppressGroup([20, 3, 0, 9])).toEqual([20, "small", 0, "hidden"]);
    expect(suppressGroup([20, 3, 2, 9])).toEqual([20, "small", "small", 9]);
    expect(suppressGroup([20, 30, 0])).toEqual([20, 30, 0]);
    expect(showCount(suppressGroup([3, 12])[1]!)).toBe("skjult");
  });
});
