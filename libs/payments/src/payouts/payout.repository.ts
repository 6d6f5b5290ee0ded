import { Injectable } from '@nestjs/common';
import { Db, keysetAfter, keysetOrderBy, type KeysetColumn } from '@taawoun/core';
import type { PayoutMethod } from './payout-account.repository.js';

export type PayoutStatus = 'PENDING' | 'PAID' | 'FAILED';

export interface PayoutRow {
  id: string;
  cooperativeId: string;
  method: PayoutMethod;
  amount: number;
  currency: string;
  status: PayoutStatus;
  reference: string | null;
  failureReason: string | null;
  createdAt: Date;
  paidAt: Date | null;
  /** created_at as text, exact to the microsecond, for cursors. */
  cursorAt: string;
}

/** A cooperative that runPayouts may pay: its payable amount and how. */
export interface PayableRow {
  cooperativeId: string;
  method: PayoutMethod;
  payable: number;
}

export interface NewPayout {
  cooperativeId: string;
  method: PayoutMethod;
  amount: number;
}

const COLUMNS = `p.id, p.cooperative_id AS "cooperativeId", p.method, p.amount, p.currency, p.status, p.reference,
  p.failure_reason AS "failureReason", p.created_at AS "createdAt", p.paid_at AS "paidAt", p.created_at::text AS "cursorAt"`;

export const PAYOUTS_KEYSET: readonly KeysetColumn[] = [
  { expr: 'p.created_at', direction: 'DESC' },
  { expr: 'p.id', direction: 'DESC' },
];

/** $1 cooperative or null, $2 status or null, $3 limit, $4..$5 the cursor. */
function page(withCursor: boolean): string {
  return `SELECT ${COLUMNS} FROM payouts p
           WHERE ($1::uuid IS NULL OR p.cooperative_id = $1) AND ($2::varchar IS NULL OR p.status = $2)
             ${withCursor ? `AND ${keysetAfter(PAYOUTS_KEYSET, 4)}` : ''}
           ORDER BY ${keysetOrderBy(PAYOUTS_KEYSET)} LIMIT $3`;
}

export const PAYOUT_SQL = {
  /** Serializes runPayouts across every API and worker replica (transaction-scoped). */
  lockRun: `SELECT pg_advisory_xact_lock(hashtext('taawoun.payments.run-payouts'))`,
  /**
   * What each cooperative with an active payout account may be paid: the entries of sub-orders
   * delivered at least $1 days ago plus every payout and reversal, never above the whole balance.
   */
  payables: `SELECT e.cooperative_id AS "cooperativeId", a.method,
                    GREATEST(0, LEAST(
                      COALESCE(SUM(e.amount) FILTER (WHERE e.sub_order_id IS NULL
                        OR (s.delivered_at IS NOT NULL AND s.delivered_at <= now() - make_interval(days => $1))), 0),
                      SUM(e.amount)))::integer AS payable
               FROM ledger_entries e
               JOIN payout_accounts a ON a.cooperative_id = e.cooperative_id
                AND a.status = 'ACTIVE' AND (a.method = 'BANK_TRANSFER' OR a.payouts_enabled)
               LEFT JOIN sub_orders s ON s.id = e.sub_order_id
              GROUP BY e.cooperative_id, a.method
             HAVING GREATEST(0, LEAST(
                      COALESCE(SUM(e.amount) FILTER (WHERE e.sub_order_id IS NULL
                        OR (s.delivered_at IS NOT NULL AND s.delivered_at <= now() - make_interval(days => $1))), 0),
                      SUM(e.amount))) > 0
              ORDER BY e.cooperative_id`,
  insertMany: `INSERT INTO payouts (cooperative_id, method, amount, status)
               SELECT x.cooperative_id, x.method, x.amount, 'PENDING'
                 FROM unnest($1::uuid[], $2::varchar[], $3::integer[]) AS x(cooperative_id, method, amount)
               RETURNING ${COLUMNS.replaceAll('p.', '')}`,
  lock: `SELECT ${COLUMNS} FROM payouts p WHERE p.id = $1 FOR UPDATE`,
  markPaid: `UPDATE payouts p SET status = 'PAID', reference = $2, paid_at = now(), updated_at = now()
              WHERE p.id = $1 AND p.status = 'PENDING' RETURNING ${COLUMNS}`,
  markFailed: `UPDATE payouts p SET status = 'FAILED', failure_reason = $2, failed_at = now(), updated_at = now()
                WHERE p.id = $1 AND p.status = 'PENDING' RETURNING ${COLUMNS}`,
  /** A Stripe transfer reversed in full: the payout it paid becomes FAILED (state-checked). */
  markReversed: `UPDATE payouts p SET status = 'FAILED', failure_reason = $2, failed_at = now(), updated_at = now()
                  WHERE p.reference = $1 AND p.method = 'STRIPE_CONNECT' AND p.status IN ('PENDING', 'PAID')
              RETURNING ${COLUMNS}`,
  byIds: `SELECT ${COLUMNS} FROM payouts p WHERE p.id = ANY($1::uuid[])`,
  page: page(false),
  pageAfter: page(true),
  count: `SELECT count(*)::int AS count FROM payouts p
           WHERE ($1::uuid IS NULL OR p.cooperative_id = $1) AND ($2::varchar IS NULL OR p.status = $2)`,
  /** Pending bank transfers, oldest first, with the cooperative's name (for the bank file). */
  pendingBank: `SELECT ${COLUMNS}, c.name AS "cooperativeName", a.account_holder AS "accountHolder"
                  FROM payouts p
                  JOIN cooperatives c ON c.id = p.cooperative_id
                  LEFT JOIN payout_accounts a ON a.cooperative_id = p.cooperative_id
                 WHERE p.status = 'PENDING' AND p.method = 'BANK_TRANSFER'
                 ORDER BY p.created_at, p.id LIMIT $1`,
  /** A payout still to transfer, with the Stripe account it goes to. */
  toTransfer: `SELECT ${COLUMNS}, a.stripe_account_id AS "stripeAccountId"
                 FROM payouts p LEFT JOIN payout_accounts a ON a.cooperative_id = p.cooperative_id
                WHERE p.id = $1 AND p.status = 'PENDING' AND p.method = 'STRIPE_CONNECT'`,
  /** The cooperative's name and its OWNER/MANAGERs with their language (payout e-mails). */
  recipients: `SELECT c.name AS "cooperativeName", u.email::text AS email, u.preferred_language AS language
                 FROM cooperatives c
                 JOIN cooperative_memberships m ON m.cooperative_id = c.id AND m.role IN ('OWNER', 'MANAGER')
                 JOIN users u ON u.id = m.user_id
                WHERE c.id = $1
                ORDER BY u.email`,
} as const;

