import {
  type OfferMonths,
  PublishedGrid,
  participantFields,
  periodKey,
  periodMonths,
  suppressAcrossPeriods,
  yearPeriods,
} from "@samspill/domain";
import { scales } from "./generate/index.js";
import { seeded } from "./generate/random.js";

// Small-count suppression at national scale, in memory (no database): `npx tsx src/suppression.ts`
// in bench/ (`--quick` for a region). The counts follow the bench's data set (its offers and
// participation reports, with the same audience distribution, one year of them); what is timed:
//
//   baseline     adding the reports up into every offer's months and every scope's periods,
//                with no suppression: the floor any published figure costs;
//   grid, cold   every provider's table suppressed across the year (PublishedGrid, what the
//                summaries, trends and annual report share), then every scope's sums for the
//                19 periods: the national total and each hospital trust's offers;
//   grid, warm   the same again: patterns come from the memo (nothing reported since);
//   one trust    the largest provider's table alone, uncached (suppressAcrossPeriods), which is
//                what a request for its summary cost every time before the memo.

const scale = process.argv.includes("--quick") ? scales.quick : scales.full;
const r = seeded(12);
const YEAR = 2025;

// Offers: the trusts provide a third, in about equal shares; municipalities the rest.
const trusts = Array.from({ length: scale.hospitalTrusts }, (_, k) => `trust-${k}`);
const providerOf = Array.from({ length: scale.offers }, (_, k) =>
  k < scale.offers / 3 ? trusts[k % trusts.length]! : `municipality-${k % scale.municipalities}`,
);
// A year of reports (the bench spreads its reports over twelve quarters; a third fall in a year).
const months = new Map<number, number[][]>();
const reports = Math.round((scale.participationReports * 0.92) / 3);
for (let i = 0; i < reports; i++) {
  const offer = r.int(0, scale.offers - 1);
  const month = r.pick([1, 4, 7, 10]);
  const counts = [
    r.int(0, 40),
    r.int(0, 15),
    r.chance(0.2) ? r.int(0, 10) : 0,
    r.chance(0.1) ? r.int(0, 8) : 0,
    r.int(0, 3),
  ];
  if (!months.has(offer))
    months.set(
      offer,
      Array.from({ length: 12 }, () => new Array<number>(participantFields.length).fill(0)),
    );
  const row = months.get(offer)![month - 1]!;
  counts.forEach((v, j) => {
    row[j]! += v;
  });
}
const offers: OfferMonths[] = [...months].map(([k, m]) => ({
  offerId: String(k),
  providerId: providerOf[k]!,
  months: m,
}));
const scopes = [
  offers.map((o) => o.offerId),
  ...trusts.map((t) => offers.filter((o) => providerOf[Number(o.offerId)] === t).map((o) => o.offerId)),
];
const periods = yearPeriods(YEAR);

function time<T>(run: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = run();
  return { ms: performance.now() - start, result };
}

const baseline = time(() => {
  let sum = 0;
  for (const scope of scopes)
    for (const p of periods)
      for (const id of scope)
        for (const m of periodMonths(p)) for (const v of months.get(Number(id))![m.index - 1]!) sum += v;
  return sum;
});
const publishAll = () => {
  const grid = new PublishedGrid(YEAR, participantFields.length, offers);
  let hidden = 0;
  for (const scope of scopes)
    for (const p of periods) {
      const row = grid.sum(scope, p);
      hidden += [...row.cells, row.total].filter((v) => v === null).length;
    }
  return hidden;
};
const cold = time(publishAll);
const warm = time(publishAll);
const trustOffers = scopes.slice(1).reduce((a, b) => (b.length > a.length ? b : a));
const former = time(
  () =>
    suppressAcrossPeriods(
      YEAR,
      Array.from({ length: 12 }, (_, m) => trustOffers.map((id) => months.get(Number(id))![m]!)),
    ).get(periodKey(periods[0]!))!,
);

const rows: [string, number][] = [
  [`baseline: ${offers.length} offers × ${scopes.length} scopes × 19 periods added up`, baseline.ms],
  ["grid, cold: every offer's pattern + every scope's sums", cold.ms],
  ["grid, warm: the same, patterns memoised", warm.ms],
  [`one trust: its table (${trustOffers.length} offers) alone, uncached`, former.ms],
];
console.log(`Small-count suppression, ${reports} reports in ${YEAR}:`);
for (const [label, ms] of rows) console.log(`  ${ms.toFixed(0).padStart(7)} ms  ${label}`);
console.log(`  (${cold.result} of ${scopes.length * periods.length * 6} scope figures hidden)`);
