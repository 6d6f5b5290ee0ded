import { Injectable } from '@nestjs/common';
import { Db, keysetAfter, keysetOrderBy, type KeysetColumn } from '@taawoun/core';
import { SUB_ORDER_COLUMNS, type SubOrderRow } from '../orders/order.repository.js';
import { subOrderVisibleSql } from '../orders/sub-order-visibility.js';
import type { SubOrderState } from './order-state.js';

/** An order locked for a transition: who bought it and how it is paid. */
export interface LockedOrderRow {
  id: string;
  number: string;
  userId: string | null;
  status: string;
  paymentMethod: string;
  /** Whole minutes since checkout (for the card hold). */
  ageMinutes: number;
}

/** A sub-order's id, cooperative and state (before or after a move). */
export interface SubOrderStateRow {
  id: string;
  cooperativeId: string;
  status: SubOrderState;
}

/** Units a cancelled sub-order held, to return to stock. */
export interface HeldLineRow {
  variantId: string;
  quantity: number;
}

/** The ordering of a cooperative's sub-orders: newest first, id breaking ties. */
export const COOPERATIVE_ORDERS_KEYSET: readonly KeysetColumn[] = [
  { expr: 's.created_at', direction: 'DESC' },
  { expr: 's.id', direction: 'DESC' },
];

const LOCKED_ORDER_COLUMNS = `o.id, o.number, o.user_id AS "userId", o.status, o.payment_method AS "paymentMethod",
  floor(extract(epoch FROM now() - o.created_at) / 60)::int AS "ageMinutes"`;

/** $1 cooperative, $2 status or null, $3..$5 the caller's visibility, $6 limit, $7..$8 the cursor. */
function cooperativeOrdersPage(withCursor: boolean): string {
  return `SELECT ${SUB_ORDER_COLUMNS}, s.created_at::text AS "cursorAt" FROM sub_orders s
           WHERE s.cooperative_id = $1 AND ($2::varchar IS NULL OR s.status = $2) AND ${subOrderVisibleSql(3)}
             ${withCursor ? `AND ${keysetAfter(COOPERATIVE_ORDERS_KEYSET, 7)}` : ''}
           ORDER BY ${keysetOrderBy(COOPERATIVE_ORDERS_KEYSET)} LIMIT $6`;
}

/**
 * The statements of fulfilment. Every transition is ONE conditional UPDATE whose WHERE names the
 * states it may leave ($n::varchar[] from order-state.ts), so the database decides a race: the
 * statement answers the rows it moved, and only those get their effects (restock, e-mails).
 * Callers lock the order row first ({@link FULFILMENT_SQL.lockOrder}): every move of an order's
 * sub-orders is then serialized per order, and the order's derived status is recomputed from
 * states nobody else is changing.
 */
