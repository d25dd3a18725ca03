import type { Database } from "@samspill/database";
import {
  A0099_DEFINITION,
  type DiagnosisGroup,
  type GridPeriod,
  periodKey,
  periodRange,
} from "@samspill/domain";
import { offerGrid, startsIn } from "../schema/figures.js";

// A0099 activity (definition and rules: packages/domain/src/a0099.ts), shared by the GraphQL
// query and the CSV/JSON exports so both publish the same figures.
//
// Activities (course runs) are not people and are published as they are. Participants are: each
// course run is a unit of the published grid (offerGrid → PublishedGrid), its patients and
// relatives suppressed on their own across the year's periods, and every row and total is a sum
// of runs' published figures, shown only where each of them is.

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
      signUps: { where: { attended: true }, select: { role: true } },
    },
    orderBy: { startsAt: "asc" },
  });
  type Run = (typeof runs)[number];
  // Each run is its own table: its pattern depends on its own counts only, whichever scope asks.
  const grid = offerGrid(
    period,
    threshold,
    2,
    runs,
    (r: Run) => ({ offerId: r.id, providerId: r.id }),
    (r: Run) => r.startsAt,
    (r: Run) => [
      r.signUps.filter((s) => s.role === "PATIENT").length,
      r.signUps.filter((s) => s.role === "RELATIVE").length,
    ],
  );
  const inPeriod = runs.filter((r) => startsIn(period, r.startsAt));
  const rows = new Map<
    string,
    { row: Omit<A0099Row, "patients" | "relatives" | "participants">; runs: string[] }
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
      runs: [],
    };
    entry.row.activities++;
    entry.runs.push(r.id);
    rows.set(key, entry);
  }
  const people = (ids: string[]) => {
    const sum = grid.sum(ids, period);
    return { patients: sum.cells[0]!, relatives: sum.cells[1]!, participants: sum.total };
  };
  const { start, end } = periodRange(period);
  return {
    indicator: "A0099",
    definition: A0099_DEFINITION,
    period: periodKey(period),
    from: start.toISOString().slice(0, 10),
    to: new Date(end.getTime() - 86_400_000).toISOString().slice(0, 10),
    smallCountThreshold: threshold,
    rows: [...rows.values()]
      .map(({ row, runs: ids }) => ({ ...row, ...people(ids) }))
      .sort(
        (a, b) =>
          a.hospitalTrustName.localeCompare(b.hospitalTrustName, "nb") ||
          (a.unitName ?? "").localeCompare(b.unitName ?? "", "nb") ||
          (a.diagnosisGroup ?? "").localeCompare(b.diagnosisGroup ?? ""),
      ),
    total: { activities: inPeriod.length, ...people(inPeriod.map((r) => r.id)) },
  };
}
