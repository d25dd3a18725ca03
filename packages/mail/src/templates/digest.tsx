// Compiled with the automatic JSX runtime however the file is loaded (tsx from the repo root
// finds no tsconfig with "jsx" and would fall back to React.createElement).
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { offerFormatLabels } from "@samspill/domain";
import type { DigestContent, DigestOffer, DigestSession } from "../digest-content.js";
import { agreementHorizonDays, sessionHorizonDays } from "../digest-content.js";
import { links } from "../links.js";
import type { OfferChangeKind } from "../offer-changes.js";
import { formatCalendarDate, formatInstantDate, formatSessionStart } from "../oslo.js";
import { Item, Layout, Paragraph, SectionHeading } from "./layout.js";
import { publishedAlone } from "./published.js";
import { type RenderedMail, renderMail } from "./render.js";

const headings: Record<OfferChangeKind, string> = {
  NEW: "Nye tilbud",
  UPDATED: "Endrede tilbud",
  PAUSED: "Tilbud satt på pause",
  ENDED: "Avsluttede tilbud",
};
const order: OfferChangeKind[] = ["NEW", "UPDATED", "PAUSED", "ENDED"];

export interface DigestMailProps {
  content: DigestContent;
  publicUrl: string;
  /** "uke 48" */
  weekLabel: string;
  /** Counts of fewer people than this are not published (the deployment's setting, at least 5). */
  smallCountThreshold: number;
}

/**
 * Free places, where the session has a capacity and its registrations may be published: with
 * the capacity public, the free places would give a small number of registrations away.
 */
function seatsLeft(session: DigestSession, threshold: number): number | null {
  if (session.seatsLeft === null) return null;
  return publishedAlone(session.registrations, threshold) === null ? null : session.seatsLeft;
}

export function DigestMail({ content, publicUrl, weekLabel, smallCountThreshold }: DigestMailProps) {
  const groups = order
    .map((kind) => ({ kind, offers: content.offers.filter((o) => o.kind === kind) }))
    .filter((g) => g.offers.length > 0);
  const scope = content.filterNames.length > 0 ? ` Utvalget ditt: ${content.filterNames.join(", ")}.` : "";
  return (
    <Layout
      preview={`${content.offers.length} endrede tilbud, ${content.sessions.length} kommende samlinger`}
      title={`Ukens endringer, ${weekLabel}`}
      publicUrl={publicUrl}
      reason="Du får denne e-posten fordi du abonnerer på ukentlig oppsummering i Samspill."
    >
      <Paragraph>Hei {content.recipientName},</Paragraph>
      <Paragraph>
        Her er det som er nytt siden {formatInstantDate(content.since)}.{scope}
      </Paragraph>
      {groups.length === 0 ? <Paragraph>Ingen tilbud i utvalget ditt er endret i perioden.</Paragraph> : null}
      {groups.map((g) => (
        <OfferGroup key={g.kind} heading={headings[g.kind]} offers={g.offers} publicUrl={publicUrl} />
      ))}
      {content.sessions.length > 0 ? (
        <>
          <SectionHeading>Kommende kurs og samlinger (neste {sessionHorizonDays} dager)</SectionHeading>
          {content.sessions.map((s) => {
            const seats = seatsLeft(s, smallCountThreshold);
            return (
              <Item
                key={s.id}
                title={s.offerTitle}
                href={links.offer(publicUrl, s.offerId)}
                details={[
                  formatSessionStart(s.startsAt),
                  [s.location, s.online ? "digitalt" : null].filter(Boolean).join(" og ") || s.providerName,
                  seats === null ? s.providerName : `${s.providerName} · ${seats} ledige plasser`,
                ]}
              />
            );
          })}
        </>
      ) : null}
      {content.agreements.length > 0 ? (
        <>
          <SectionHeading>Avtaler som utløper innen {agreementHorizonDays} dager</SectionHeading>
          {content.agreements.map((a) => (
            <Item
              key={a.id}
              title={a.subAgreement ? `${a.title} (${a.subAgreement})` : a.title}
              href={links.agreement(publicUrl, a.id)}
              details={[`Gyldig til ${formatCalendarDate(a.validTo)}`, a.parties.join(", ")]}
            />
          ))}
        </>
      ) : null}
      <Paragraph>Endre eller avslutt abonnementet i Samspill: {links.subscriptions(publicUrl)}</Paragraph>
    </Layout>
  );
}

function OfferGroup({
  heading,
  offers,
  publicUrl,
}: {
  heading: string;
  offers: DigestOffer[];
  publicUrl: string;
}) {
  return (
    <>
      <SectionHeading>{heading}</SectionHeading>
      {offers.map((o) => (
        <Item
          key={o.offer.id}
          title={o.offer.title}
          href={links.offer(publicUrl, o.offer.id)}
          details={[o.providerName, offerFormatLabels[o.offer.format]]}
        />
      ))}
    </>
  );
}

export function renderDigest(props: DigestMailProps): Promise<RenderedMail> {
  const count = props.content.offers.length;
  const subject =
    count > 0
      ? `Samspill: ${count} ${count === 1 ? "nytt eller endret tilbud" : "nye eller endrede tilbud"}, ${props.weekLabel}`
      : `Samspill: ukens oversikt, ${props.weekLabel}`;
  return renderMail(subject, <DigestMail {...props} />);
}
