import { describe, expect, it } from "vitest";
import { plainTextAsMarkdown } from "./plain-markdown.js";

describe("plainTextAsMarkdown", () => {
  it("escapes everything that could start markup", () => {
    expect(plainTextAsMarkdown('<img src=x onerror="alert(1)">')).toBe(
      '\\<img src\\=x onerror\\="alert\\(1\\)"\\>',
    );
    expect(plainTextAsMarkdown("[lenke](javascript:alert)")).toBe("\\[lenke\\]\\(javascript:alert\\)");
    expect(plainTextAsMarkdown("# Overskrift")).toBe("\\# Overskrift");
    expect(plainTextAsMarkdown("1. punkt")).toBe("1\\. punkt");
    expect(plainTextAsMarkdown("- punkt *fet* _kursiv_")).toBe("\\- punkt \\*fet\\* \\_kursiv\\_");
    expect(plainTextAsMarkdown("&lt; og \\")).toBe("\\&lt; og \\\\");
  });

  it("keeps line breaks as hard breaks and blank lines as paragraphs", () => {
    expect(plainTextAsMarkdown("Linje én\r\nLinje to\n\n    Nytt avsnitt")).toBe(
      "Linje én\\\nLinje to\n\nNytt avsnitt",
    );
  });
});
