import { describe, expect, it } from "vitest";
import { acceptLanguageTags, pickWrittenLanguage, writtenLanguageOf } from "./written-language.js";

describe("written language", () => {
  it("follows the person, else their first organisation, else bokmål", () => {
    expect(writtenLanguageOf("en", ["nn"])).toBe("en");
    expect(writtenLanguageOf(null, ["nn", "nb"])).toBe("nn");
    expect(writtenLanguageOf(undefined, [null, "nn"])).toBe("nn");
    expect(writtenLanguageOf(null, [])).toBe("nb");
  });

  it("picks nn, nb (or Norwegian) or en from a browser's languages, in its order", () => {
    expect(pickWrittenLanguage(["nn-NO", "nb"])).toBe("nn");
    expect(pickWrittenLanguage(["no"])).toBe("nb");
    expect(pickWrittenLanguage(["nb_NO"])).toBe("nb");
    expect(pickWrittenLanguage(["de-DE", "en-US"])).toBe("en");
    expect(pickWrittenLanguage(["de", "fr"])).toBeNull();
    expect(pickWrittenLanguage([])).toBeNull();
  });

  it("reads Accept-Language by weight, ignoring the wildcard and refused tags", () => {
    expect(acceptLanguageTags("en;q=0.5, nn-NO, nb;q=0.8")).toEqual(["nn-NO", "nb", "en"]);
    expect(acceptLanguageTags("*, nn;q=0")).toEqual([]);
    expect(acceptLanguageTags(undefined)).toEqual([]);
    expect(pickWrittenLanguage(acceptLanguageTags("de, nn;q=0.9, nb;q=0.8"))).toBe("nn");
  });
});
