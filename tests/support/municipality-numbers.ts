// Test files that add municipalities of their own share one database per run. Each takes its
// numbers from a fixed block of its own, above every real number (the highest county is 56), so
// two files can never draw the same one: random draws did collide, and failed a CI run.
const blocks = {
  crossed: 7000,
  gridDifferencing: 7100,
  trends: 9000,
  trendsNeighbour: 8000,
  smallCountPaths: 9100,
} as const;

/** `count` consecutive municipality numbers reserved for one test file. */
export function municipalityNumbers(owner: keyof typeof blocks, count: number): string[] {
  if (count > 100) throw new Error(`A block holds 100 numbers, not ${count}`);
  return Array.from({ length: count }, (_, k) => String(blocks[owner] + k));
}
