import { Injectable } from '@nestjs/common';
import { Db } from '@taawoun/core';

/** A variant and a number of units, for stock taken or returned. */
export interface StockLine {
  variantId: string;
  quantity: number;
}

/** A variant whose stock moved, and its stock after the move. */
export interface StockMovedRow {
  variantId: string;
  stock: number;
}

/**
 * One set-based stock move: every line of `unnest($1 variant ids, $2 quantities)` moves by
 * `sign` × quantity, with its stock movement (reason $3, author $4), in ONE statement whatever
 * the number of lines. The `locked` CTE takes the variants' row locks in id order (ORDER BY runs
 * below the lock step), so transactions moving overlapping sets wait for each other instead of
 * deadlocking; MATERIALIZED keeps the locking step from being folded into the UPDATE, whose join
 * order is the planner's. `onlyIfEnough` skips the lines short of stock (the caller compares
 * the variants answered with those asked).
 */
function stockMove(sign: '+' | '-', onlyIfEnough: boolean): string {
  return `WITH wanted AS (
      SELECT w.variant_id, w.quantity FROM unnest($1::uuid[], $2::int[]) AS w(variant_id, quantity)),
    locked AS MATERIALIZED (
      SELECT v.id FROM product_variants v WHERE v.id IN (SELECT variant_id FROM wanted) ORDER BY v.id FOR UPDATE),
    moved AS (
      UPDATE product_variants v SET stock = v.stock ${sign} w.quantity, updated_at = now()
        FROM wanted w JOIN locked l ON l.id = w.variant_id
       WHERE v.id = w.variant_id${onlyIfEnough ? ' AND v.stock >= w.quantity' : ''}
      RETURNING v.id, v.stock, w.quantity),
    movements AS (
      INSERT INTO stock_movements (variant_id, delta, resulting_stock, reason, author_id)
      SELECT id, ${sign === '-' ? '-quantity' : 'quantity'}, stock, $3::text, $4::uuid FROM moved)
    SELECT id AS "variantId", stock FROM moved`;
}

export const STOCK_SQL = {
  /** Takes every line whose variant has enough stock (those answered); the others are left alone. */
  take: stockMove('-', true),
  /** Returns units to their variants (every existing variant of the list). */
  release: stockMove('+', false),
} as const;

/** Every set-based stock move on `product_variants` with its `stock_movements` rows. */
@Injectable()
export class StockRepository {
  constructor(private readonly db: Db) {}

  take(lines: readonly StockLine[], reason: string, authorId: string | null): Promise<StockMovedRow[]> {
    return this.db.query<StockMovedRow>(STOCK_SQL.take, [
      lines.map((l) => l.variantId),
      lines.map((l) => l.quantity),
      reason,
      authorId,
    ]);
  }

  release(lines: readonly StockLine[], reason: string, authorId: string | null): Promise<StockMovedRow[]> {
    return this.db.query<StockMovedRow>(STOCK_SQL.release, [
      lines.map((l) => l.variantId),
      lines.map((l) => l.quantity),
      reason,
      authorId,
    ]);
  }
}
