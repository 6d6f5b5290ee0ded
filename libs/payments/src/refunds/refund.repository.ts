import { Injectable } from '@nestjs/common';
import { Db } from '@taawoun/core';

export interface RefundRow {
  id: string;
  paymentId: string;
  subOrderId: string;
  amount: number;
  currency: string;
  status: string;
  providerRef: string | null;
}

const REFUND_COLUMNS = `r.id, r.payment_id AS "paymentId", r.sub_order_id AS "subOrderId", r.amount, r.currency,
  r.status, r.provider_ref AS "providerRef"`;

export const REFUND_SQL = {
  insert: `INSERT INTO refunds AS r (payment_id, sub_order_id, amount, currency, reason, status)
           VALUES ($1, $2, $3, $4, $5, 'PENDING') RETURNING ${REFUND_COLUMNS}`,
  byId: `SELECT ${REFUND_COLUMNS} FROM refunds r WHERE r.id = $1`,
  /** What is refunded or being refunded of each sub-order (failed refunds don't count). */
  committedBySubOrders: `SELECT r.sub_order_id AS "subOrderId", COALESCE(SUM(r.amount), 0)::integer AS amount
                           FROM refunds r WHERE r.sub_order_id = ANY($1::uuid[]) AND r.status <> 'FAILED'
                          GROUP BY r.sub_order_id`,
  /** What has been refunded (settled) of one sub-order. */
  succeededOfSubOrder: `SELECT COALESCE(SUM(r.amount), 0)::integer AS amount FROM refunds r
                         WHERE r.sub_order_id = $1 AND r.status = 'SUCCEEDED'`,
  /** PENDING → SUCCEEDED/FAILED; answers the row only for the call that moved it. */
  settle: `UPDATE refunds r SET status = $2, provider_ref = COALESCE($3, r.provider_ref), updated_at = now()
            WHERE r.id = $1 AND r.status = 'PENDING'
        RETURNING ${REFUND_COLUMNS}`,
  /** The PENDING refunds of a payment (a provider event about it may settle them). */
  pendingOfPayment: `SELECT r.id FROM refunds r WHERE r.payment_id = $1 AND r.status = 'PENDING' ORDER BY r.created_at, r.id LIMIT 100`,
  pending: `SELECT r.id FROM refunds r WHERE r.status = 'PENDING' AND r.created_at <= now() - interval '10 minutes'
             ORDER BY r.created_at, r.id LIMIT $1`,
} as const;

/** refunds: one row per refund of (part of) a sub-order; its id is the provider idempotency key. */
@Injectable()
export class RefundRepository {
  constructor(private readonly db: Db) {}

  async insert(r: {
    paymentId: string;
    subOrderId: string;
    amount: number;
    currency: string;
    reason: string;
  }): Promise<RefundRow> {
    const [row] = await this.db.query<RefundRow>(REFUND_SQL.insert, [
      r.paymentId,
      r.subOrderId,
      r.amount,
      r.currency,
      r.reason,
    ]);
    return row;
  }

  async succeededOfSubOrder(subOrderId: string): Promise<number> {
    const [row] = await this.db.query<{ amount: number }>(REFUND_SQL.succeededOfSubOrder, [subOrderId]);
    return row?.amount ?? 0;
  }

  async byId(id: string): Promise<RefundRow | undefined> {
    const [row] = await this.db.query<RefundRow>(REFUND_SQL.byId, [id]);
    return row;
  }

  async committedBySubOrders(subOrderIds: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.db.query<{ subOrderId: string; amount: number }>(
      REFUND_SQL.committedBySubOrders,
      [subOrderIds],
    );
    return new Map(rows.map((r) => [r.subOrderId, r.amount]));
  }

  async settle(
    id: string,
    status: 'SUCCEEDED' | 'FAILED',
    providerRef: string | null,
  ): Promise<RefundRow | undefined> {
    const [row] = await this.db.query<RefundRow>(REFUND_SQL.settle, [id, status, providerRef]);
    return row;
  }

  async pendingOfPayment(paymentId: string): Promise<string[]> {
    return (await this.db.query<{ id: string }>(REFUND_SQL.pendingOfPayment, [paymentId])).map((r) => r.id);
  }

  async pending(limit: number): Promise<string[]> {
    return (await this.db.query<{ id: string }>(REFUND_SQL.pending, [limit])).map((r) => r.id);
  }
}
