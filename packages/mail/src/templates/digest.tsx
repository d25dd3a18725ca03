// Compiled with the automatic JSX runtime however the file is loaded (tsx from the repo root
// finds no tsconfig with "jsx" and would fall back to React.createElement).
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Preview } from "@react-email/preview";
import { render } from "@react-email/render";
import type { WrittenLanguage } from "@samspill/domain";
import type { DigestContent } from "../digest-content.js";
import { links } from "../links.js";
import { mailTexts } from "../texts/index.js";
import { digestBlocks, escapeHtml, placeholder } from "./digest-blocks.js";
import { type DigestPart, digestParts, type PartMemo } from "./digest-parts.js";
import { Layout, Paragraph } from "./layout.js";
import type { RenderedMail } from "./render.js";
import { unsubscribeTexts } from "./unsubscribe-footer.js";

// The weekly digest. Thousands go out at once and most differ from the next only in a few
// blocks, the greeting and the unsubscribe link: rendering each with React (then converting
// its HTML to text) took ~15 ms of CPU a mail. So a run renders every distinct block with
// React once and writes each mail by joining them: the frame (Layout) once per language, with
// placeholders no text can contain where the preview, the body and the unsubscribe link go;
// the text version straight from the same blocks (digest-parts.ts).

export interface DigestRunOptions {
  publicUrl: string;
  /** "uke 48" in each language (weekLabel in periods.ts). */
  weekLabel: (language: WrittenLanguage) => string;
  /** Counts of fewer people than this are not published (the deployment's setting, at least 5). */
  smallCountThreshold: number;
}

export interface DigestMailOptions {
  /** The recipient's written language (recipient-language.ts). */
  language: WrittenLanguage;
  /** The recipient's signed unsubscribe page; the footer links to it (unsubscribe.ts). */
  unsubscribeUrl?: string;
}

export type DigestRenderer = (content: DigestContent, mail: DigestMailOptions) => Promise<RenderedMail>;

/** One group's digest (content.recipientName is not in it) in one language. */
export interface DigestTemplate {
  subject: string;
  /** The mail for one recipient: their name in the greeting, their link in the footer. */
  fill(recipientName: string, unsubscribeUrl?: string): RenderedMail;
}

/** `withLink`: whether the mails have an unsubscribe link (every subscriber's does). */
export type DigestTemplates = (
  content: DigestContent,
  language: WrittenLanguage,
  withLink: boolean,
) => Promise<DigestTemplate>;

interface Frame {
  /** The document up to the preview, between preview and body, and after the body. */
  head: string;
  middle: string;
  /** After the body, split where the unsubscribe link goes. */
  tail: string[];
  title: string;
}

/**
 * Renders the digests of one run as templates: a group of recipients whose content is the same
 * but for their name gets one, filled in per recipient with their name and unsubscribe link.
 * Blocks are kept for the renderer's life (one chunk of a run), so its memory is bounded by the
 * distinct offers, sessions and agreements that chunk reports.
 */
