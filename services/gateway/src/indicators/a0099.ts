import type { Database } from "@samspill/database";
import {
  A0099_DEFINITION,
  a0099People,
  type DiagnosisGroup,
  type GridPeriod,
  gridTableOf,
  participantFields,
  periodKey,
  periodRange,
} from "@samspill/domain";
import { offerGrid, startsIn, startsInYear } from "../schema/figures.js";

// A0099 activity (definition and rules: packages/domain/src/a0099.ts), shared by the GraphQL
// query and the CSV/JSON exports so both publish the same figures.
//
// Activities (course runs) are not people and are published as they are. Participants are the
// participation reports of the rows' offers (a run's attendance is filed as one): every row and
// total is a sum of the offers' published figures on the grid the participation and PAM
// summaries, trends and the annual report share (offerGrid → PublishedGrid, each provider's
// offers one table), so A0099 and those figures side by side give no hidden count away.

export interface A0099Row {
  hospitalTrustId: string;
  hospitalTrustName: string;
  orgNumber: string | null;
  unitId: string | null;
  unitName: string | null;
  diagnosisGroup: DiagnosisGroup | null;
  activities: number;
  patients: number | null;
  relatives: number | null;
  participants: number | null;
}

export interface A0099Activity {
  indicator: "A0099";
  definition: typeof A0099_DEFINITION;
  period: string;
  from: string;
  to: string;
  smallCountThreshold: number;
  rows: A0099Row[];
  total: Pick<A0099Row, "activities" | "patients" | "relatives" | "participants">;
}

export async function a0099Activity(
  db: Database,
  threshold: number,
  period: GridPeriod,
  hospitalTrustId?: string | null,
  now = new Date(),
): Promise<A0099Activity> {
  const year = periodRange({ kind: "YEAR", year: period.year, index: 1 });
  const runs = await db.offerSession.findMany({
    where: {
      cancelled: false,
      startsAt: { gte: year.start, lt: year.end < now ? year.end : now },
      offer: {
        a0099Eligible: true,
        interdisciplinary: true,
        provider: { kind: "HOSPITAL_TRUST", ...(hospitalTrustId ? { id: hospitalTrustId } : {}) },
      },
    },
    select: {
      id: true,
      startsAt: true,
      offer: {
        select: {
          diagnosisGroups: true,
          unit: { select: { id: true, name: true } },
          provider: { select: { id: true, name: true, orgNumber: true } },
        },
      },
      offerId: true,
    },
    orderBy: { startsAt: "asc" },
  });
  // The whole table of every trust with a run: all its offers' reports of the year.
  const reports = await db.participationReport.findMany({
    where: {
      ...startsInYear(period),
      offer: { providerId: { in: [...new Set(runs.map((r) => r.offer.provider.id))] } },
    },
    select: {
      offerId: true,
      periodStart: true,
      offer: { select: { providerId: true, status: true } },
      patients: true,
      carers: true,
      childrenAndYouth: true,
      parents: true,
      others: true,
    },
  });
  const grid = offerGrid(
    period,
    threshold,
    participantFields.length,
    reports,
    (r) => ({ offerId: r.offerId!, providerId: gridTableOf(r.offer!) }),
    (r) => r.periodStart,
    (r) => participantFields.map((k) => r[k]),
  );
  const inPeriod = runs.filter((r) => startsIn(period, r.startsAt));
  const rows = new Map<
    string,
    { row: Omit<A0099Row, "patients" | "relatives" | "participants">; offers: Set<string> }
  >();
  for (const r of inPeriod) {
    const group = r.offer.diagnosisGroups[0] ?? null;
    const key = `${r.offer.provider.id}|${r.offer.unit?.id ?? ""}|${group ?? ""}`;
    const entry = rows.get(key) ?? {
      row: {
        hospitalTrustId: r.offer.provider.id,
        hospitalTrustName: r.offer.provider.name,
        orgNumber: r.offer.provider.orgNumber,
        unitId: r.offer.unit?.id ?? null,
        unitName: r.offer.unit?.name ?? null,
        diagnosisGroup: group,
        activities: 0,
      },
      offers: new Set<string>(),
    };
    entry.row.activities++;
    entry.offers.add(r.offerId);
    rows.set(key, entry);
  }
  const people = (offerIds: Iterable<string>) => a0099People(grid.sum(offerIds, period));
  const { start, end } = periodRange(period);
  return {
    indicator: "A0099",
    definition: A0099_DEFINITION,
    period: periodKey(period),
    from: start.toISOString().slice(0, 10),
    to: new Date(end.getTime() - 86_400_000).toISOString().slice(0, 10),
    smallCountThreshold: threshold,
    rows: [...rows.values()]
      .map(({ row, offers }) => ({ ...row, ...people(offers) }))
      .sort(
        (a, b) =>
          a.hospitalTrustName.localeCompare(b.hospitalTrustName, "nb") ||
          (a.unitName ?? "").localeCompare(b.unitName ?? "", "nb") ||
          (a.diagnosisGroup ?? "").localeCompare(b.diagnosisGroup ?? ""),
      ),
    total: { activities: inPeriod.length, ...people(inPeriod.map((r) => r.offerId)) },
  };
}