export const FULFILMENT_SQL = {
  lockOrder: `SELECT ${LOCKED_ORDER_COLUMNS} FROM orders o WHERE o.id = $1 FOR UPDATE`,
  lockOrderOfSubOrder: `SELECT ${LOCKED_ORDER_COLUMNS} FROM orders o
                         WHERE o.id = (SELECT s.order_id FROM sub_orders s WHERE s.id = $1) FOR UPDATE`,
  cooperativeOfSubOrder: `SELECT s.cooperative_id AS "cooperativeId" FROM sub_orders s WHERE s.id = $1`,
  statesOfOrder: `SELECT s.id, s.cooperative_id AS "cooperativeId", s.status FROM sub_orders s
                   WHERE s.order_id = $1 ORDER BY s.id`,
  ship: `UPDATE sub_orders s SET status = 'SHIPPED', carrier = $3, tracking_number = $4, shipped_at = now(),
                updated_at = now()
          WHERE s.id = $1 AND s.status = ANY($2::varchar[])
      RETURNING ${SUB_ORDER_COLUMNS}`,
  deliver: `UPDATE sub_orders s SET status = 'DELIVERED', delivered_at = now(), updated_at = now()
             WHERE s.id = $1 AND s.status = ANY($2::varchar[])
         RETURNING ${SUB_ORDER_COLUMNS}`,
  /** Refunds returned the whole of a paid part: it leaves the states of $2 (order-state.ts) for REFUNDED. */
  refund: `UPDATE sub_orders s SET status = 'REFUNDED', updated_at = now()
            WHERE s.id = $1 AND s.status = ANY($2::varchar[])
        RETURNING ${SUB_ORDER_COLUMNS}`,
  /** The payment of a CARD order arrived: every part still waiting for it goes to fulfilment. */
  pay: `UPDATE sub_orders s SET status = 'AWAITING_FULFILMENT', updated_at = now()
         WHERE s.order_id = $1 AND s.status = 'PENDING_PAYMENT'
     RETURNING ${SUB_ORDER_COLUMNS}`,
  subOrder: `SELECT ${SUB_ORDER_COLUMNS} FROM sub_orders s WHERE s.id = $1`,
  /** Every sub-order of an order (ledger effects of its payment). */
  subOrdersOfOrder: `SELECT ${SUB_ORDER_COLUMNS} FROM sub_orders s WHERE s.order_id = $1 ORDER BY s.id`,
  /** Cancels one sub-order if it is in a state ($2) that may be cancelled. */
  cancelSubOrder: `UPDATE sub_orders s SET status = 'CANCELLED', cancelled_at = now(), cancel_reason = $3,
                          updated_at = now()
                    WHERE s.id = $1 AND s.status = ANY($2::varchar[])
                RETURNING ${SUB_ORDER_COLUMNS}`,
  /**
   * Cancels every sub-order of an order in a state ($2) that may be cancelled, unless ($4 false)
   * some other sub-order has gone past those states (shipped, delivered, refunded): the buyer's
   * "before any shipment" rule, checked by the statement that cancels.
   */
  cancelOfOrder: `UPDATE sub_orders s SET status = 'CANCELLED', cancelled_at = now(), cancel_reason = $3,
                         updated_at = now()
                   WHERE s.order_id = $1 AND s.status = ANY($2::varchar[])
                     AND ($4::boolean OR NOT EXISTS (
                           SELECT 1 FROM sub_orders x
                            WHERE x.order_id = $1 AND x.status <> 'CANCELLED' AND x.status <> ALL($2::varchar[])))
               RETURNING ${SUB_ORDER_COLUMNS}`,
  heldLines: `SELECT l.variant_id AS "variantId", l.quantity FROM order_lines l
               WHERE l.sub_order_id = ANY($1::uuid[]) ORDER BY l.variant_id`,
  setOrderStatus: `UPDATE orders SET status = $2, updated_at = now(),
                          cancelled_at = CASE WHEN $2 = 'CANCELLED' THEN now() ELSE cancelled_at END,
                          cancel_reason = CASE WHEN $2 = 'CANCELLED' THEN $3 ELSE cancel_reason END
                    WHERE id = $1 AND status <> $2`,
  /** CARD orders still waiting for payment past the hold (a sweep behind the per-order job). */
  expiredHolds: `SELECT o.id FROM orders o
                  WHERE o.status = 'PENDING_PAYMENT' AND o.created_at <= now() - make_interval(mins => $1)
                  ORDER BY o.created_at, o.id LIMIT $2`,
  /** A page of a cooperative's sub-orders (optionally of one status), newest first; `cursorAt` feeds the next cursor. */
  pageOfCooperative: cooperativeOrdersPage(false),
  /** The same, strictly after the cursor ($4 created_at, $5 id). */
  pageOfCooperativeAfter: cooperativeOrdersPage(true),
  countOfCooperative: `SELECT count(*)::int AS count FROM sub_orders s
                        WHERE s.cooperative_id = $1 AND ($2::varchar IS NULL OR s.status = $2)
                          AND ${subOrderVisibleSql(3)}`,
} as const;

/** Every statement of fulfilment on `orders`, `sub_orders` and `order_lines`. */
@Injectable()
export class FulfilmentRepository {
  constructor(private readonly db: Db) {}

  /** Locks an order for a transition of its sub-orders; undefined when it does not exist. */
  async lockOrder(orderId: string): Promise<LockedOrderRow | undefined> {
    const [row] = await this.db.query<LockedOrderRow>(FULFILMENT_SQL.lockOrder, [orderId]);
    return row;
  }

  /** Locks the order of a sub-order; undefined when the sub-order does not exist. */
  async lockOrderOfSubOrder(subOrderId: string): Promise<LockedOrderRow | undefined> {
    const [row] = await this.db.query<LockedOrderRow>(FULFILMENT_SQL.lockOrderOfSubOrder, [subOrderId]);
    return row;
  }

  /** The cooperative a sub-order belongs to (the policy scope 'subOrder'). */
  async cooperativeOfSubOrder(subOrderId: string): Promise<string | null> {
    const [row] = await this.db.query<{ cooperativeId: string }>(FULFILMENT_SQL.cooperativeOfSubOrder, [
      subOrderId,
    ]);
    return row?.cooperativeId ?? null;
  }

