import { Injectable } from '@nestjs/common';
import { Db } from '@taawoun/core';
import type { AddressValue } from '../orders/order.entity.js';

/** A sub-order to create, with its amounts already computed (centimes). */
export interface NewSubOrder {
  cooperativeId: string;
  subtotal: number;
  shippingFee: number;
  commissionRateBps: number;
  commission: number;
}

/** A line to create under its cooperative's sub-order, with its snapshots. */
export interface NewOrderLine {
  cooperativeId: string;
  variantId: string;
  productName: string;
  sku: string;
  quantity: number;
  unitPrice: number;
}

export interface NewOrder {
  userId: string | null;
  email: string;
  language: string;
  status: string;
  subOrderStatus: string;
  paymentMethod: string;
  shippingAddress: AddressValue;
  subtotal: number;
  shipping: number;
  guestTokenHash: Buffer | null;
  subOrders: readonly NewSubOrder[];
  lines: readonly NewOrderLine[];
}

export interface CreatedOrderRow {
  id: string;
  number: string;
}

export const CHECKOUT_SQL = {
  /**
   * The order, its sub-orders and lines in ONE statement whatever their number. The number is
   * `TW-<year in Morocco>-<sequence>`, six digits at least (never truncated past 999999).
   */
  createOrder: `WITH seq AS (SELECT nextval('order_number_seq') AS n),
       o AS (
         INSERT INTO orders (number, user_id, email, language, status, payment_method, shipping_address,
                             subtotal_amount, shipping_amount, total_amount, guest_token_hash)
         SELECT 'TW-' || to_char(now() AT TIME ZONE 'Africa/Casablanca', 'YYYY') || '-'
                  || lpad(seq.n::text, GREATEST(6, length(seq.n::text)), '0'),
                $1::uuid, $2, $3, $4, $5, $6::jsonb, $7::int, $8::int, $7::int + $8::int, $9::bytea
           FROM seq
         RETURNING id, number),
       s AS (
         INSERT INTO sub_orders (order_id, cooperative_id, status, subtotal_amount, shipping_fee_amount, total_amount,
                                 commission_rate_bps, commission_amount)
         SELECT o.id, x."cooperativeId", $10, x.subtotal, x."shippingFee", x.subtotal + x."shippingFee",
                x."commissionRateBps", x.commission
           FROM o, jsonb_to_recordset($11::jsonb)
                AS x("cooperativeId" uuid, subtotal int, "shippingFee" int, "commissionRateBps" int, commission int)
         RETURNING id, cooperative_id),
       l AS (
         INSERT INTO order_lines (sub_order_id, variant_id, product_name, sku, quantity, unit_price_amount,
                                  line_total_amount)
         SELECT s.id, x."variantId", x."productName", x.sku, x.quantity, x."unitPrice", x."unitPrice" * x.quantity
           FROM jsonb_to_recordset($12::jsonb)
                AS x("cooperativeId" uuid, "variantId" uuid, "productName" text, sku text, quantity int, "unitPrice" int)
           JOIN s ON s.cooperative_id = x."cooperativeId")
     SELECT id, number FROM o`,
  emailOf: `SELECT email FROM orders WHERE id = $1::uuid`,
} as const;

/** The statements of a checkout that write orders, sub-orders and their lines. */
@Injectable()
export class CheckoutRepository {
  constructor(private readonly db: Db) {}

  async createOrder(order: NewOrder): Promise<CreatedOrderRow> {
    const [row] = await this.db.query<CreatedOrderRow>(CHECKOUT_SQL.createOrder, [
      order.userId,
      order.email,
      order.language,
      order.status,
      order.paymentMethod,
      JSON.stringify(order.shippingAddress),
      order.subtotal,
      order.shipping,
      order.guestTokenHash,
      order.subOrderStatus,
      JSON.stringify(order.subOrders),
      JSON.stringify(order.lines),
    ]);
    return row;
  }

  async emailOf(orderId: string): Promise<string | null> {
    const [row] = await this.db.query<{ email: string }>(CHECKOUT_SQL.emailOf, [orderId]);
    return row?.email ?? null;
  }
}
