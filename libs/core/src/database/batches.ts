/**
 * Repeats a bounded delete (`deleteBatch(limit)` removes at most `limit` rows and answers how
 * many) until a batch comes back short: bulk clean-ups hold short locks, keep nothing in memory
 * and answer only the total.
 */
export async function deleteInBatches(
  deleteBatch: (limit: number) => Promise<number>,
  batchSize: number,
): Promise<number> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('batchSize must be a positive integer');
  let total = 0;
  for (;;) {
    const deleted = await deleteBatch(batchSize);
    total += deleted;
    if (deleted < batchSize) return total;
  }
}
