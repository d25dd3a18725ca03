// What a reader can work out from a published table with margins. Each row and each column of
// the table extended by its totals is an equation (the cells add up to the margin); a hidden
// figure is given away exactly when those equations, with the published figures put in, pin it
// down. Linear algebra over the hidden figures, independent of how the suppression chose them.

import { rank } from "@samspill/domain/testing/rank";

/** A table as published: null where hidden. `cells` may be empty of columns only if totals say so. */
export interface PublishedTable {
  cells: (number | null)[][];
  rowTotals: (number | null)[];
  columnTotals: (number | null)[];
  total: number | null;
}

/** Positions [row, column] in the extended table (totals last) of hidden figures the others reveal. */
export function derivableHidden(table: PublishedTable): [number, number][] {
  const rows = table.cells.length;
  const cols = table.columnTotals.length;
  const at = (i: number, j: number) =>
    i < rows && j < cols
      ? table.cells[i]![j]!
      : i < rows
        ? table.rowTotals[i]!
        : j < cols
          ? table.columnTotals[j]!
          : table.total;
  const hidden: [number, number][] = [];
  for (let i = 0; i <= rows; i++) for (let j = 0; j <= cols; j++) if (at(i, j) === null) hidden.push([i, j]);
  const index = new Map(hidden.map(([i, j], k) => [`${i},${j}`, k]));
  const equations: number[][] = [];
  // In each equation the margin carries −1 and the figures it sums +1.
  for (let i = 0; i <= rows; i++) {
    const eq = new Array<number>(hidden.length).fill(0);
    for (let j = 0; j <= cols; j++) {
      const k = index.get(`${i},${j}`);
      if (k !== undefined) eq[k] = j === cols ? -1 : 1;
    }
    equations.push(eq);
  }
  for (let j = 0; j <= cols; j++) {
    const eq = new Array<number>(hidden.length).fill(0);
    for (let i = 0; i <= rows; i++) {
      const k = index.get(`${i},${j}`);
      if (k !== undefined) eq[k] = i === rows ? -1 : 1;
    }
    equations.push(eq);
  }
  if (hidden.length === 0) return [];
  const base = rank(equations);
  return hidden.filter((_, k) => {
    const unit = new Array<number>(hidden.length).fill(0);
    unit[k] = 1;
    return rank([...equations, unit]) === base;
  });
}

/** Every published figure (cells and totals) that is a count of 1 to threshold − 1. */
export function smallPublished(table: PublishedTable, threshold: number): number[] {
  const all = [...table.cells.flat(), ...table.rowTotals, ...table.columnTotals, table.total];
  return all.filter((v): v is number => v !== null && v > 0 && v < threshold);
}
