import { Injectable } from '@nestjs/common';
import { Db, type LanguageCode } from '@taawoun/core';

/** What every order e-mail says about the order and its buyer. */
export interface OrderMailHeaderRow {
  id: string;
  number: string;
  email: string;
  language: LanguageCode;
  status: string;
  paymentMethod: 'CARD' | 'CASH_ON_DELIVERY';
  /** The name on the shipping address. */
  fullName: string;
  city: string;
  totalAmount: number;
  currency: string;
}

/** One line of a sub-order, as e-mails show it. */
export interface OrderMailLineRow {
  productName: string;
  sku: string;
  quantity: number;
  unitPriceAmount: number;
  lineTotalAmount: number;
}

/** A sub-order with its cooperative's name and its lines. */
export interface OrderMailPartRow {
  id: string;
  cooperativeId: string;
  cooperativeName: string;
  status: string;
  subtotalAmount: number;
  shippingFeeAmount: number;
  totalAmount: number;
  commissionAmount: number;
  currency: string;
  carrier: string | null;
  trackingNumber: string | null;
  lines: OrderMailLineRow[];
}

/** An owner or manager of a cooperative, who receives its order e-mails. */
export interface CooperativeRecipientRow {
  cooperativeId: string;
  email: string;
  language: LanguageCode;
}

export const ORDER_MAIL_SQL = {
  /** The order by its id ($1), or the order of a sub-order ($2). */
  header: `SELECT o.id, o.number, o.email, o.language, o.status, o.payment_method AS "paymentMethod",
                  o.shipping_address->>'fullName' AS "fullName", o.shipping_address->>'city' AS city,
                  o.total_amount AS "totalAmount", o.currency
             FROM orders o
            WHERE o.id = coalesce($1::uuid, (SELECT s.order_id FROM sub_orders s WHERE s.id = $2::uuid))`,
  parts: `SELECT s.id, s.cooperative_id AS "cooperativeId", c.name AS "cooperativeName", s.status,
                 s.subtotal_amount AS "subtotalAmount", s.shipping_fee_amount AS "shippingFeeAmount",
                 s.total_amount AS "totalAmount", s.commission_amount AS "commissionAmount", s.currency,
                 s.carrier, s.tracking_number AS "trackingNumber",
                 coalesce(json_agg(json_build_object(
                   'productName', l.product_name, 'sku', l.sku, 'quantity', l.quantity,
                   'unitPriceAmount', l.unit_price_amount, 'lineTotalAmount', l.line_total_amount)
                   ORDER BY l.sku, l.id) FILTER (WHERE l.id IS NOT NULL), '[]'::json) AS lines
            FROM sub_orders s
            JOIN cooperatives c ON c.id = s.cooperative_id
            LEFT JOIN order_lines l ON l.sub_order_id = s.id
           WHERE s.order_id = $1
           GROUP BY s.id, c.name
           ORDER BY c.name, s.id`,
  /**
   * Reads the cooperatives lib's memberships and identity's users (as the catalog's certificate
   * reminders do): the owners and managers of the cooperatives, with their language.
   */
  recipients: `SELECT m.cooperative_id AS "cooperativeId", u.email::text AS email, u.preferred_language AS language
                 FROM cooperative_memberships m
                 JOIN users u ON u.id = m.user_id
                WHERE m.cooperative_id = ANY($1::uuid[]) AND m.role IN ('OWNER', 'MANAGER')
                ORDER BY m.cooperative_id, u.email`,
} as const;

/** The reads behind the order e-mails. Run in the caller's transaction. */
@Injectable()
export class OrderMailRepository {
  constructor(private readonly db: Db) {}

  async header(ref: { orderId: string } | { subOrderId: string }): Promise<OrderMailHeaderRow | undefined> {
    const [row] = await this.db.query<OrderMailHeaderRow>(ORDER_MAIL_SQL.header, [
      'orderId' in ref ? ref.orderId : null,
      'subOrderId' in ref ? ref.subOrderId : null,
    ]);
    return row;
  }

  parts(orderId: string): Promise<OrderMailPartRow[]> {
    return this.db.query<OrderMailPartRow>(ORDER_MAIL_SQL.parts, [orderId]);
  }

  recipients(cooperativeIds: readonly string[]): Promise<CooperativeRecipientRow[]> {
    if (cooperativeIds.length === 0) return Promise.resolve([]);
    return this.db.query<CooperativeRecipientRow>(ORDER_MAIL_SQL.recipients, [cooperativeIds]);
  }
}
