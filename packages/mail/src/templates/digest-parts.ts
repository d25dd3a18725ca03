import type { DigestContent, DigestOffer, DigestSession } from "../digest-content.js";
import { agreementHorizonDays, sessionHorizonDays, shownPerSection } from "../digest-content.js";
import { links } from "../links.js";
import type { OfferChangeKind } from "../offer-changes.js";
import { formatCalendarDate, formatInstantDate, formatSessionStart, osloDate } from "../oslo.js";
import type { MailTexts } from "../texts/index.js";
import { filterInWords } from "./filter-words.js";
import { publishedAlone } from "./published.js";

// What a weekly digest says, block by block, in the recipient's language: the HTML and the
// plain-text version are both written from these blocks (digest.tsx), so they cannot say
// different things, and the text needs no HTML-to-text conversion.

/** A paragraph of text pieces (React renders adjacent pieces as separate text nodes). */
export interface DigestParagraph {
  kind: "paragraph";
  pieces: string[];
}

export interface DigestHeading {
  kind: "heading";
  text: string;
}

/** A list entry: a linked bold first line and grey detail lines. */
export interface DigestItem {
  kind: "item";
  title: string;
  href: string;
  details: string[];
}

/** After a section's shown entries: how many more there are, linked to a page listing them all. */
export interface DigestMore {
  kind: "more";
  text: string;
  href: string;
}

export type DigestPart = (DigestParagraph | DigestHeading | DigestItem | DigestMore) & {
  /** Equal for equal parts of one language: a renderer renders each distinct part once. */
  key: string;
};

/** Keeps built parts by key (a run's renderer); each is built once. */
export type PartMemo = (key: string, build: () => DigestPart) => DigestPart;
const noMemo: PartMemo = (_key, build) => build();

const order: OfferChangeKind[] = ["NEW", "UPDATED", "PAUSED", "ENDED"];

/**
 * Free places, where the session has a capacity and its registrations may be published: with
 * the capacity public, the free places would give a small number of registrations away.
 */
function seatsLeft(session: DigestSession, threshold: number): number | null {
  if (session.seatsLeft === null) return null;
  return publishedAlone(session.registrations, threshold) === null ? null : session.seatsLeft;
}

const offerItem = (o: DigestOffer, publicUrl: string, tx: MailTexts, key: string): DigestPart => ({
  key,
  kind: "item",
  title: o.offer.title,
  href: links.offer(publicUrl, o.offer.id),
  details: [o.providerName, tx.labels.offerFormat[o.offer.format]],
});

function sessionItem(
  s: DigestSession,
  publicUrl: string,
  threshold: number,
  tx: MailTexts,
  key: string,
): DigestPart {
  const { digest } = tx;
  const seats = seatsLeft(s, threshold);
  return {
    key,
    kind: "item",
    title: s.offerTitle,
    href: links.offer(publicUrl, s.offerId),
    details: [
      formatSessionStart(s.startsAt, tx.locale),
      [s.location, s.online ? digest.online : null].filter(Boolean).join(digest.and) || s.providerName,
      seats === null ? s.providerName : `${s.providerName} · ${digest.seatsLeft(seats)}`,
    ],
  };
}

const paragraph = (...pieces: string[]): DigestPart => ({
  key: `p\0${pieces.join("\0")}`,
  kind: "paragraph",
  pieces,
});
const heading = (text: string): DigestPart => ({ key: `h\0${text}`, kind: "heading", text });
const more = (text: string, href: string): DigestPart => ({
  key: `m\0${text}\0${href}`,
  kind: "more",
  text,
  href,
});

/**
 * A section's changes as listed: the most recent first, since the latest is what the reader has
 * not seen anywhere yet and the older ones are likelier to have been changed again or noticed.
 */
const latestFirst = (offers: readonly DigestOffer[]) =>
  [...offers].sort((a, b) => b.at.getTime() - a.at.getTime());

/**
 * The digest's body after the greeting, from the content (the recipient's name is not in it).
 * Items are keyed by everything they show, so `memo` hands an item already built (its dates
 * formatted) to every digest that lists it.
 */
