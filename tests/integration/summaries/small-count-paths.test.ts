import { randomUUID } from "node:crypto";
import type { Database } from "@samspill/database";
import { SMALL_COUNT_THRESHOLD } from "@samspill/domain";
import { queueNames } from "@samspill/events";
import { graphql, type TadaDocumentNode } from "@samspill/graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { testGateway } from "../../support/gateway.js";
import { municipalityNumbers } from "../../support/municipality-numbers.js";
import { derivableHidden, type PublishedTable, smallPublished } from "../../support/suppression-oracle.js";
import { type MailHarness, startMailHarness, subscriber } from "./mail-harness.js";

// Every path that publishes figures about people, in one table, over one set of data with a
// count below the threshold: 3 people on a small course, 137 on a large one, 140 in all. Each
// path must hide the 3 and must not show both 137 and 140 (their difference gives it back), and
// the small course's free places (150 − 3 = 147) must not appear either, as its capacity is
// public. Paths that publish no count of people at all (the half-yearly summary, the open-format
// exports) are in the table too, so a figure added to them later is held to the same rule.

const small = 3;
const large = 137;
const revealing = { total: small + large, smallSeatsLeft: 150 - small };

let db: Database;
let mail: MailHarness;
const id = randomUUID().slice(0, 8);
const trustId = randomUUID();
const [number] = municipalityNumbers("smallCountPaths", 1) as [string];
const offerIds: { small: string; large: string } = { small: "", large: "" };
let digestReader: { id: string; email: string };
let halfYearlyReader: { email: string };
let annualReader: { email: string };

const monthStart = (back: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
};
/** The grid period holding this month and last: the year, or both years across New Year. */
const trendPeriods = [...new Set([monthStart(1), monthStart(0)].map((d) => String(d.getUTCFullYear())))];
const lastYear = { periodStart: new Date("2025-03-01"), periodEnd: new Date("2025-03-31") };

beforeAll(async () => {
  db = testDatabase();
  await db.organisation.create({
    data: { id: trustId, kind: "HOSPITAL_TRUST", name: `Småtallforetaket ${id}` },
  });
  await db.municipality.create({
    data: { number, name: `Småvik ${number}`, county: "Testfylke", hospitalTrustId: trustId },
  });
  const offer = async (title: string, a0099Eligible: boolean, capacity: number, registrations: number) => {
    const created = await db.offer.create({
      data: {
        providerId: trustId,
        title: `${title} ${id}`,
        summary: "Kurs for småtalltesten",
        kind: "GROUP_COURSE",
        diagnosisScope: "DIAGNOSIS_SPECIFIC",
        format: "PHYSICAL",
        languages: ["nb"],
        audiences: ["PATIENTS"],
        a0099Eligible,
        // A0099 coding needs an interdisciplinary course (a CHECK constraint).
        interdisciplinary: a0099Eligible,
        status: "PUBLISHED",
        publishedAt: new Date(),
        municipalities: { create: [{ municipalityNumber: number }] },
        // Within the digest's two weeks and this half-year.
        sessions: {
          create: [
            {
              startsAt: new Date(Date.now() + 3 * 86_400_000),
              endsAt: new Date(Date.now() + 3 * 86_400_000 + 3_600_000),
              capacity,
              registrations,
            },
          ],
        },
      },
    });
    return created.id;
  };
  offerIds.small = await offer("Lite kurs", true, 150, small);
  offerIds.large = await offer("Stort kurs", false, 500, large);
  for (const [offerId, people] of [
    [offerIds.small, small],
    [offerIds.large, large],
  ] as const) {
    const levels = people === small ? [1, 1, 1, 0] : [30, 40, 33, 34];
    await db.participationReport.create({
      data: { reporterId: trustId, offerId, ...lastYear, patients: people },
    });
    await db.pamEvaluation.create({
      data: {
        reporterId: trustId,
        offerId,
        ...lastYear,
        respondentsBefore: people,
        respondentsAfter: people,
        meanScoreBefore: "50.0",
        meanScoreAfter: "60.0",
        levelsBefore: levels,
        levelsAfter: levels,
      },
    });
  }
  // For the monthly trends: the small course last month, the large one this month.
  for (const [offerId, people, back] of [
    [offerIds.small, small, 1],
    [offerIds.large, large, 0],
  ] as const) {
    const start = monthStart(back);
    await db.participationReport.create({
      data: {
        reporterId: trustId,
        offerId,
        periodStart: start,
        periodEnd: new Date(start.getTime() + 19 * 86_400_000),
        patients: people,
      },
    });
  }
  digestReader = await subscriber(db, "smatall-digest", "WEEKLY_DIGEST", { municipalityNumbers: [number] });
  halfYearlyReader = await subscriber(db, "smatall-poster", "HALF_YEARLY_SUMMARY", {
    municipalityNumbers: [number],
  });
  const annual = await subscriber(db, "smatall-annual", "ANNUAL_REPORT");
  await db.membership.create({ data: { personId: annual.id, organisationId: trustId, role: "VIEWER" } });
  annualReader = annual;
  mail = await startMailHarness(db, "small-count-paths");
});

