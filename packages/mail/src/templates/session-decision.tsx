// Compiled with the automatic JSX runtime however the file is loaded (tsx from the repo root
// finds no tsconfig with "jsx" and would fall back to React.createElement).
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { WrittenLanguage } from "@samspill/domain";
import { links } from "../links.js";
import { mailTexts } from "../texts/index.js";
import { Layout, Paragraph } from "./layout.js";
import { type RenderedMail, renderMail } from "./render.js";

// To the provider, a set time before a session with a minimum number of participants: whether
// it goes ahead or was cancelled, with the count. Sent like a reminder: in the recipient's
// written language, with the REMINDERS unsubscribe link when the recipient is a person.

export interface SessionDecisionProps {
  offerId: string;
  offerTitle: string;
  startsAt: Date;
  goesAhead: boolean;
  participants: number;
  minimum: number;
  waiting: number;
  publicUrl: string;
  unsubscribeUrl?: string;
  language?: WrittenLanguage;
}

const when = (at: Date, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "short", timeZone: "Europe/Oslo" }).format(
    at,
  );

const subjectOf = (p: SessionDecisionProps) => {
  const t = mailTexts(p.language).sessionDecision;
  return p.goesAhead ? t.subjectAhead(p.offerTitle) : t.subjectCancelled(p.offerTitle);
};

export function SessionDecisionMail(p: SessionDecisionProps) {
  const language = p.language ?? "nb";
  const tx = mailTexts(language);
  const t = tx.sessionDecision;
  return (
    <Layout
      preview={subjectOf(p)}
      title={subjectOf(p)}
      publicUrl={p.publicUrl}
      reason={t.reason}
      unsubscribeUrl={p.unsubscribeUrl}
      language={language}
    >
      <Paragraph>
        {p.offerTitle}, {when(p.startsAt, tx.locale)}.
      </Paragraph>
      <Paragraph>
        {t.counts(p.participants, p.minimum)}
        {p.waiting > 0 ? ` ${t.waiting(p.waiting)}` : ""}
      </Paragraph>
      <Paragraph>{p.goesAhead ? t.goesAhead : t.cancelled}</Paragraph>
      <Paragraph>{links.offer(p.publicUrl, p.offerId)}</Paragraph>
    </Layout>
  );
}

export function renderSessionDecision(props: SessionDecisionProps): Promise<RenderedMail> {
  return renderMail(subjectOf(props), <SessionDecisionMail {...props} />);
}
