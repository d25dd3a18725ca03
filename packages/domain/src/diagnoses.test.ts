import { describe, expect, it } from "vitest";
import { diagnosisGroupOf, diagnosisGroupsOf, isIcd10Code } from "./diagnoses.js";

describe("ICD-10", () => {
  it("recognises codes", () => {
    expect(isIcd10Code("E11")).toBe(true);
    expect(isIcd10Code("J44.1")).toBe(true);
    expect(isIcd10Code("E1")).toBe(false);
    expect(isIcd10Code("U07")).toBe(false);
  });

  it("maps codes to the narrowest group", () => {
    expect(diagnosisGroupOf("E11")).toBe("DIABETES");
    expect(diagnosisGroupOf("J44.1")).toBe("COPD");
    expect(diagnosisGroupOf("I63")).toBe("STROKE");
    expect(diagnosisGroupOf("I21")).toBe("HEART_DISEASE");
    expect(diagnosisGroupOf("G30")).toBe("DEMENTIA");
    expect(diagnosisGroupOf("G35")).toBe("NEUROLOGICAL");
    expect(diagnosisGroupOf("F20")).toBe("MENTAL_ILLNESS");
    expect(diagnosisGroupOf("F10")).toBe("SUBSTANCE_USE");
    expect(diagnosisGroupOf("Z00")).toBe("OTHER");
    expect(diagnosisGroupsOf(["K50", "K51", "E11"])).toEqual(["IBD", "DIABETES"]);
  });
});
