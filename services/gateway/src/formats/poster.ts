import type { buildHalfYearly, MailTexts } from "@samspill/mail";
import { offerPageUrl } from "./types.js";

// The half-yearly summary (plan 2.4.4 a) as a printable A4 poster: the offers of a municipality
// or a hospital trust's area in one half-year, by provider, each with its dates, place and a QR
// code to its page on the hub. Built from the same content as the half-yearly mail
// (buildHalfYearly), so the poster and the mail never disagree. pdfkit lays it out; the QR codes
// are PNGs from the `qrcode` package, and each is also a link, for those reading on screen.
// Both are loaded on the first poster, not at start: pdfkit with its fonts, fontkit and brotli
// is several MB of the gateway's heap that a gateway printing no poster never needs (issue 16).

export type HalfYearlyContent = Awaited<ReturnType<typeof buildHalfYearly>>;
type PosterOffer = HalfYearlyContent["providers"][number]["offers"][number];

export interface PosterOptions {
  baseUrl: string;
  texts: MailTexts;
  /** Whose poster: a municipality's or a hospital trust's name. */
  placeName: string;
  /** The document's language, for screen readers (nb, nn, en). */
  language: string;
  /** Off in tests, so the page text can be read from the file. */
  compress?: boolean;
}

const margin = 48;
const qrSize = 72;

function datesLine(offer: PosterOffer, t: MailTexts): string {
  if (offer.sessions.length === 0) return t.halfYearly.rolling;
  const day = new Intl.DateTimeFormat(t.locale, { day: "numeric", month: "short", timeZone: "Europe/Oslo" });
  return t.halfYearly.dates(offer.sessions.map((s) => day.format(s)).join(", "));
}

/** The poster as a PDF file. */
export async function renderPosterPdf(content: HalfYearlyContent, options: PosterOptions): Promise<Buffer> {
  const t = options.texts;
  const half = t.halfYearly.half(content.half.half, content.half.year);
  const title = t.halfYearly.title(half);
  const [{ default: PDFDocument }, { default: QRCode }] = await Promise.all([
    import("pdfkit"),
    import("qrcode"),
  ]);
  const doc = new PDFDocument({
    size: "A4",
    margin,
    compress: options.compress ?? true,
    lang: options.language,
    displayTitle: true,
    info: { Title: `${title} – ${options.placeName}`, Author: "Samspill" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const textWidth = doc.page.width - 2 * margin - qrSize - 16;
  doc
    .font("Helvetica-Bold")
    .fontSize(22)
    .text(title, { width: doc.page.width - 2 * margin });
  doc.font("Helvetica").fontSize(14).text(options.placeName).moveDown();
  if (content.offerCount === 0) doc.fontSize(12).text(t.halfYearly.none);

  for (const provider of content.providers) {
    if (doc.y > doc.page.height - margin - 2 * qrSize) doc.addPage();
    doc.font("Helvetica-Bold").fontSize(14).text(provider.name, margin).moveDown(0.3);
    for (const offer of provider.offers) {
      if (doc.y > doc.page.height - margin - qrSize - 8) doc.addPage();
      const top = doc.y;
      const url = offerPageUrl(options.baseUrl, offer.id);
      const qr = await QRCode.toBuffer(url, { type: "png", margin: 1, width: qrSize * 3 });
      doc.image(qr, doc.page.width - margin - qrSize, top, { width: qrSize, height: qrSize, link: url });
      doc.font("Helvetica-Bold").fontSize(12).text(offer.title, margin, top, { width: textWidth });
      doc.font("Helvetica").fontSize(10).text(datesLine(offer, t), { width: textWidth });
      if (offer.location) doc.text(offer.location, { width: textWidth });
      doc.fillColor("#555555").text(url, { width: textWidth }).fillColor("black");
      doc.y = Math.max(doc.y, top + qrSize) + 10;
    }
    doc.moveDown(0.5);
  }
  doc.end();
  return done;
}
