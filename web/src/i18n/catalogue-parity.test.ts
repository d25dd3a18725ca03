import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import en from "./locales/en/index.js";
import nb from "./locales/nb/index.js";
import nn from "./locales/nn/index.js";

// The compiler already holds every catalogue to the bokmål keys (catalogue.ts); this also fails
// when an area file exists for one language only, when a text is empty, when a translation
// drops or invents an interpolation ({{count}}, {{name}} …), or when nynorsk is a copy of bokmål.

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const catalogues = { nb, nn, en } as unknown as Record<string, Tree>;
const flat = Object.fromEntries(Object.entries(catalogues).map(([lng, c]) => [lng, flatten(c)]));
const source = flat.nb as Map<string, string>;
const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
const localesDir = new URL("./locales/", import.meta.url);

describe("web catalogues", () => {
  it("are registered for bokmål, nynorsk and English and nothing else", () => {
    expect(readdirSync(localesDir).sort()).toEqual(["en", "nb", "nn"]);
  });

  it("keep the same area files in every language", () => {
    const areas = (lng: string) => readdirSync(new URL(`${lng}/`, localesDir)).sort();
    expect(areas("nn")).toEqual(areas("nb"));
    expect(areas("en")).toEqual(areas("nb"));
  });

  for (const lng of ["nn", "en"]) {
    it(`${lng} has exactly the bokmål keys`, () => {
      const keys = flat[lng] as Map<string, string>;
      expect(
        [...source.keys()].filter((k) => !keys.has(k)),
        "missing",
      ).toEqual([]);
      expect(
        [...keys.keys()].filter((k) => !source.has(k)),
        "extra",
      ).toEqual([]);
    });

    it(`${lng} uses the same interpolations as bokmål`, () => {
      const keys = flat[lng] as Map<string, string>;
      const differing = [...source].filter(
        ([key, text]) => JSON.stringify(variables(text)) !== JSON.stringify(variables(keys.get(key) ?? "")),
      );
      expect(differing.map(([key]) => key)).toEqual([]);
    });
  }

  it("has no empty texts", () => {
    for (const [lng, keys] of Object.entries(flat)) {
      expect([...keys].filter(([, text]) => text.trim() === "").map(([key]) => `${lng}:${key}`)).toEqual([]);
    }
  });

  it("is really nynorsk, not bokmål copied", () => {
    const nynorsk = flat.nn as Map<string, string>;
    // Names, codes and short words are the same in both; running text is not.
    const sentences = [...source].filter(([, text]) => text.split(" ").length >= 6);
    const copied = sentences.filter(([key, text]) => nynorsk.get(key) === text).map(([key]) => key);
    expect(copied.length / sentences.length).toBeLessThan(0.1);
    const all = [...nynorsk.values()].join(" ");
    for (const word of [" ikkje ", " eit ", "kommunar", "tilbod", "helseføretak", "brukarorganisasjon"]) {
      expect(all).toContain(word);
    }
    for (const bokmål of [" ikke ", " hvordan ", " hvem ", " tilbud "]) expect(all).not.toContain(bokmål);
  });

  it("names each language in itself", () => {
    expect([nb.meta.name, nn.meta.name, en.meta.name]).toEqual(["Norsk bokmål", "Norsk nynorsk", "English"]);
    expect(nn.meta.locale).toBe("nn-NO");
  });
});
