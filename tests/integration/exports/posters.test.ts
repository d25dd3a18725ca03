import { describe, expect, it } from "vitest";
import { testGateway } from "../../support/gateway.js";
import { db, useSeededDatabase } from "../../support/seeded.js";

// The half-yearly poster per municipality and hospital trust, and the list a municipality embeds
// on its own web site. The poster's QR codes are links too; their targets are plain text in the
// PDF (annotations are not compressed), so they tell which offers it lists.

useSeededDatabase();

const get = (path: string) => testGateway(db, null).app.fetch(new Request(`http://gateway.test${path}`));
const linkedOffers = (pdf: string) =>
  [...pdf.matchAll(/\/URI \([^)]*\/offers\/([0-9a-f-]{36})\)/g)].map((m) => m[1]);

/** A published offer with a session, its municipality and the half-year key of that session. */
async function aPublishedSession() {
  const session = await db.offerSession.findFirstOrThrow({
    where: { cancelled: false, offer: { status: "PUBLISHED", municipalities: { some: {} } } },
    include: { offer: { include: { municipalities: { include: { municipality: true } } } } },
  });
  const municipality = session.offer.municipalities[0]!.municipality;
  const at = session.startsAt;
  const period = `${at.getUTCFullYear()}-H${at.getUTCMonth() < 6 ? 1 : 2}`;
  return { session, municipality, period };
}

describe("half-yearly posters", () => {
  it("list a municipality's and its hospital trust's published offers with linked QR codes", async () => {
    const { session, municipality, period } = await aPublishedSession();
    const paths = [
      `/export/posters/municipalities/${municipality.number}.pdf?period=${period}&lang=nn`,
      ...(municipality.hospitalTrustId
        ? [`/export/posters/hospital-trusts/${municipality.hospitalTrustId}.pdf?period=${period}`]
        : []),
    ];
    const drafts = await db.offer.findMany({ where: { status: { not: "PUBLISHED" } }, select: { id: true } });
    for (const path of paths) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      const pdf = Buffer.from(await response.arrayBuffer()).toString("latin1");
      expect(pdf.startsWith("%PDF-"), path).toBe(true);
      const linked = linkedOffers(pdf);
      expect(linked, path).toContain(session.offerId);
      for (const draft of drafts) expect(linked, path).not.toContain(draft.id);
    }
  });

  it("answer 400 naming the field, and 404 for what does not exist", async () => {
    const bad = [
      ["/export/posters/municipalities/12.pdf", "number"],
      ["/export/posters/hospital-trusts/not-a-uuid.pdf", "id"],
      ["/export/posters/municipalities/1506.pdf?period=2027-Q1", "period"],
      ["/export/posters/municipalities/1506.pdf?lang=de", "lang"],
      ["/embed/municipalities/abc", "number"],
    ] as const;
    for (const [path, field] of bad) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
      const body = (await response.json()) as { issues: { field: string }[] };
      expect(
        body.issues.map((i) => i.field),
        path,
      ).toContain(field);
    }
    for (const path of [
      "/export/posters/municipalities/0001.pdf",
      "/export/posters/hospital-trusts/00000000-0000-4000-8000-000000000000.pdf",
      "/embed/municipalities/0001",
    ])
      expect((await get(path)).status, path).toBe(404);
  });
});

describe("the embeddable offer list", () => {
  it("lists a municipality's published offers with links, and any site may frame it", async () => {
    const { session, municipality } = await aPublishedSession();
    const response = await get(`/embed/municipalities/${municipality.number}?lang=en`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors *");
    expect(response.headers.get("x-frame-options")).toBeNull();
    // The other security headers stay.
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const page = await response.text();
    expect(page).toContain(`/offers/${session.offerId}"`);
    expect(page).toContain('lang="en"');
  });

  it("leaves the rest of the gateway unframeable", async () => {
    const response = await get(`/export/posters/municipalities/0001.pdf`);
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});
