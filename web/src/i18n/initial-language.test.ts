import { describe, expect, it } from "vitest";
import { availableLanguages, initialLanguage } from "./index.js";

// Which language the web app starts in: the reader's remembered choice, else their browser's.

const codes = ["nb", "nn", "en"];

describe("the web app's starting language", () => {
  it("offers bokmål first, then English and nynorsk, each named in itself", () => {
    expect(availableLanguages).toEqual([
      { code: "nb", name: "Norsk bokmål" },
      { code: "en", name: "English" },
      { code: "nn", name: "Norsk nynorsk" },
    ]);
  });

  it("follows the browser when the reader chose nothing", () => {
    expect(initialLanguage(null, ["nn-NO", "nb-NO"], codes)).toBe("nn");
    expect(initialLanguage(null, ["no", "en"], codes)).toBe("nb");
    expect(initialLanguage(null, ["de-DE", "en-GB"], codes)).toBe("en");
    expect(initialLanguage(null, ["de-DE"], codes)).toBe("nb");
  });

  it("keeps the reader's own choice over the browser's", () => {
    expect(initialLanguage("nb", ["nn-NO"], codes)).toBe("nb");
    expect(initialLanguage("en", ["nn-NO"], codes)).toBe("en");
    // A remembered language the hub no longer has falls back to the browser's.
    expect(initialLanguage("se", ["nn-NO"], codes)).toBe("nn");
  });
});
