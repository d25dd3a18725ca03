// Compiled with the automatic JSX runtime however the file is loaded (see digest.tsx).
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { type DigestItem, type DigestPart, partText, shownDetails } from "./digest-parts.js";
import { Item, MoreLink, Paragraph, SectionHeading } from "./layout.js";

// The blocks of the weekly digests of one run, each written once: HTML as React renders it and
// the plain-text version (digest-parts.ts). A chunk of a run lists thousands of distinct
// sessions and offers; rendering each list entry with React (~0.1 ms and much garbage each) was
// most of a chunk's rendering, so an entry is written from React's rendering of <Item> with
// placeholders, one per number of detail lines, with the entry's values put in their place.

const htmlEscapes: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#x27;",
};
/** As React escapes text and attribute values. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => htmlEscapes[c] ?? c);

/** A marker no text contains: a name and 32 random hex digits. */
export const placeholder = (name: string) => `${name}${crypto.randomUUID().replaceAll("-", "")}`;

function partElement(part: DigestPart) {
  switch (part.kind) {
    case "paragraph":
      return <Paragraph>{part.pieces}</Paragraph>;
    case "heading":
      return <SectionHeading>{part.text}</SectionHeading>;
    case "item":
      return <Item title={part.title} href={part.href} details={part.details} />;
    case "more":
      return <MoreLink text={part.text} href={part.href} />;
  }
}

/** Text and markers alternating: [text, marker, text, …, text]. */
type Frame = string[];

/** `html` split at each of `markers`; null unless each occurs exactly once. */
function frameOf(html: string, markers: readonly string[]): Frame | null {
  const frame = html.split(new RegExp(`(${markers.join("|")})`));
  const found = frame.filter((_, i) => i % 2 === 1);
  return found.length === markers.length && new Set(found).size === markers.length ? frame : null;
}

/** `frame` with each marker replaced by its value (escaped). */
function written(frame: Frame, values: ReadonlyMap<string, string>): string {
  let html = frame[0] ?? "";
  for (let i = 1; i < frame.length; i += 2)
    html += escapeHtml(values.get(frame[i] as string) ?? "") + (frame[i + 1] ?? "");
  return html;
}

export interface DigestBlock {
  html: string;
  text: string;
}

export interface DigestBlocks {
  /** A part's block, written once per key. */
  of(part: DigestPart): DigestBlock;
  /** Any other element's HTML, rendered once per key. */
  element(key: string, element: () => ReactElement): string;
}

export function digestBlocks(): DigestBlocks {
  const blocks = new Map<string, DigestBlock>();
  const elements = new Map<string, string>();
  // By number of detail lines; null when React did not render the placeholders as plain text.
  const itemFrames = new Map<
    number,
    { frame: Frame | null; title: string; href: string; details: string[] }
  >();

  const item = (part: DigestItem & { key: string }): string => {
    const details = shownDetails(part.details);
    let found = itemFrames.get(details.length);
    if (!found) {
      const title = placeholder("TITLE");
      const href = `https://${placeholder("HREF")}`;
      const lines = details.map((_, i) => placeholder(`DETAIL${i}`));
      const html = renderToStaticMarkup(<Item title={title} href={href} details={lines} />);
      found = { frame: frameOf(html, [title, href, ...lines]), title, href, details: lines };
      itemFrames.set(details.length, found);
    }
    // React rewrites some links (javascript: URLs) rather than printing them: only web links
    // are written from the frame.
    if (!found.frame || !/^https?:\/\//i.test(part.href)) return renderToStaticMarkup(partElement(part));
    const values = new Map([
      [found.title, part.title],
      [found.href, part.href],
      ...found.details.map((marker, i) => [marker, details[i] as string] as const),
    ]);
    return written(found.frame, values);
  };

  return {
    of(part) {
      let block = blocks.get(part.key);
      if (!block) {
        const html = part.kind === "item" ? item(part) : renderToStaticMarkup(partElement(part));
        block = { html, text: partText(part) };
        blocks.set(part.key, block);
      }
      return block;
    },
    element(key, element) {
      let html = elements.get(key);
      if (html === undefined) {
        html = renderToStaticMarkup(element());
        elements.set(key, html);
      }
      return html;
    },
  };
}
