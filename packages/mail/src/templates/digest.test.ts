import { render, toPlainText } from "@react-email/render";
import type { WrittenLanguage } from "@samspill/domain";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import type { DigestContent } from "../digest-content.js";
import { mailTexts } from "../texts/index.js";
import { digestRenderer } from "./digest.js";
import { type DigestPart, digestParts } from "./digest-parts.js";
import { Item, Layout, type LayoutProps, Paragraph, SectionHeading } from "./layout.js";

// The weekly job writes each digest from blocks rendered once per run (digest.tsx). These check
// the joined mail against rendering the whole of it with React, as every other mail is.

const publicUrl = "https://samspill.test";
const run = {
  publicUrl,
  weekLabel: (l: WrittenLanguage) => (l === "en" ? "week 48" : "uke 48"),
  smallCountThreshold: 5,
};
const offer = (id: string, title: string) => ({
  id,
  title,
  providerId: "p",
  format: "PHYSICAL",
  municipalityNumbers: ["1506"],
  priorityGroups: [],
  diagnosisGroups: [],
});

function content(recipientName: string, offers: number, sessions: number): DigestContent {
  return {
    recipientName,
    since: new Date("2026-11-30T06:00:00Z"),
    until: new Date("2026-12-07T06:00:00Z"),
    filter: { municipalityNumbers: ["1506"], priorityGroups: [], diagnosisGroups: [] },
    filterNames: ["Molde"],
    offers: Array.from({ length: offers }, (_, i) => ({
      kind: i % 2 === 0 ? ("NEW" as const) : ("UPDATED" as const),
      offer: offer(`o${i}`, `<b>Kurs ${i}</b> & "venner"`) as never,
      at: new Date("2026-12-01T10:00:00Z"),
      providerName: "Molde kommune",
    })),
    sessions: Array.from({ length: sessions }, (_, i) => ({
      id: `s${i}`,
      offerId: `o${i}`,
      offerTitle: `Økt ${i}`,
      providerName: "Helse Møre og Romsdal",
      startsAt: new Date(Date.UTC(2026, 11, 8 + i, 9)),
      location: i % 2 === 0 ? "Helsehuset" : null,
      online: i % 3 === 0,
      seatsLeft: 4,
      // Below the threshold on every other session: its free places must not show.
      registrations: i % 2 === 0 ? 12 : 2,
    })),
    agreements: [
      {
        id: "a1",
        title: "Samarbeidsavtale",
        subAgreement: "delavtale 2",
        validTo: new Date("2027-01-31T00:00:00Z"),
        parties: ["Molde kommune", "Helse Møre og Romsdal"],
        partyIds: [],
      },
    ],
  };
}

const element = (part: DigestPart) =>
  part.kind === "paragraph"
    ? createElement(Paragraph, null, ...part.pieces)
    : part.kind === "heading"
      ? createElement(SectionHeading, null, part.text)
      : createElement(Item, { title: part.title, href: part.href, details: part.details });

/** The same digest rendered by React as a whole. */
async function renderedWhole(c: DigestContent, language: WrittenLanguage, unsubscribeUrl: string) {
  const tx = mailTexts(language);
  const parts = digestParts(c, tx, publicUrl, run.smallCountThreshold);
  // Layout's children come as createElement's further arguments, as JSX would pass them.
  const frame = {
    preview: tx.digest.preview(c.offers.length, c.sessions.length),
    title: tx.digest.title(run.weekLabel(language)),
    publicUrl,
    reason: tx.digest.reason,
    unsubscribeUrl,
    language,
  } as LayoutProps;
  return render(
    createElement(
      Layout,
      frame,
      createElement(Paragraph, null, tx.greeting(c.recipientName)),
      ...parts.map(element),
    ),
  );
}

// React marks the boundary of adjacent text nodes with empty comments; they show nothing.
const withoutTextMarkers = (html: string) => html.replaceAll("<!-- -->", "");

describe("the weekly digest renderer", () => {
  it("writes the same HTML as rendering the whole digest with React, for every recipient of a run", async () => {
    const digest = digestRenderer(run);
    const cases = [
      { c: content("Kari & <Ola>", 3, 4), language: "nb" as const, link: `${publicUrl}/u?token=v1.a` },
      { c: content("Per $& $' $1", 1, 0), language: "nb" as const, link: `${publicUrl}/u?token=v1.b` },
      { c: content("Ann 'O' \"Neil\"", 0, 2), language: "nn" as const, link: `${publicUrl}/u?token=v1.c` },
      { c: content("Jo", 4, 1), language: "en" as const, link: `${publicUrl}/u?token=v1.d&x=1` },
    ];
    for (const { c, language, link } of cases) {
      const mail = await digest(c, { language, unsubscribeUrl: link });
      expect(withoutTextMarkers(mail.html)).toBe(withoutTextMarkers(await renderedWhole(c, language, link)));
      expect(mail.subject).toBe(mailTexts(language).digest.subject(c.offers.length, run.weekLabel(language)));
    }
  });

  it("writes the text version from the content, as the HTML converted would read", async () => {
    const c = content("Kari & <Ola>", 3, 4);
    const link = `${publicUrl}/u?token=v1.a`;
    const mail = await digestRenderer(run)(c, { language: "nb", unsubscribeUrl: link });
    expect(mail.text).toBe(toPlainText(await renderedWhole(c, "nb", link)));
    expect(mail.text).toContain("Hei Kari & <Ola>,");
    expect(mail.text).toContain(`<b>Kurs 0</b> & "venner" ${publicUrl}/offers/o0`);
    expect(mail.text).toContain(`Meld deg av med ett klikk ${link}`);
    // Registrations under the threshold: no free places for that session.
    expect(mail.text.match(/4 ledige plasser/g)).toHaveLength(2);
  });

  it("leaves no placeholder in a mail and gives each recipient only their own name and link", async () => {
    const digest = digestRenderer(run);
    const [a, b] = await Promise.all([
      digest(content("Anne", 2, 2), { language: "nb", unsubscribeUrl: `${publicUrl}/u?token=A` }),
      digest(content("Bjørn", 2, 2), { language: "nb", unsubscribeUrl: `${publicUrl}/u?token=B` }),
    ]);
    for (const [mail, own, other] of [
      [a, "A", "B"],
      [b, "B", "A"],
    ] as const) {
      expect(mail?.html).not.toMatch(/(RECIPIENT|PREVIEW|BODY|UNSUBSCRIBE)[0-9a-f]{32}/);
      expect(mail?.text).not.toMatch(/(RECIPIENT|PREVIEW|BODY|UNSUBSCRIBE)[0-9a-f]{32}/);
      expect(mail?.html).toContain(`token=${own}"`);
      expect(mail?.html).not.toContain(`token=${other}"`);
    }
    expect(a?.html).toContain("Hei Anne,");
    expect(b?.html).toContain("Hei Bjørn,");
  });
});
