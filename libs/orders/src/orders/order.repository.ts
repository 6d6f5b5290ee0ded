import { Injectable } from '@nestjs/common';
import { Db, keysetAfter, keysetOrderBy, type KeysetColumn, type LanguageCode } from '@taawoun/core';
import type { AddressValue } from './order.entity.js';
import { orderVisibility, type Bind } from './order-visibility.js';
import type { Actor } from '@taawoun/core';

/** An order as the API reads it (select it with {@link ORDER_COLUMNS}). */
export interface OrderRow {
  id: string;
  number: string;
  userId: string | null;
  email: string;
  language: LanguageCode;
  status: string;
  paymentMethod: string;
  shippingAddress: AddressValue;
  subtotalAmount: number;
  shippingAmount: number;
  totalAmount: number;
  currency: string;
  createdAt: Date;
}

export interface SubOrderRow {
  id: string;
  orderId: string;
  cooperativeId: string;
  status: string;
  subtotalAmount: number;
  shippingFeeAmount: number;
  totalAmount: number;
  commissionRateBps: number;
  commissionAmount: number;
  currency: string;
  carrier: string | null;
  trackingNumber: string | null;
  createdAt: Date;
}

export interface OrderLineRow {
  id: string;
  subOrderId: string;
  variantId: string;
  productName: string;
  sku: string;
  quantity: number;
  unitPriceAmount: number;
  lineTotalAmount: number;
  currency: string;
}

/** The columns of {@link OrderRow} over `orders` aliased `o`. */
export const ORDER_COLUMNS = `o.id, o.number, o.user_id AS "userId", o.email, o.language, o.status,
  o.payment_method AS "paymentMethod", o.shipping_address AS "shippingAddress", o.subtotal_amount AS "subtotalAmount",
  o.shipping_amount AS "shippingAmount", o.total_amount AS "totalAmount", o.currency, o.created_at AS "createdAt"`;

/** The columns of {@link SubOrderRow} over `sub_orders` aliased `s`. */
export const SUB_ORDER_COLUMNS = `s.id, s.order_id AS "orderId", s.cooperative_id AS "cooperativeId", s.status,
  s.subtotal_amount AS "subtotalAmount", s.shipping_fee_amount AS "shippingFeeAmount", s.total_amount AS "totalAmount",
  s.commission_rate_bps AS "commissionRateBps", s.commission_amount AS "commissionAmount", s.currency, s.carrier,
  s.tracking_number AS "trackingNumber", s.created_at AS "createdAt"`;

/** The columns of {@link OrderLineRow} over `order_lines` aliased `l`. */
export const ORDER_LINE_COLUMNS = `l.id, l.sub_order_id AS "subOrderId", l.variant_id AS "variantId",
  l.product_name AS "productName", l.sku, l.quantity, l.unit_price_amount AS "unitPriceAmount",
  l.line_total_amount AS "lineTotalAmount", l.currency`;

/** An order found by id or number, with what decides whether its caller may read it. */
export interface FoundOrderRow extends OrderRow {
  visible: boolean;
  guestTokenHash: Buffer | null;
}

/** An order of a buyer's list, with its keyset key (`createdAt` in PostgreSQL's text form). */
export interface OrderPageRow extends OrderRow {
  createdAtKey: string;
}

/** `myOrders`: newest first. */
export const MY_ORDERS_KEYSET: readonly KeysetColumn[] = [
  { expr: 'o.created_at', direction: 'DESC' },
  { expr: 'o.id', direction: 'DESC' },
];

export const ORDER_SQL = {
  countOfUser: `SELECT count(*)::int AS count FROM orders o WHERE o.user_id = $1::uuid`,
  byIds: `SELECT ${ORDER_COLUMNS} FROM orders o WHERE o.id = ANY($1::uuid[])`,
  subOrdersByIds: `SELECT ${SUB_ORDER_COLUMNS} FROM sub_orders s WHERE s.id = ANY($1::uuid[])`,
  subOrdersByOrders: `SELECT ${SUB_ORDER_COLUMNS} FROM sub_orders s WHERE s.order_id = ANY($1::uuid[])
                       ORDER BY s.order_id, s.cooperative_id`,
  linesBySubOrders: `SELECT ${ORDER_LINE_COLUMNS} FROM order_lines l WHERE l.sub_order_id = ANY($1::uuid[])
                      ORDER BY l.sub_order_id, l.sku, l.id`,
} as const;

/** Every read of `orders`, `sub_orders` and `order_lines`. */
@Injectable()
export class OrderRepository {
  constructor(private readonly db: Db) {}

  /** The order with this id (a UUID) or number, with `visible` for `actor` (see order-visibility.ts). */
  async find(key: { id: string } | { number: string }, actor: Actor | null): Promise<FoundOrderRow | null> {
    const params: unknown[] = ['id' in key ? key.id : key.number];
    const bind: Bind = (value) => {
      params.push(value);
      return `$${params.length}`;
    };
    const visible = orderVisibility(actor, bind);
    const [row] = await this.db.query<FoundOrderRow>(
      `SELECT ${ORDER_COLUMNS}, ${visible} AS visible, o.guest_token_hash AS "guestTokenHash"
         FROM orders o WHERE ${'id' in key ? 'o.id = $1::uuid' : 'o.number = $1'}`,
      params,
    );
    return row ?? null;
  }

  /** A page of a buyer's orders, newest first, after the keyset `after` (null: from the start). */
  pageOfUser(userId: string, after: readonly unknown[] | null, limit: number): Promise<OrderPageRow[]> {
    const params: unknown[] = [userId, limit];
    const keyset = after ? `AND ${keysetAfter(MY_ORDERS_KEYSET, 3)}` : '';
    if (after) params.push(...after);
    return this.db.query<OrderPageRow>(
      `SELECT ${ORDER_COLUMNS}, o.created_at::text AS "createdAtKey" FROM orders o
        WHERE o.user_id = $1::uuid ${keyset}
        ORDER BY ${keysetOrderBy(MY_ORDERS_KEYSET)} LIMIT $2`,
      params,
    );
  }

  async countOfUser(userId: string): Promise<number> {
    const [row] = await this.db.query<{ count: number }>(ORDER_SQL.countOfUser, [userId]);
    return row.count;
  }

  byIds(ids: readonly string[]): Promise<OrderRow[]> {
    return this.db.query<OrderRow>(ORDER_SQL.byIds, [ids]);
  }

  subOrdersByIds(ids: readonly string[]): Promise<SubOrderRow[]> {
    return this.db.query<SubOrderRow>(ORDER_SQL.subOrdersByIds, [ids]);
  }

  subOrdersByOrders(orderIds: readonly string[]): Promise<SubOrderRow[]> {
    return this.db.query<SubOrderRow>(ORDER_SQL.subOrdersByOrders, [orderIds]);
  }

  linesBySubOrders(subOrderIds: readonly string[]): Promise<OrderLineRow[]> {
    return this.db.query<OrderLineRow>(ORDER_SQL.linesBySubOrders, [subOrderIds]);
  }
}
