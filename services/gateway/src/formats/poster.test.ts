import { mailTexts } from "@samspill/mail";
import { describe, expect, it } from "vitest";
import { type HalfYearlyContent, renderPosterPdf } from "./poster.js";

// The poster's text read back from an uncompressed PDF: each line pdfkit writes is one TJ array
// of hex strings (WinAnsi bytes) with kerning numbers between them.
function pdfLines(pdf: Buffer): string[] {
  return [...pdf.toString("latin1").matchAll(/\[([^\]]*)\] TJ/g)].map((m) =>
    [...(m[1] ?? "").matchAll(/<([0-9a-f]*)>/g)]
      .map((h) => Buffer.from(h[1] ?? "", "hex").toString("latin1"))
      .join(""),
  );
}

const offer = (id: string, title: string, sessions: Date[]) => ({
  id,
  title,
  summary: "",
  kind: "GROUP_COURSE" as const,
  format: "PHYSICAL" as const,
  location: "Bodø sykehus",
  languages: [],
  sessions,
  howToJoin: null,
  contact: null,
  registrationUrl: null,
});

const content: HalfYearlyContent = {
  recipientName: "Bodø",
  half: { key: "2027-H1", year: 2027, half: 1, start: new Date("2027-01-01"), end: new Date("2027-06-30") },
  filterNames: [],
  filter: { municipalityNumbers: ["1804"], priorityGroups: [], diagnosisGroups: [] },
  offerCount: 2,
  providers: [
    {
      name: "Nordlandssykehuset",
      offers: [
        offer("a1", "Lær å leve med diabetes", [new Date("2027-02-01T10:00:00Z")]),
        offer("a2", "Hjertekurs", []),
      ],
    },
  ],
};

describe("the half-yearly poster", () => {
  it("lists each offer with its place, dates and a linked QR code, in the reader's language", async () => {
    const pdf = await renderPosterPdf(content, {
      baseUrl: "https://samspill.test/",
      texts: mailTexts("en"),
      placeName: "Bodø",
      language: "en",
      compress: false,
    });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const lines = pdfLines(pdf);
    expect(lines).toEqual(
      expect.arrayContaining([
        "Nordlandssykehuset",
        "Lær å leve med diabetes",
        "Hjertekurs",
        "Rolling start",
        "Bodø sykehus",
      ]),
    );
    expect(lines.join("\n")).toContain("Learning and coping offers, first half of 2027");
    const links = pdf.toString("latin1").match(/\/URI \(([^)]*)\)/g);
    expect(links).toEqual([
      "/URI (https://samspill.test/offers/a1)",
      "/URI (https://samspill.test/offers/a2)",
    ]);
  });

  it("says so when there is nothing to list", async () => {
    const empty = { ...content, offerCount: 0, providers: [] };
    const pdf = await renderPosterPdf(empty, {
      baseUrl: "https://samspill.test",
      texts: mailTexts("nn"),
      placeName: "Bodø",
      language: "nn",
      compress: false,
    });
    expect(pdfLines(pdf).join("\n")).toContain(mailTexts("nn").halfYearly.none);
  });
});
