// Compiled with the automatic JSX runtime however the file is loaded (tsx from the repo root
// finds no tsconfig with "jsx" and would fall back to React.createElement).
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Section, Text } from "@react-email/components";
import { languageName, offerFormatLabels, offerKindLabels } from "@samspill/domain";
import type { HalfYearlyContent, PosterOffer } from "../half-yearly-content.js";
import { links } from "../links.js";
import { formatSessionStart } from "../oslo.js";
import { colors, Item, Layout, Paragraph, SectionHeading } from "./layout.js";
import { type RenderedMail, renderMail } from "./render.js";

export const halfLabel = (content: HalfYearlyContent) =>
  `${content.half.half === 1 ? "første" : "andre"} halvår ${content.half.year}`;

export interface HalfYearlyMailProps {
  content: HalfYearlyContent;
  publicUrl: string;
}

/** Laid out to print: one block per provider, each offer with what a reader needs to join. */
export function HalfYearlyMail({ content, publicUrl }: HalfYearlyMailProps) {
  const scope = content.filterNames.length > 0 ? ` for ${content.filterNames.join(", ")}` : "";
  return (
    <Layout
      preview={`${content.offerCount} lærings- og mestringstilbud ${halfLabel(content)}`}
      title={`Lærings- og mestringstilbud, ${halfLabel(content)}`}
      publicUrl={publicUrl}
      reason="Du får denne e-posten fordi du abonnerer på halvårsoversikten i Samspill."
    >
      <Paragraph>Hei {content.recipientName},</Paragraph>
      <Paragraph>
        Her er oversikten over publiserte tilbud{scope}. Skriv den ut som plakat, eller del lenken til den
        oppdaterte oversikten: {links.home(publicUrl)}
      </Paragraph>
      {content.providers.length === 0 ? (
        <Paragraph>Ingen publiserte tilbud i utvalget ditt.</Paragraph>
      ) : null}
      {content.providers.map((p) => (
        <Section key={p.name} style={{ margin: "0 0 12px" }}>
          <SectionHeading>{p.name}</SectionHeading>
          {p.offers.map((o) => (
            <PosterItem key={o.id} offer={o} publicUrl={publicUrl} />
          ))}
        </Section>
      ))}
    </Layout>
  );
}

function PosterItem({ offer, publicUrl }: { offer: PosterOffer; publicUrl: string }) {
  const dates =
    offer.sessions.length > 0
      ? `Datoer: ${offer.sessions.map(formatSessionStart).join("; ")}`
      : "Løpende oppstart";
  return (
    <>
      <Item
        title={offer.title}
        href={links.offer(publicUrl, offer.id)}
        details={[
          `${offerKindLabels[offer.kind]} · ${offerFormatLabels[offer.format]}${offer.location ? ` · ${offer.location}` : ""}`,
          dates,
          `Språk: ${offer.languages.map(languageName).join(", ")}`,
          offer.howToJoin ? `Slik melder du deg på: ${offer.howToJoin}` : "",
          offer.registrationUrl ? `Påmelding: ${offer.registrationUrl}` : "",
          offer.contact ? `Kontakt: ${offer.contact}` : "",
        ]}
      />
      <Text style={{ fontSize: "13px", color: colors.ink, margin: "-6px 0 12px 15px" }}>{offer.summary}</Text>
    </>
  );
}

export function renderHalfYearly(props: HalfYearlyMailProps): Promise<RenderedMail> {
  const subject = `Samspill: lærings- og mestringstilbud ${halfLabel(props.content)}`;
  return renderMail(subject, <HalfYearlyMail {...props} />);
}