  statesOfOrder(orderId: string): Promise<SubOrderStateRow[]> {
    return this.db.query<SubOrderStateRow>(FULFILMENT_SQL.statesOfOrder, [orderId]);
  }

  async ship(
    subOrderId: string,
    from: readonly SubOrderState[],
    carrier: string,
    trackingNumber: string,
  ): Promise<SubOrderRow | undefined> {
    const [row] = await this.db.query<SubOrderRow>(FULFILMENT_SQL.ship, [
      subOrderId,
      from,
      carrier,
      trackingNumber,
    ]);
    return row;
  }

  async deliver(subOrderId: string, from: readonly SubOrderState[]): Promise<SubOrderRow | undefined> {
    const [row] = await this.db.query<SubOrderRow>(FULFILMENT_SQL.deliver, [subOrderId, from]);
    return row;
  }

  /** See {@link FULFILMENT_SQL.refund}; answers the row only when it moved. */
  async refund(subOrderId: string, from: readonly SubOrderState[]): Promise<SubOrderRow | undefined> {
    const [row] = await this.db.query<SubOrderRow>(FULFILMENT_SQL.refund, [subOrderId, from]);
    return row;
  }

  /** See {@link FULFILMENT_SQL.pay}; answers the sub-orders it moved. */
  async pay(orderId: string): Promise<SubOrderRow[]> {
    return this.db.query<SubOrderRow>(FULFILMENT_SQL.pay, [orderId]);
  }

  async subOrder(id: string): Promise<SubOrderRow | undefined> {
    const [row] = await this.db.query<SubOrderRow>(FULFILMENT_SQL.subOrder, [id]);
    return row;
  }

  async subOrdersOfOrder(orderId: string): Promise<SubOrderRow[]> {
    return this.db.query<SubOrderRow>(FULFILMENT_SQL.subOrdersOfOrder, [orderId]);
  }

  async cancelSubOrder(
    subOrderId: string,
    from: readonly SubOrderState[],
    reason: string | null,
  ): Promise<SubOrderRow | undefined> {
    const [row] = await this.db.query<SubOrderRow>(FULFILMENT_SQL.cancelSubOrder, [subOrderId, from, reason]);
    return row;
  }

  /** See {@link FULFILMENT_SQL.cancelOfOrder}; answers the sub-orders it cancelled. */
  cancelOfOrder(
    orderId: string,
    from: readonly SubOrderState[],
    reason: string | null,
    evenAfterShipment: boolean,
  ): Promise<SubOrderRow[]> {
    return this.db.query<SubOrderRow>(FULFILMENT_SQL.cancelOfOrder, [
      orderId,
      from,
      reason,
      evenAfterShipment,
    ]);
  }

  heldLines(subOrderIds: readonly string[]): Promise<HeldLineRow[]> {
    return this.db.query<HeldLineRow>(FULFILMENT_SQL.heldLines, [subOrderIds]);
  }

  /** Stores the order's derived status when it changed; answers whether it did. */
  async setOrderStatus(orderId: string, status: string, cancelReason: string | null): Promise<boolean> {
    return (await this.db.execute(FULFILMENT_SQL.setOrderStatus, [orderId, status, cancelReason])) > 0;
  }

  async expiredHolds(holdMinutes: number, limit: number): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(FULFILMENT_SQL.expiredHolds, [holdMinutes, limit]);
    return rows.map((r) => r.id);
  }

  /** One page of a cooperative's sub-orders, newest first, `size + 1` rows after the cursor. */
  pageOfCooperative(
    cooperativeId: string,
    status: SubOrderState | null,
    visibility: readonly unknown[],
    after: readonly [string, string] | null,
    size: number,
  ): Promise<(SubOrderRow & { cursorAt: string })[]> {
    return this.db.query(after ? FULFILMENT_SQL.pageOfCooperativeAfter : FULFILMENT_SQL.pageOfCooperative, [
      cooperativeId,
      status,
      ...visibility,
      size + 1,
      ...(after ?? []),
    ]);
  }

  async countOfCooperative(
    cooperativeId: string,
    status: SubOrderState | null,
    visibility: readonly unknown[],
  ): Promise<number> {
    const [row] = await this.db.query<{ count: number }>(FULFILMENT_SQL.countOfCooperative, [
      cooperativeId,
      status,
      ...visibility,
    ]);
    return row.count;
  }
}
