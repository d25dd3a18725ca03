import { describe, expect, it } from "vitest";
import { type MailTexts, mailTextsByLanguage } from "./index.js";

// The compiler holds nynorsk and English to the bokmål texts' keys and parameters (index.ts);
// this fails too when a text is missing, empty, or when nynorsk is bokmål copied.

type Node = string | number | readonly unknown[] | ((...args: never[]) => string) | { [key: string]: Node };

/** Every leaf as [path, rendered text]: functions are called with sample arguments. */
function leaves(node: unknown, path = ""): [string, string][] {
  if (typeof node === "string") return [[path, node]];
  if (typeof node === "function") {
    const sample = [3, 2026, 5].slice(0, node.length);
    const text = (node as (...args: unknown[]) => string)(...sample.map((n, i) => (i === 0 ? n : `x${n}`)));
    const one = (node as (...args: unknown[]) => string)(1, "x", "y");
    return [
      [`${path}()`, String(text)],
      [`${path}(1)`, String(one)],
    ];
  }
  if (Array.isArray(node)) return node.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  if (node && typeof node === "object") {
    return Object.entries(node as Record<string, Node>).flatMap(([k, v]) =>
      leaves(v, path ? `${path}.${k}` : k),
    );
  }
  return [[path, String(node)]];
}

const flat = Object.fromEntries(
  Object.entries(mailTextsByLanguage).map(([lng, texts]) => [lng, new Map(leaves(texts))]),
) as Record<keyof typeof mailTextsByLanguage, Map<string, string>>;

describe("mail texts", () => {
  it("exist for bokmål, nynorsk and English", () => {
    expect(Object.keys(mailTextsByLanguage).sort()).toEqual(["en", "nb", "nn"]);
  });

  for (const lng of ["nn", "en"] as const) {
    it(`${lng} has every bokmål text and no other`, () => {
      const keys = [...flat[lng].keys()];
      const source = [...flat.nb.keys()];
      expect(
        source.filter((k) => !flat[lng].has(k)),
        "missing",
      ).toEqual([]);
      expect(
        keys.filter((k) => !flat.nb.has(k)),
        "extra",
      ).toEqual([]);
    });

    it(`${lng} functions take the same parameters as bokmål`, () => {
      const shape = (texts: MailTexts) =>
        JSON.stringify(texts, (_key, value) =>
          typeof value === "function"
            ? `function/${value.length}`
            : typeof value === "string"
              ? "text"
              : value,
        );
      expect(shape(mailTextsByLanguage[lng])).toEqual(shape(mailTextsByLanguage.nb));
    });
  }

  it("has no empty text", () => {
    for (const [lng, texts] of Object.entries(flat)) {
      expect([...texts].filter(([, text]) => text.trim() === "").map(([key]) => `${lng}:${key}`)).toEqual([]);
    }
  });

  it("is really nynorsk, not bokmål copied", () => {
    const sentences = [...flat.nb].filter(([, text]) => text.split(" ").length >= 5);
    // A few sentences read the same in both ("Slik melder du deg på"); most do not.
    const copied = sentences.filter(([key, text]) => flat.nn.get(key) === text).map(([key]) => key);
    expect(copied.length / sentences.length).toBeLessThan(0.15);
    const all = [...flat.nn.values()].join(" ");
    for (const word of ["tilbod", "pårørande", "Noreg", "veke", "påminning", " ein "])
      expect(all).toContain(word);
    for (const bokmål of [" tilbud", "pårørende", " uke ", "påminnelse", " ikke "])
      expect(all).not.toContain(bokmål);
  });
});
