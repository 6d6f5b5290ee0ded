import { Injectable } from '@nestjs/common';
import { Db } from '@taawoun/core';

export interface PaymentRow {
  id: string;
  orderId: string;
  provider: string;
  method: string;
  status: string;
  amount: number;
  refundedAmount: number;
  currency: string;
}

export interface PaymentAttemptRow {
  id: string;
  paymentId: string;
  provider: string;
  providerRef: string;
  status: string;
  amount: number;
}

const PAYMENT_COLUMNS = `p.id, p.order_id AS "orderId", p.provider, p.method, p.status, p.amount,
  p.refunded_amount AS "refundedAmount", p.currency`;
const ATTEMPT_COLUMNS = `a.id, a.payment_id AS "paymentId", a.provider, a.provider_ref AS "providerRef", a.status, a.amount`;

export const PAYMENT_SQL = {
  /** The payment of a new order (once per order). */
  insert: `INSERT INTO payments (order_id, provider, method, status, amount, currency)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (order_id) DO NOTHING`,
  byId: `SELECT ${PAYMENT_COLUMNS} FROM payments p WHERE p.id = $1`,
  byOrder: `SELECT ${PAYMENT_COLUMNS} FROM payments p WHERE p.order_id = $1`,
  byOrders: `SELECT ${PAYMENT_COLUMNS} FROM payments p WHERE p.order_id = ANY($1::uuid[])`,
  /** Locks the payment of an order: refunds of its sub-orders are serialized on it. */
  lockByOrder: `SELECT ${PAYMENT_COLUMNS} FROM payments p WHERE p.order_id = $1 FOR UPDATE`,
  /** PENDING/FAILED → SUCCEEDED; answers the row only for the call that moved it. */
  markSucceeded: `UPDATE payments p SET status = 'SUCCEEDED', paid_at = now(), updated_at = now()
                   WHERE p.id = $1 AND p.status IN ('PENDING', 'FAILED', 'NOT_REQUIRED')
               RETURNING ${PAYMENT_COLUMNS}`,
  /** Adds a succeeded refund to the payment (never above its amount: the CHECK refuses). */
  addRefunded: `UPDATE payments p SET refunded_amount = p.refunded_amount + $2, updated_at = now(),
                       status = CASE WHEN p.refunded_amount + $2 >= p.amount THEN 'REFUNDED' ELSE 'PARTIALLY_REFUNDED' END
                 WHERE p.id = $1
             RETURNING ${PAYMENT_COLUMNS}`,
  insertAttempt: `INSERT INTO payment_attempts (payment_id, provider, provider_ref, idempotency_key, status, amount)
                  VALUES ($1, $2, $3, $4, 'PENDING', $5) ON CONFLICT DO NOTHING`,
  attemptByRef: `SELECT ${ATTEMPT_COLUMNS} FROM payment_attempts a WHERE a.provider = $1 AND a.provider_ref = $2`,
  /** The attempt that took the money (the one refunds go through). */
  succeededAttempt: `SELECT ${ATTEMPT_COLUMNS} FROM payment_attempts a
                      WHERE a.payment_id = $1 AND a.status = 'SUCCEEDED' ORDER BY a.updated_at DESC, a.id LIMIT 1`,
  /** An attempt's outcome; a SUCCEEDED attempt never changes again (reordered deliveries). */
  setAttemptStatus: `UPDATE payment_attempts a SET status = $3, failure_code = $4, updated_at = now()
                      WHERE a.provider = $1 AND a.provider_ref = $2 AND a.status <> 'SUCCEEDED' AND a.status <> $3`,
} as const;

/** payments and payment_attempts. */
@Injectable()
export class PaymentRepository {
  constructor(private readonly db: Db) {}

  async insert(p: {
    orderId: string;
    provider: string;
    method: string;
    status: string;
    amount: number;
    currency: string;
  }): Promise<void> {
    await this.db.execute(PAYMENT_SQL.insert, [
      p.orderId,
      p.provider,
      p.method,
      p.status,
      p.amount,
      p.currency,
    ]);
  }

  async byId(id: string): Promise<PaymentRow | undefined> {
    const [row] = await this.db.query<PaymentRow>(PAYMENT_SQL.byId, [id]);
    return row;
  }

  async byOrder(orderId: string): Promise<PaymentRow | undefined> {
    const [row] = await this.db.query<PaymentRow>(PAYMENT_SQL.byOrder, [orderId]);
    return row;
  }

  byOrders(orderIds: readonly string[]): Promise<PaymentRow[]> {
    return this.db.query<PaymentRow>(PAYMENT_SQL.byOrders, [orderIds]);
  }

  async lockByOrder(orderId: string): Promise<PaymentRow | undefined> {
    const [row] = await this.db.query<PaymentRow>(PAYMENT_SQL.lockByOrder, [orderId]);
    return row;
  }

  async markSucceeded(paymentId: string): Promise<PaymentRow | undefined> {
    const [row] = await this.db.query<PaymentRow>(PAYMENT_SQL.markSucceeded, [paymentId]);
    return row;
  }

  async addRefunded(paymentId: string, amount: number): Promise<PaymentRow | undefined> {
    const [row] = await this.db.query<PaymentRow>(PAYMENT_SQL.addRefunded, [paymentId, amount]);
    return row;
  }

  async insertAttempt(a: {
    paymentId: string;
    provider: string;
    providerRef: string;
    idempotencyKey: string;
    amount: number;
  }): Promise<void> {
    await this.db.execute(PAYMENT_SQL.insertAttempt, [
      a.paymentId,
      a.provider,
      a.providerRef,
      a.idempotencyKey,
      a.amount,
    ]);
  }

  async attemptByRef(provider: string, providerRef: string): Promise<PaymentAttemptRow | undefined> {
    const [row] = await this.db.query<PaymentAttemptRow>(PAYMENT_SQL.attemptByRef, [provider, providerRef]);
    return row;
  }

  async succeededAttempt(paymentId: string): Promise<PaymentAttemptRow | undefined> {
    const [row] = await this.db.query<PaymentAttemptRow>(PAYMENT_SQL.succeededAttempt, [paymentId]);
    return row;
  }

  async setAttemptStatus(
    provider: string,
    providerRef: string,
    status: 'SUCCEEDED' | 'FAILED',
    failureCode: string | null,
  ): Promise<boolean> {
    return (
      (await this.db.execute(PAYMENT_SQL.setAttemptStatus, [provider, providerRef, status, failureCode])) > 0
    );
  }
}
