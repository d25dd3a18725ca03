import type nb from "./nb.js";

// Bokmål is the source of the mail texts: nynorsk and English are typed by it, so a text
// missing in one of them fails to compile. Kept apart from index.ts so the languages can
// import the type without a cycle through the module that imports them.

/** A language's mail texts: bokmål's keys, with the same parameters. */
export type MailTexts = typeof nb;
