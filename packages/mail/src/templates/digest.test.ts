import { render, toPlainText } from "@react-email/render";
import type { WrittenLanguage } from "@samspill/domain";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { type DigestContent, shownPerSection } from "../digest-content.js";
import { mailTexts } from "../texts/index.js";
import { digestRenderer } from "./digest.js";
import { type DigestPart, digestParts } from "./digest-parts.js";
import { Item, Layout, type LayoutProps, MoreLink, Paragraph, SectionHeading } from "./layout.js";

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

function content(recipientName: string, offers: number, sessions: number, moreSessions = 0): DigestContent {
  return {
    recipientName,
    since: new Date("2026-11-30T06:00:00Z"),
    until: new Date("2026-12-07T06:00:00Z"),
    filter: { municipalityNumbers: ["1506"], priorityGroups: [], diagnosisGroups: [] },
    filterNames: ["Molde"],
    offers: Array.from({ length: offers }, (_, i) => ({
      kind: i % 2 === 0 ? ("NEW" as const) : ("UPDATED" as const),
      offer: offer(`o${i}`, `<b>Kurs ${i}</b> & "venner"`) as never,
      // Oldest first, as classifyOfferChanges returns them: o0 is the oldest change.
      at: new Date(Date.UTC(2026, 11, 1, 10, i)),
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
    moreSessions,
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
      : part.kind === "more"
        ? createElement(MoreLink, { text: part.text, href: part.href })
        : createElement(Item, { title: part.title, href: part.href, details: part.details });

/** The same digest rendered by React as a whole. */
async function renderedWhole(c: DigestContent, language: WrittenLanguage, unsubscribeUrl: string) {
  const tx = mailTexts(language);
  const parts = digestParts(c, tx, publicUrl, run.smallCountThreshold);
  // Layout's children come as createElement's further arguments, as JSX would pass them.
  const frame = {
    preview: tx.digest.preview(c.offers.length, c.sessions.length + c.moreSessions),
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
      // Longer lists than a section shows: each ends in its "and N more" line.
      { c: content("Siv", 50, 20, 9), language: "nn" as const, link: `${publicUrl}/u?token=v1.e` },
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

describe("a long digest", () => {
  const digest = digestRenderer(run);
  const mailOf = (c: DigestContent, language: WrittenLanguage = "nb") =>
    digest(c, { language, unsubscribeUrl: `${publicUrl}/u?token=v1.z` });
  const count = (text: string, piece: string) => text.split(piece).length - 1;
  const offersLink = `${publicUrl}/?municipality=1506`;

  it("lists the latest changes of each kind up to the cap, then how many more, linked to the catalogue of the filter", async () => {
    // 28 NEW (o0, o2, … o54) and 27 UPDATED: 8 and 7 more than a section shows.
    const mail = await mailOf(content("Kari", 55, 0));
    expect(shownPerSection).toBe(20);
    expect(mail.text.match(/<b>Kurs \d+<\/b>/g)).toHaveLength(2 * shownPerSection);
    // The most recent first: NEW shows o54 down to o16, not the eight oldest.
    expect(mail.text).toContain("<b>Kurs 54</b>");
    expect(mail.text.indexOf("<b>Kurs 54</b>")).toBeLessThan(mail.text.indexOf("<b>Kurs 52</b>"));
    expect(mail.text).toContain("<b>Kurs 16</b>");
    for (const old of [0, 2, 14, 1, 13]) expect(mail.text).not.toContain(`<b>Kurs ${old}</b>`);
    expect(mail.text).toContain(`… og 8 tilbud til. Se hele utvalget ditt i katalogen ${offersLink}`);
    expect(mail.text).toContain(`… og 7 tilbud til. Se hele utvalget ditt i katalogen ${offersLink}`);
    expect(count(mail.html, `href="${offersLink}"`)).toBe(2);
    expect(mail.html).toContain(">… og 8 tilbud til. Se hele utvalget ditt i katalogen</a>");
    // Subject and preview still count every change.
    expect(mail.subject).toContain("55 nye eller endrede tilbud");
    // The text version says the same as the HTML converted, "N more" lines and all.
    const c = content("Kari", 55, shownPerSection, 4);
    const link = `${publicUrl}/u?token=v1.z`;
    expect((await mailOf(c)).text).toBe(toPlainText(await renderedWhole(c, "nb", link)));
  });

  it("has no such line when a section holds exactly the cap", async () => {
    const mail = await mailOf(content("Kari", 2 * shownPerSection, 0));
    expect(mail.text.match(/<b>Kurs \d+<\/b>/g)).toHaveLength(2 * shownPerSection);
    expect(mail.text).not.toContain("til. Se");
    expect(mail.html).not.toContain(`href="${offersLink}"`);
  });

  it("says how many sessions more, linked to the catalogue of the filter for the sessions' fortnight", async () => {
    const mail = await mailOf(content("Kari", 0, shownPerSection, 9));
    expect(mail.text.match(/Økt \d+ /g)).toHaveLength(shownPerSection);
    // The run's Monday (Oslo) and the last Oslo day of the 14 days from it.
    const link = `${publicUrl}/?municipality=1506&from=2026-12-07&to=2026-12-21`;
    expect(mail.text).toContain(`… og 9 samlinger til. Se alle i katalogen ${link}`);
    expect(mail.html).toContain(`href="${link.replaceAll("&", "&amp;")}"`);
    expect(mail.subject).toBe("Samspill: ukens oversikt, uke 48");
  });

  it("lists the agreements expiring first up to the cap, then the rest in the workspace", async () => {
    const c = content("Kari", 1, 0);
    const [agreement] = c.agreements;
    c.agreements = Array.from({ length: shownPerSection + 3 }, (_, i) => ({
      ...(agreement as NonNullable<typeof agreement>),
      id: `a${i}`,
      title: `Avtale ${i}`,
      subAgreement: null,
    }));
    const mail = await mailOf(c);
    expect(mail.text.match(/Avtale \d+ /g)).toHaveLength(shownPerSection);
    expect(mail.text).toContain("Avtale 19 ");
    expect(mail.text).not.toContain("Avtale 20 ");
    expect(mail.text).toContain(`… og 3 avtaler til. Se alle i arbeidsområdet ditt ${publicUrl}/workspace`);
  });

  it("says it in nynorsk and English too, with the filter's groups in the link", async () => {
    const c = content("Kari", 44, 0);
    c.filter = {
      municipalityNumbers: [],
      priorityGroups: ["FRAIL_ELDERLY"],
      diagnosisGroups: ["DIABETES", "COPD"],
    };
    const link = `${publicUrl}/?priorityGroup=FRAIL_ELDERLY&diagnosisGroup=DIABETES&diagnosisGroup=COPD`;
    const nn = await mailOf(c, "nn");
    expect(nn.text).toContain(`… og 2 tilbod til. Sjå heile utvalet ditt i katalogen ${link}`);
    const en = await mailOf(c, "en");
    expect(en.text).toContain(`… and 2 more offers. See your whole selection in the catalogue ${link}`);
    expect(en.text.match(/<b>Kurs \d+<\/b>/g)).toHaveLength(2 * shownPerSection);
  });
});
