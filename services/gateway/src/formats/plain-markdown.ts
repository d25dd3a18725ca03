// FHIR `markdown` fields are rendered by consumers, and CommonMark passes raw HTML through.
// User text must stay text, so every character that could start markup is backslash-escaped
// (CommonMark treats a backslash before any ASCII punctuation as that literal character).

const markupCharacters = /[\\`*_{}[\]()<>#+\-!|~&=]/g;

export function plainTextAsMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .split("\n")
        .map((line) => escapeLine(line.trim()))
        .filter((line) => line !== "")
        .join("\\\n"),
    )
    .filter((paragraph) => paragraph !== "")
    .join("\n\n");
}

function escapeLine(line: string): string {
  // "1." at the start of a line would begin an ordered list.
  return line.replace(markupCharacters, "\\$&").replace(/^(\d+)\./, "$1\\.");
}