afterAll(async () => {
  await mail?.stop();
  await db.$disconnect();
});

// ---------------------------------------------------------------- reading what each path shows

/** A GraphQL answer, signed out or (with `personId`) as that person. */
async function ask<R, V>(document: TadaDocumentNode<R, V>, variables: V, personId?: string): Promise<R> {
  const viewer = personId
    ? { kind: "PERSON" as const, personId, tokenId: null, name: "Småtall", memberships: [] }
    : null;
  const result = await testGateway(db, viewer).query(document, variables);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

async function download(path: string): Promise<string> {
  const response = await testGateway(db).app.fetch(new Request(`http://gateway.test${path}`));
  expect(response.status).toBe(200);
  return response.text();
}

/** The last mail a job sent to `email`, as HTML. */
async function mailed(queue: "summaries", job: string, email: string, data: Record<string, unknown> = {}) {
  await mail.run(queueNames[queue], job, data);
  const html = mail.to(email).at(-1)?.html;
  expect(html, `${job} sent no mail to ${email}`).toBeTruthy();
  return html!;
}

/** A figure cell of a mail's table: a number, or null where the mail withholds it. */
const figure = (cell: string) => (/^\d+$/.test(cell) ? Number(cell) : null);

/** The values of the mail table row labelled `label`. */
function row(html: string, label: string): (number | null)[] {
  const found = new RegExp(`${label}</td>((?:<td[^>]*>[^<]*</td>)+)`).exec(html);
  expect(found, `no row ${label}`).not.toBeNull();
  return [...found![1]!.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => figure(m[1]!));
}

/** One column of figures and their published total. */
const column = (cells: (number | null)[], total: number | null): PublishedTable => ({
  cells: cells.map((c) => [c]),
  rowTotals: cells,
  columnTotals: [total],
  total,
});

/**
 * The free places a digest shows for the small course (its session comes first), as a table
 * of registrations and free places whose total, the capacity, is public in the catalogue.
 */
function seats(html: string): PublishedTable[] {
  const start = html.indexOf(`Lite kurs ${id}`);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = html.indexOf(`Stort kurs ${id}`, start);
  const shown = /(\d+) ledige plasser/.exec(html.slice(start, end > start ? end : undefined));
  const left = shown ? Number(shown[1]) : null;
  return [{ cells: [[null, left]], rowTotals: [150], columnTotals: [null, left], total: 150 }];
}

const participation = graphql(`query SmallCountParticipation($provider: ID!) {
  participationSummary(providerId: $provider, period: "2025") {
    participants { patients carers childrenAndYouth parents others total }
    offers { offer { id } participants { patients carers childrenAndYouth parents others total } }
  }
}`);
const pam = graphql(`query SmallCountPam($provider: ID!) {
  pamSummary(providerId: $provider, period: "2025") {
    before { respondents levels } after { respondents levels }
    offers { offer { id } before { respondents levels } after { respondents levels } }
  }
}`);
const trends = graphql(`query SmallCountTrends($trust: ID!, $period: String!) {
  overviewTrends(hospitalTrustId: $trust, period: $period) { participantsTotal months { participants } }
}`);
const preview = graphql(`query SmallCountPreview($id: ID!) { previewDigest(personId: $id) { html } }`);

const audiences = ["patients", "carers", "childrenAndYouth", "parents", "others"] as const;
const byOffer = <T extends { offer: { id: string } }>(rows: T[]) =>
  [offerIds.small, offerIds.large].map((o) => rows.find((r) => r.offer.id === o)!);

interface PublishingPath {
  name: string;
  /** The raw answer (searched for revealing figures) and the tables of people it publishes. */
  read(): Promise<{ raw: string; tables: PublishedTable[] }>;
}

const paths: PublishingPath[] = [
  {
    name: "overview trends (GraphQL overviewTrends)",
    async read() {
      const answers = await Promise.all(
        trendPeriods.map((period) => ask(trends, { trust: trustId, period })),
      );
      return {
        raw: JSON.stringify(answers),
        tables: answers.map(({ overviewTrends: t }) =>
          column(
            t.months.map((m) => m.participants),
            t.participantsTotal,
          ),
        ),
      };
    },
  },
  {
    name: "participation summary (GraphQL participationSummary)",
    async read() {
      const data = await ask(participation, { provider: trustId });
      const s = data.participationSummary;
      const rows = byOffer(s.offers).map((o) => o.participants);
      const table: PublishedTable = {
        cells: rows.map((r) => audiences.map((k) => r[k])),
        rowTotals: rows.map((r) => r.total),
        columnTotals: audiences.map((k) => s.participants[k]),
        total: s.participants.total,
      };
      return { raw: JSON.stringify(data), tables: [table] };
    },
  },
  {
    name: "PAM summary (GraphQL pamSummary)",
    async read() {
      const data = await ask(pam, { provider: trustId });
      const s = data.pamSummary;
      const rows = byOffer(s.offers);
      const side = (pick: "before" | "after"): PublishedTable => ({
        cells: rows.map((r) => r[pick].levels),
        rowTotals: rows.map((r) => r[pick].respondents),
        columnTotals: s[pick].levels,
        total: s[pick].respondents,
      });
      return { raw: JSON.stringify(data), tables: [side("before"), side("after")] };
    },
  },
  {
    name: "annual report (mail)",
    async read() {
      const html = await mailed("summaries", "summary.annual-report", annualReader.email, {
        at: "2026-01-15T06:00:00Z",
      });
      const byAudience = ["Pasienter", "Pårørende", "Barn og unge", "Foreldre", "Andre"].map(
        (l) => row(html, l)[0]!,
      );
      const total = row(html, "Totalt")[0]!;
      // Per side: offers × levels; the mail shows each offer's respondents, each level's total and
      // all respondents, not the offers' levels.
      const levels = [1, 2, 3, 4].map((l) => row(html, `Nivå ${l}`));
      const pamSide = (side: 0 | 1): PublishedTable => ({
        cells: [Array(4).fill(null), Array(4).fill(null)],
        rowTotals: [row(html, `Lite kurs ${id}`)[side * 2]!, row(html, `Stort kurs ${id}`)[side * 2]!],
        columnTotals: levels.map((l) => l[side]!),
        total: row(html, "Svar")[side]!,
      });
      return {
        raw: html,
        tables: [
          { cells: [byAudience], rowTotals: [total], columnTotals: byAudience, total },
          // A0099 participants are one row of all participants; the rest are not shown.
          column([row(html, "Deltakere")[0]!, null], total),
          pamSide(0),
          pamSide(1),
        ],
      };
    },
  },
  {
    name: "weekly digest (mail)",
    async read() {
      const html = await mailed("summaries", "summary.weekly-digest", digestReader.email);
      return { raw: html, tables: seats(html) };
    },
  },
  {
    name: "digest preview (GraphQL previewDigest)",
    async read() {
      const data = await ask(preview, { id: digestReader.id }, digestReader.id);
      const html = data.previewDigest?.html ?? "";
      return { raw: html, tables: seats(html) };
    },
  },
  {
    name: "half-yearly summary (mail)",
    async read() {
      return { raw: await mailed("summaries", "summary.half-yearly", halfYearlyReader.email), tables: [] };
    },
  },
  ...["offers.csv", "offers.hsds.json", "offers.fhir.json"].map((file) => ({
    name: `export ${file}`,
    async read() {
      return { raw: await download(`/export/${file}?provider=${trustId}`), tables: [] };
    },
  })),
];

describe("every path that publishes figures hides small counts by the domain's rule", () => {
  it.each(paths)("$name", async (path) => {
    const { raw, tables } = await path.read();
    for (const table of tables) {
      expect(smallPublished(table, SMALL_COUNT_THRESHOLD)).toEqual([]);
      expect(derivableHidden(table)).toEqual([]);
    }
    const numbers = new Set([...raw.matchAll(/(?<![\w.-])\d+(?![\w.-])/g)].map((m) => Number(m[0])));
    expect(numbers.has(large) && numbers.has(revealing.total), "the large count beside the total").toBe(
      false,
    );
    expect(numbers.has(revealing.smallSeatsLeft), "the small course's free places").toBe(false);
  });
});
