/**
 * Shares of a total from integer counts: count / total for each but the last, and the last as
 * 1 minus the sum of the others, so that summing the list in order gives exactly 1 in
 * floating point (1 - s is exact or rounds so that s + (1 - s) rounds back to 1).
 */
export function sharesOf(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return counts.map(() => 0);
  let sum = 0;
  return counts.map((count, i) => {
    if (i === counts.length - 1) return 1 - sum;
    const share = count / total;
    sum += share;
    return share;
  });
}
