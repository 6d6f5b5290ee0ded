import { Injectable } from '@nestjs/common';
import { Db, keysetAfter, keysetOrderBy, type KeysetColumn } from '@taawoun/core';
import type { LedgerEntryType } from './ledger.repository.js';

/** One entry as `cooperativeLedger.entries` lists it. */
export interface LedgerEntryReadRow {
  id: string;
  type: LedgerEntryType;
  amount: number;
  currency: string;
  subOrderId: string | null;
  payoutId: string | null;
  createdAt: Date;
}

/** The sums of a cooperative's ledger, in centimes. */
export interface LedgerSumsRow {
  balance: number;
  /** Entries of sub-orders delivered long enough ago, plus payouts and reversals. */
  matured: number;
  paidOut: number;
}

export const LEDGER_ENTRIES_KEYSET: readonly KeysetColumn[] = [
  { expr: 'e.created_at', direction: 'DESC' },
  { expr: 'e.id', direction: 'DESC' },
];

const COLUMNS = `e.id, e.type, e.amount, e.currency, e.sub_order_id AS "subOrderId", e.payout_id AS "payoutId",
  e.created_at AS "createdAt"`;

/** $1 cooperative, $2 limit, $3..$4 created_at and id of the entry to continue after. */
function page(withCursor: boolean): string {
  return `SELECT ${COLUMNS} FROM ledger_entries e WHERE e.cooperative_id = $1
            ${withCursor ? `AND ${keysetAfter(LEDGER_ENTRIES_KEYSET, 3)}` : ''}
          ORDER BY ${keysetOrderBy(LEDGER_ENTRIES_KEYSET)} LIMIT $2`;
}

export const LEDGER_READ_SQL = {
  /** $1 cooperative, $2 PAYOUT_HOLD_DAYS. */
  sums: `SELECT COALESCE(SUM(e.amount), 0)::integer AS balance,
                COALESCE(SUM(e.amount) FILTER (WHERE e.sub_order_id IS NULL
                  OR (s.delivered_at IS NOT NULL AND s.delivered_at <= now() - make_interval(days => $2))), 0)::integer
                  AS matured,
                (-COALESCE(SUM(e.amount) FILTER (WHERE e.type IN ('PAYOUT', 'PAYOUT_REVERSAL')), 0))::integer AS "paidOut"
           FROM ledger_entries e LEFT JOIN sub_orders s ON s.id = e.sub_order_id
          WHERE e.cooperative_id = $1`,
  /** Where a page continues: the position of an entry of this cooperative (the `after` argument). */
  position: `SELECT e.created_at::text AS "createdAt", e.id FROM ledger_entries e WHERE e.id = $1 AND e.cooperative_id = $2`,
  page: page(false),
  pageAfter: page(true),
} as const;

/** The read side of the cooperative ledger (pa's LedgerRepository appends). */
@Injectable()
export class LedgerReadRepository {
  constructor(private readonly db: Db) {}

  async sums(cooperativeId: string, holdDays: number): Promise<LedgerSumsRow> {
    const [row] = await this.db.query<LedgerSumsRow>(LEDGER_READ_SQL.sums, [cooperativeId, holdDays]);
    return row;
  }

  async position(entryId: string, cooperativeId: string): Promise<[string, string] | null> {
    const [row] = await this.db.query<{ createdAt: string; id: string }>(LEDGER_READ_SQL.position, [
      entryId,
      cooperativeId,
    ]);
    return row ? [row.createdAt, row.id] : null;
  }

  page(
    cooperativeId: string,
    after: readonly [string, string] | null,
    limit: number,
  ): Promise<LedgerEntryReadRow[]> {
    return after
      ? this.db.query<LedgerEntryReadRow>(LEDGER_READ_SQL.pageAfter, [cooperativeId, limit, ...after])
      : this.db.query<LedgerEntryReadRow>(LEDGER_READ_SQL.page, [cooperativeId, limit]);
  }
}