export interface PayoutToTransferRow extends PayoutRow {
  stripeAccountId: string | null;
}

export interface PayoutRecipientRow {
  cooperativeName: string;
  email: string;
  language: string;
}

export interface PendingBankPayoutRow extends PayoutRow {
  cooperativeName: string;
  accountHolder: string | null;
}

/** Every statement on `payouts`. */
@Injectable()
export class PayoutRepository {
  constructor(private readonly db: Db) {}

  async lockRun(): Promise<void> {
    await this.db.query(PAYOUT_SQL.lockRun);
  }

  payables(holdDays: number): Promise<PayableRow[]> {
    return this.db.query<PayableRow>(PAYOUT_SQL.payables, [holdDays]);
  }

  insertMany(payouts: readonly NewPayout[]): Promise<PayoutRow[]> {
    if (payouts.length === 0) return Promise.resolve([]);
    return this.db.query<PayoutRow>(PAYOUT_SQL.insertMany, [
      payouts.map((p) => p.cooperativeId),
      payouts.map((p) => p.method),
      payouts.map((p) => p.amount),
    ]);
  }

  async lock(id: string): Promise<PayoutRow | undefined> {
    const [row] = await this.db.query<PayoutRow>(PAYOUT_SQL.lock, [id]);
    return row;
  }

  async markPaid(id: string, reference: string): Promise<PayoutRow | undefined> {
    const [row] = await this.db.query<PayoutRow>(PAYOUT_SQL.markPaid, [id, reference]);
    return row;
  }

  async markFailed(id: string, reason: string): Promise<PayoutRow | undefined> {
    const [row] = await this.db.query<PayoutRow>(PAYOUT_SQL.markFailed, [id, reason]);
    return row;
  }

  async markReversed(transferId: string, reason: string): Promise<PayoutRow | undefined> {
    const [row] = await this.db.query<PayoutRow>(PAYOUT_SQL.markReversed, [transferId, reason]);
    return row;
  }

  byIds(ids: readonly string[]): Promise<PayoutRow[]> {
    return this.db.query<PayoutRow>(PAYOUT_SQL.byIds, [ids]);
  }

  page(
    cooperativeId: string | null,
    status: PayoutStatus | null,
    cursor: readonly [string, string] | null,
    size: number,
  ): Promise<PayoutRow[]> {
    return cursor
      ? this.db.query<PayoutRow>(PAYOUT_SQL.pageAfter, [cooperativeId, status, size + 1, ...cursor])
      : this.db.query<PayoutRow>(PAYOUT_SQL.page, [cooperativeId, status, size + 1]);
  }

  async count(cooperativeId: string | null, status: PayoutStatus | null): Promise<number> {
    const [row] = await this.db.query<{ count: number }>(PAYOUT_SQL.count, [cooperativeId, status]);
    return row.count;
  }

  async toTransfer(id: string): Promise<PayoutToTransferRow | undefined> {
    const [row] = await this.db.query<PayoutToTransferRow>(PAYOUT_SQL.toTransfer, [id]);
    return row;
  }

  recipients(cooperativeId: string): Promise<PayoutRecipientRow[]> {
    return this.db.query<PayoutRecipientRow>(PAYOUT_SQL.recipients, [cooperativeId]);
  }

  pendingBank(limit: number): Promise<PendingBankPayoutRow[]> {
    return this.db.query<PendingBankPayoutRow>(PAYOUT_SQL.pendingBank, [limit]);
  }
}
