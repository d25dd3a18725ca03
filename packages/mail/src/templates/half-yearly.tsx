// Compiled with the automatic JSX runtime however the file is loaded (tsx from the repo root
// finds no tsconfig with "jsx" and would fall back to React.createElement).
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import type { WrittenLanguage } from "@samspill/domain";
import type { HalfYearlyContent, PosterOffer } from "../half-yearly-content.js";
import { links } from "../links.js";
import { formatSessionStart } from "../oslo.js";
import { type MailTexts, mailTexts } from "../texts/index.js";
import { filterInWords } from "./filter-words.js";
import { colors, Item, Layout, Paragraph, SectionHeading } from "./layout.js";
import { type RenderedMail, renderMail } from "./render.js";

export const halfLabel = (content: HalfYearlyContent, tx: MailTexts = mailTexts()) =>
  tx.halfYearly.half(content.half.half, content.half.year);

export interface HalfYearlyMailProps {
  content: HalfYearlyContent;
  publicUrl: string;
  /** The recipient's signed unsubscribe page; the footer links to it (unsubscribe.ts). */
  unsubscribeUrl?: string;
  /** The recipient's written language (recipient-language.ts); bokmål when left out. */
  language?: WrittenLanguage;
}

/** Laid out to print: one block per provider, each offer with what a reader needs to join. */
export function HalfYearlyMail({ content, publicUrl, unsubscribeUrl, language = "nb" }: HalfYearlyMailProps) {
  const tx = mailTexts(language);
  const t = tx.halfYearly;
  const names = filterInWords(content.filterNames, content.filter, tx);
  const scope = names.length > 0 ? t.scope(names.join(", ")) : "";
  const half = halfLabel(content, tx);
  return (
    <Layout
      preview={t.preview(content.offerCount, half)}
      title={t.title(half)}
      publicUrl={publicUrl}
      reason={t.reason}
      unsubscribeUrl={unsubscribeUrl}
      language={language}
    >
      <Paragraph>{tx.greeting(content.recipientName)}</Paragraph>
      <Paragraph>{t.intro(scope, links.home(publicUrl))}</Paragraph>
      {content.providers.length === 0 ? <Paragraph>{t.none}</Paragraph> : null}
      {content.providers.map((p) => (
        <Section key={p.name} style={{ margin: "0 0 12px" }}>
          <SectionHeading>{p.name}</SectionHeading>
          {p.offers.map((o) => (
            <PosterItem key={o.id} offer={o} publicUrl={publicUrl} tx={tx} />
          ))}
        </Section>
      ))}
    </Layout>
  );
}

function PosterItem({ offer, publicUrl, tx }: { offer: PosterOffer; publicUrl: string; tx: MailTexts }) {
  const t = tx.halfYearly;
  const dates =
    offer.sessions.length > 0
      ? t.dates(offer.sessions.map((at) => formatSessionStart(at, tx.locale)).join("; "))
      : t.rolling;
  return (
    <>
      <Item
        title={offer.title}
        href={links.offer(publicUrl, offer.id)}
        details={[
          `${tx.labels.offerKind[offer.kind]} · ${tx.labels.offerFormat[offer.format]}${offer.location ? ` · ${offer.location}` : ""}`,
          dates,
          t.languages(offer.languages.map((code) => tx.labels.language(code)).join(", ")),
          offer.howToJoin ? t.howToJoin(offer.howToJoin) : "",
          offer.registrationUrl ? t.registration(offer.registrationUrl) : "",
          offer.contact ? t.contact(offer.contact) : "",
        ]}
      />
      <Text style={{ fontSize: "13px", color: colors.ink, margin: "-6px 0 12px 15px" }}>{offer.summary}</Text>
    </>
  );
}

export function renderHalfYearly(props: HalfYearlyMailProps): Promise<RenderedMail> {
  const tx = mailTexts(props.language);
  return renderMail(tx.halfYearly.subject(halfLabel(props.content, tx)), <HalfYearlyMail {...props} />);
}
