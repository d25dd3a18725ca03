import { describe, expect, it } from "vitest";
import { pamLevelOfScore, pseudonymProblem, recordPamResultsInput } from "./pam-results.js";

describe("PAM pseudonyms", () => {
  it("accepts participant codes", () => {
    for (const code of ["K7-014", "KOLS-07", "P01", "HF2.DM-33", "A1_B2"])
      expect(pseudonymProblem(code)).toBeNull();
  });

  it("refuses what looks like a name, e-mail, phone or national identity number", () => {
    const refused: [string, string][] = [
      ["Kari Nordmann", "pseudonym_shape"],
      ["Kari01", "pseudonym_shape"],
      ["OLANORDMANN", "pseudonym_name"],
      ["KARIN-1", "pseudonym_name"],
      ["KARI", "pseudonym_name"],
      ["kari@example.no", "pseudonym_personal"],
      ["98765432", "pseudonym_personal"],
      ["010190", "pseudonym_personal"],
      ["01019012345", "pseudonym_personal"],
      ["P1", "pseudonym_length"],
    ];
    for (const [code, why] of refused) expect([code, pseudonymProblem(code)?.code]).toEqual([code, why]);
  });

  it("places scores in levels by the instrument's cut points", () => {
    expect([0, 47, 47.1, 55.1, 55.2, 67, 67.1, 100].map(pamLevelOfScore)).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it("refuses a score outside its level and a participant twice in one phase", () => {
    const r = recordPamResultsInput.safeParse({
      sessionId: "0190f1a0-0000-7000-8000-000000000001",
      results: [
        { pseudonym: "K7-01", phase: "START", level: 1, score: 60 },
        { pseudonym: "K7-02", phase: "END", level: 2 },
        { pseudonym: "K7-02", phase: "END", level: 3 },
      ],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join("."))).toEqual(["results.0.score", "results.2.pseudonym"]);
  });
});
