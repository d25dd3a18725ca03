// The rank of a matrix by Gaussian elimination with partial pivoting. The suppression tests use it
// as an oracle written apart from the rule's own algebra (suppression-algebra.ts): a hidden figure
// is given away when adding its unit vector leaves the rank of the published equations unchanged.

export function rank(matrix: number[][]): number {
  const m = matrix.map((r) => [...r]);
  const width = m[0]?.length ?? 0;
  let r = 0;
  for (let c = 0; c < width && r < m.length; c++) {
    let pivot = r;
    for (let i = r; i < m.length; i++) if (Math.abs(m[i]![c]!) > Math.abs(m[pivot]![c]!)) pivot = i;
    if (Math.abs(m[pivot]![c]!) < 1e-9) continue;
    [m[r], m[pivot]] = [m[pivot]!, m[r]!];
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const f = m[i]![c]! / m[r]![c]!;
      for (let k = c; k < width; k++) m[i]![k]! -= f * m[r]![k]!;
    }
    r++;
  }
  return r;
}
