import { describe, expect, it } from "vitest";
import { audienceClassOf, crossedGapsParams, servedLanguages } from "./crossed-overview.js";

describe("the crossed overview's vocabulary", () => {
  it("puts each offer in one audience class: patients, relatives or both", () => {
    expect(audienceClassOf([])).toBe("PATIENT");
    expect(audienceClassOf(["CHILDREN_AND_YOUTH"])).toBe("PATIENT");
    expect(audienceClassOf(["PARENTS"])).toBe("RELATIVE");
    expect(audienceClassOf(["PATIENTS", "CARERS"])).toBe("BOTH");
  });

  it("serves South Sami and both written forms of Norwegian in the region", () => {
    expect(servedLanguages).toEqual(expect.arrayContaining(["nb", "nn", "sma"]));
  });

  it("names the field of a bad export parameter in both languages", () => {
    const parsed = crossedGapsParams.safeParse({ rows: "FORMAT", columns: "FORMAT" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["hospitalTrust", "columns"]);
  });
});
