import { Injectable } from '@nestjs/common';
import { Db, OutOfStockError } from '@taawoun/core';
import { StockRepository, type StockLine } from './stock.repository.js';

/** The largest number of distinct variants one stock move may carry. */
export const MAX_STOCK_LINES = 500;

/** Sums the quantities per variant and sorts by variant id (the lock order). */
function merged(lines: readonly StockLine[]): StockLine[] {
  if (lines.length > MAX_STOCK_LINES) throw new RangeError(`at most ${MAX_STOCK_LINES} stock lines`);
  const sums = new Map<string, number>();
  for (const line of lines) {
    if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0)
      throw new RangeError(`quantity must be a positive integer, got ${line.quantity}`);
    sums.set(line.variantId, (sums.get(line.variantId) ?? 0) + line.quantity);
  }
  return [...sums]
    .map(([variantId, quantity]) => ({ variantId, quantity }))
    .sort((a, b) => (a.variantId < b.variantId ? -1 : a.variantId > b.variantId ? 1 : 0));
}

/**
 * Stock for other libs (orders): take or return the units of many variants in ONE statement,
 * whatever the number of lines, row locks taken in variant-id order. Both must run inside the
 * caller's transaction (a failed take leaves partial moves that only the rollback undoes).
 */
@Injectable()
export class StockService {
  constructor(
    private readonly db: Db,
    private readonly stock: StockRepository,
  ) {}

  /**
   * Takes every line or throws OUT_OF_STOCK naming the variants short of stock
   * (`extensions.variantIds`); the caller's transaction must then roll back.
   */
  async take(lines: readonly StockLine[], reason: string, authorId: string | null = null): Promise<void> {
    this.requireTransaction();
    const wanted = merged(lines);
    if (wanted.length === 0) return;
    const moved = await this.stock.take(wanted, reason, authorId);
    if (moved.length === wanted.length) return;
    const taken = new Set(moved.map((m) => m.variantId));
    const short = wanted.filter((l) => !taken.has(l.variantId)).map((l) => l.variantId);
    throw new OutOfStockError(`Not enough stock for ${short.length} item(s)`, { variantIds: short });
  }

  /** Returns units to their variants (cancellation, expiry); answers how many variants moved. */
  async release(
    lines: readonly StockLine[],
    reason: string,
    authorId: string | null = null,
  ): Promise<number> {
    this.requireTransaction();
    const wanted = merged(lines);
    if (wanted.length === 0) return 0;
    return (await this.stock.release(wanted, reason, authorId)).length;
  }

  private requireTransaction(): void {
    if (!this.db.inTransaction) throw new Error('StockService runs inside the caller’s transaction');
  }
}
