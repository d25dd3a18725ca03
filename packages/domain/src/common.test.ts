import { describe, expect, it } from "vitest";
import { nonEmptyText, optionalText, searchText } from "./common.js";
import { createOfferInput } from "./offer.js";
import { toFieldIssues } from "./validation.js";

describe("text fields", () => {
  it.each([
    ["NUL", "Kurs\u0000"],
    ["a lone high surrogate", "Kurs \ud800"],
    ["a lone low surrogate", "\udc00 Kurs"],
    ["a bell", "Kurs\u0007"],
    ["an escape", "\u001b[31mKurs"],
    ["a delete", "Kurs\u007f"],
  ])("refuse %s", (_what, value) => {
    for (const schema of [nonEmptyText(200), optionalText(200), searchText]) {
      const result = schema.safeParse(value);
      expect(result.success).toBe(false);
      if (!result.success) expect(toFieldIssues(result.error)[0]?.code).toBe("not_plain_text");
    }
  });

  it("keep what people type: tabs, line breaks, emoji, Sámi and Norwegian letters", () => {
    const value = "  Søvnkurs\tfor alle\r\nÁŋŋel 😀 æøå  ";
    expect(nonEmptyText(200).parse(value)).toBe("Søvnkurs\tfor alle\r\nÁŋŋel 😀 æøå");
    expect(searchText.parse("kurs")).toBe("kurs");
  });

  it("name the offer field holding a NUL, in both languages", () => {
    const result = createOfferInput.safeParse({
      providerId: "00000000-0000-4000-8000-000000000000",
      title: "Kurs",
      summary: "Om\u0000kurs",
      kind: "GROUP_COURSE",
      diagnosisScope: "DIAGNOSIS_INDEPENDENT",
      format: "PHYSICAL",
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    const issue = toFieldIssues(result.error).find((i) => i.field === "summary");
    expect(issue).toMatchObject({ code: "not_plain_text", messageNb: expect.stringMatching(/NUL/) });
  });
});