export function digestParts(
  content: DigestContent,
  tx: MailTexts,
  publicUrl: string,
  smallCountThreshold: number,
  memo: PartMemo = noMemo,
): DigestPart[] {
  const { digest } = tx;
  const lang = tx.locale;
  const names = filterInWords(content.filterNames, content.filter, tx);
  const parts: DigestPart[] = [
    paragraph(
      digest.since(formatInstantDate(content.since, tx.locale)),
      names.length > 0 ? digest.scope(names.join(", ")) : "",
    ),
  ];
  const groups = order
    .map((kind) => ({ kind, offers: content.offers.filter((o) => o.kind === kind) }))
    .filter((g) => g.offers.length > 0);
  if (groups.length === 0) parts.push(paragraph(digest.noChanges));
  // Every list beyond shownPerSection entries goes on in the catalogue, narrowed as the digest is.
  const narrowed = {
    municipality: content.filter.municipalityNumbers,
    priorityGroup: content.filter.priorityGroups,
    diagnosisGroup: content.filter.diagnosisGroups,
  };
  for (const g of groups) {
    parts.push(heading(digest.headings[g.kind]));
    for (const o of latestFirst(g.offers).slice(0, shownPerSection)) {
      const key = ["o", lang, o.offer.id, o.offer.title, o.offer.format, o.providerName].join("\0");
      parts.push(memo(key, () => offerItem(o, publicUrl, tx, key)));
    }
    const left = g.offers.length - shownPerSection;
    if (left > 0) parts.push(more(digest.moreOffers(left), links.catalogue(publicUrl, narrowed)));
  }
  if (content.sessions.length > 0) {
    parts.push(heading(digest.sessionsHeading(sessionHorizonDays)));
    // The catalogue's session dates are Oslo days, both included: the horizon's first and last.
    const horizonEnd = new Date(content.until.getTime() + sessionHorizonDays * 86_400_000 - 1);
    const sessionsLink = links.catalogue(publicUrl, {
      ...narrowed,
      from: osloDate(content.until),
      to: osloDate(horizonEnd),
    });
    for (const s of content.sessions.slice(0, shownPerSection)) {
      const shown = [s.startsAt.getTime(), s.location, s.online, s.seatsLeft, s.registrations];
      const key = ["s", lang, s.id, s.offerId, s.offerTitle, s.providerName, ...shown].join("\0");
      parts.push(memo(key, () => sessionItem(s, publicUrl, smallCountThreshold, tx, key)));
    }
    const left = content.moreSessions + Math.max(0, content.sessions.length - shownPerSection);
    if (left > 0) parts.push(more(digest.moreSessions(left), sessionsLink));
  }
  if (content.agreements.length > 0) {
    parts.push(heading(digest.agreementsHeading(agreementHorizonDays)));
    // Soonest to expire first (as read), so the ones left out are the furthest off.
    for (const a of content.agreements.slice(0, shownPerSection)) {
      const key = ["a", lang, a.id, a.title, a.subAgreement, a.validTo.getTime(), ...a.parties].join("\0");
      parts.push(
        memo(key, () => ({
          key,
          kind: "item",
          title: a.subAgreement ? `${a.title} (${a.subAgreement})` : a.title,
          href: links.agreement(publicUrl, a.id),
          details: [digest.validTo(formatCalendarDate(a.validTo, tx.locale)), a.parties.join(", ")],
        })),
      );
    }
    const left = content.agreements.length - shownPerSection;
    if (left > 0) parts.push(more(digest.moreAgreements(left), links.workspace(publicUrl)));
  }
  return parts;
}

/** An item's detail lines as the template shows them: blank and repeated lines left out. */
export const shownDetails = (details: readonly string[]): string[] => [
  ...new Set(details.filter((line) => line !== "")),
];

/**
 * A part as plain text, laid out as the other mails' text versions (HTML converted): headings
 * in capitals after two blank lines, a link written out after its text, one block per line.
 */
export function partText(part: DigestPart): string {
  switch (part.kind) {
    case "paragraph":
      return part.pieces.join("");
    case "heading":
      return `\n${part.text.toUpperCase()}`;
    case "item":
      return [`${part.title} ${part.href}`, ...shownDetails(part.details)].join("\n\n");
    case "more":
      return `${part.text} ${part.href}`;
  }
}