export function digestTemplates(run: DigestRunOptions): DigestTemplates {
  const slots = {
    // Name and link: recipient's own, filled in per mail.
    name: placeholder("RECIPIENT"),
    preview: placeholder("PREVIEW"),
    body: placeholder("BODY"),
    link: placeholder("UNSUBSCRIBE"),
  };
  const blocks = digestBlocks();
  const built = new Map<string, DigestPart>();
  const memo: PartMemo = (key, build) => {
    let part = built.get(key);
    if (!part) {
      part = build();
      built.set(key, part);
    }
    return part;
  };
  const previewOf = (text: string) => blocks.element(`preview\0${text}`, () => <Preview>{text}</Preview>);
  const frames = new Map<string, Promise<Frame>>();

  const renderFrame = async (language: WrittenLanguage, withLink: boolean): Promise<Frame> => {
    const tx = mailTexts(language);
    const title = tx.digest.title(run.weekLabel(language));
    const html = await render(
      <Layout
        preview={slots.preview}
        title={title}
        publicUrl={run.publicUrl}
        reason={tx.digest.reason}
        unsubscribeUrl={withLink ? slots.link : undefined}
        language={language}
      >
        {slots.body}
      </Layout>,
    );
    const around = html.split(slots.body);
    const [head, middle, ...extra] = (around[0] ?? "").split(previewOf(slots.preview));
    // Each placeholder must sit exactly once where expected, or the mails would be wrong.
    const afterBody = around[1];
    if (around.length !== 2 || afterBody === undefined || middle === undefined || extra.length > 0)
      throw new Error("the digest frame did not render its placeholders as expected");
    return { head: head ?? "", middle, tail: afterBody.split(slots.link), title };
  };
  const frameOf = (language: WrittenLanguage, withLink: boolean) => {
    const key = `${language}:${withLink}`;
    let frame = frames.get(key);
    if (!frame) {
      frame = renderFrame(language, withLink);
      frames.set(key, frame);
      // A failed render is not remembered: the next mail tries again.
      frame.catch(() => frames.delete(key));
    }
    return frame;
  };

  // Split where the recipient's name and unsubscribe link go: the rest is the group's. Text and
  // markers alternate: [text, marker, text, …].
  const personal = (text: string) =>
    text.split(slots.name).flatMap((piece, i) => {
      const around = piece.split(slots.link).flatMap((part, j) => (j === 0 ? [part] : [slots.link, part]));
      return i === 0 ? around : [slots.name, ...around];
    });
  const fillIn = (template: readonly string[], name: string, link: string) => {
    let out = template[0] ?? "";
    for (let i = 1; i < template.length; i += 2)
      out += (template[i] === slots.name ? name : link) + (template[i + 1] ?? "");
    return out;
  };

  return async (content, language, withLink) => {
    const tx = mailTexts(language);
    const frame = await frameOf(language, withLink);
    const parts = digestParts(content, tx, run.publicUrl, run.smallCountThreshold, memo).map(blocks.of);
    const greeting = blocks.element(`greeting\0${language}`, () => (
      <Paragraph>{tx.greeting(slots.name)}</Paragraph>
    ));
    // Counts of everything in the filter, listed or not (the list stops at shownPerSection).
    const preview = tx.digest.preview(content.offers.length, content.sessions.length + content.moreSessions);
    const html = personal(
      `${frame.head}${previewOf(preview)}${frame.middle}${greeting}${parts.map((p) => p.html).join("")}${frame.tail.join(slots.link)}`,
    );
    const text = personal(
      digestText(
        frame.title,
        tx.greeting(slots.name),
        parts.map((p) => p.text),
        language,
        run.publicUrl,
        withLink ? slots.link : undefined,
      ),
    );
    const subject = tx.digest.subject(content.offers.length, run.weekLabel(language));
    return {
      subject,
      // Joined, not copied: each mail shares the group's strings until it is encoded.
      fill: (recipientName, unsubscribeUrl = "") => ({
        subject,
        html: fillIn(html, escapeHtml(recipientName), escapeHtml(unsubscribeUrl)),
        text: fillIn(text, recipientName, unsubscribeUrl),
      }),
    };
  };
}

/** One digest at a time (the preview, the link checks, the tests): a template filled at once. */
export function digestRenderer(run: DigestRunOptions): DigestRenderer {
  const template = digestTemplates(run);
  return async (content, { language, unsubscribeUrl }) =>
    (await template(content, language, unsubscribeUrl !== undefined)).fill(
      content.recipientName,
      unsubscribeUrl,
    );
}

/** The plain-text version, laid out as the other mails' (Layout's text converted from HTML). */
function digestText(
  title: string,
  greeting: string,
  parts: readonly string[],
  language: WrittenLanguage,
  publicUrl: string,
  unsubscribeUrl: string | undefined,
): string {
  const tx = mailTexts(language);
  const footer = unsubscribeTexts[language];
  const blocks = [
    "Samspill",
    `\n${title.toUpperCase()}`,
    greeting,
    ...parts,
    "-".repeat(40),
    `${tx.digest.reason} ${tx.layout.about} ${publicUrl}`,
  ];
  if (unsubscribeUrl !== undefined)
    blocks.push(
      `${footer.question} ${footer.stop} ${unsubscribeUrl} · ${footer.manage} ${links.subscriptions(publicUrl)}`,
    );
  return blocks.join("\n\n");
}

export interface DigestMailProps {
  content: DigestContent;
  /** The recipient's written language; bokmål when left out. */
  language?: WrittenLanguage;
  unsubscribeUrl?: string;
  publicUrl: string;
  /** "uke 48" in the recipient's language (weekLabel in periods.ts). */
  weekLabel: string;
  smallCountThreshold: number;
}

/** One digest on its own (the preview in the web app, the link checks), as the weekly job renders it. */
export function renderDigest({
  content,
  weekLabel,
  language = "nb",
  unsubscribeUrl,
  ...run
}: DigestMailProps): Promise<RenderedMail> {
  return digestRenderer({ ...run, weekLabel: () => weekLabel })(content, { language, unsubscribeUrl });
}
