import { Injectable } from '@nestjs/common';
import { Db } from '@taawoun/core';

export type LedgerEntryType =
  'SALE' | 'SHIPPING' | 'COMMISSION' | 'REFUND' | 'CASH_COLLECTED' | 'PAYOUT' | 'PAYOUT_REVERSAL';

/** One entry to append: a signed amount in centimes, with the reference its effect is keyed on. */
export interface NewLedgerEntry {
  cooperativeId: string;
  type: LedgerEntryType;
  amount: number;
  subOrderId?: string | null;
  refundId?: string | null;
  payoutId?: string | null;
}

export interface LedgerEntryRow {
  id: string;
  cooperativeId: string;
  type: LedgerEntryType;
  amount: number;
  currency: string;
  subOrderId: string | null;
  refundId: string | null;
  payoutId: string | null;
  createdAt: Date;
}

export const LEDGER_SQL = {
  /** Appends entries; one that already exists under its effect key is skipped (idempotent). */
  append: `INSERT INTO ledger_entries (cooperative_id, type, amount, sub_order_id, refund_id, payout_id)
    SELECT e.cooperative_id, e.type, e.amount, e.sub_order_id, e.refund_id, e.payout_id
    FROM unnest($1::uuid[], $2::varchar[], $3::integer[], $4::uuid[], $5::uuid[], $6::uuid[])
      AS e(cooperative_id, type, amount, sub_order_id, refund_id, payout_id)
    ON CONFLICT DO NOTHING
    RETURNING id`,
  bySubOrder: `SELECT id, cooperative_id AS "cooperativeId", type, amount, currency, sub_order_id AS "subOrderId",
      refund_id AS "refundId", payout_id AS "payoutId", created_at AS "createdAt"
    FROM ledger_entries WHERE sub_order_id = ANY($1::uuid[]) ORDER BY created_at, id`,
  hasSale: `SELECT EXISTS (SELECT 1 FROM ledger_entries WHERE type = 'SALE' AND sub_order_id = $1) AS "sold"`,
  balance: `SELECT COALESCE(SUM(amount), 0)::integer AS "balance" FROM ledger_entries WHERE cooperative_id = $1`,
} as const;

/** The append-only cooperative ledger: entries are only ever inserted, never updated or deleted. */
@Injectable()
export class LedgerRepository {
  constructor(private readonly db: Db) {}

  /** Appends entries, skipping those whose effect is already recorded; answers how many were new. */
  async append(entries: readonly NewLedgerEntry[]): Promise<number> {
    if (entries.length === 0) return 0;
    for (const e of entries) {
      if (!Number.isSafeInteger(e.amount))
        throw new Error(`Ledger amounts are integer centimes: ${e.amount}`);
    }
    const rows = await this.db.query<{ id: string }>(LEDGER_SQL.append, [
      entries.map((e) => e.cooperativeId),
      entries.map((e) => e.type),
      entries.map((e) => e.amount),
      entries.map((e) => e.subOrderId ?? null),
      entries.map((e) => e.refundId ?? null),
      entries.map((e) => e.payoutId ?? null),
    ]);
    return rows.length;
  }

  async bySubOrders(subOrderIds: readonly string[]): Promise<LedgerEntryRow[]> {
    return this.db.query<LedgerEntryRow>(LEDGER_SQL.bySubOrder, [subOrderIds]);
  }

  /** Whether the sub-order's sale is in the ledger (refunds of unsold parts write no entry). */
  async hasSale(subOrderId: string): Promise<boolean> {
    const [row] = await this.db.query<{ sold: boolean }>(LEDGER_SQL.hasSale, [subOrderId]);
    return row?.sold ?? false;
  }

  async balance(cooperativeId: string): Promise<number> {
    const [row] = await this.db.query<{ balance: number }>(LEDGER_SQL.balance, [cooperativeId]);
    return row?.balance ?? 0;
  }
}
