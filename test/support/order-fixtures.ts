import { StockService } from '@taawoun/catalog';
import { Db } from '@taawoun/core';
import { newProduct } from './factories.js';
import type { TestApi } from './test-api.js';

export interface PlacedSubOrder {
  id: string;
  cooperativeId: string;
}

export interface PlacedOrder {
  id: string;
  number: string;
  subOrders: PlacedSubOrder[];
  /** The sub-order of a cooperative. */
  of(cooperativeId: string): string;
}

/** A published product of `cooperativeId` with one variant of `stock` units; answers the variant id. */
export async function newVariant(
  t: TestApi,
  cooperativeId: string,
  options: { stock?: number; price?: number } = {},
): Promise<string> {
  const product = await newProduct(t, cooperativeId, {
    variants: [{ stock: options.stock ?? 10, price: options.price ?? 8000 }],
  });
  const [row] = await t.sql<{ id: string }>(`SELECT id FROM product_variants WHERE sku = $1`, [
    product.variantSkus[0],
  ]);
  return row.id;
}

export async function stockOf(t: TestApi, variantId: string): Promise<number> {
  const [row] = await t.sql<{ stock: number }>(`SELECT stock FROM product_variants WHERE id = $1`, [
    variantId,
  ]);
  return row.stock;
}

/**
 * An order as checkout leaves it: the stock taken through catalog's StockService and the order,
 * one sub-order per cooperative and the snapshotted lines written in the same transaction
 * (COD: PLACED / AWAITING_FULFILMENT; CARD: PENDING_PAYMENT). Checkout itself is tested by its
 * own suite; fulfilment starts from the rows it writes.
 */
export async function placeOrder(
  t: TestApi,
  options: {
    lines: { variantId: string; quantity: number }[];
    userId?: string | null;
    email?: string;
    language?: 'fr' | 'ar' | 'en';
    paymentMethod?: 'CARD' | 'CASH_ON_DELIVERY';
    city?: string;
  },
): Promise<PlacedOrder> {
  const db = t.api.app.get(Db);
  const stock = t.api.app.get(StockService);
  const card = options.paymentMethod === 'CARD';
  return db.transaction(async () => {
    await stock.take(options.lines, 'test checkout');
    const variants = await db.query<{ id: string; cooperativeId: string; sku: string; price: number }>(
      `SELECT id, cooperative_id AS "cooperativeId", sku, price_amount AS price FROM product_variants
        WHERE id = ANY($1::uuid[])`,
      [options.lines.map((l) => l.variantId)],
    );
    const byId = new Map(variants.map((v) => [v.id, v]));
    const groups = new Map<string, { variantId: string; quantity: number; sku: string; price: number }[]>();
    for (const line of options.lines) {
      const v = byId.get(line.variantId)!;
      groups.set(v.cooperativeId, [
        ...(groups.get(v.cooperativeId) ?? []),
        { ...line, sku: v.sku, price: v.price },
      ]);
    }
    const fee = 3000;
    const subtotals = [...groups.values()].map((ls) => ls.reduce((s, l) => s + l.price * l.quantity, 0));
    const subtotal = subtotals.reduce((a, b) => a + b, 0);
    const shipping = fee * groups.size;
    const [order] = await db.query<{ id: string; number: string }>(
      `INSERT INTO orders (number, user_id, email, language, status, payment_method, shipping_address,
                           subtotal_amount, shipping_amount, total_amount)
       VALUES ('TW-T-' || lpad(nextval('order_number_seq')::text, 6, '0'), $1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9)
       RETURNING id, number`,
      [
        options.userId ?? null,
        options.email ?? 'buyer@example.ma',
        options.language ?? 'fr',
        card ? 'PENDING_PAYMENT' : 'PLACED',
        card ? 'CARD' : 'CASH_ON_DELIVERY',
        JSON.stringify({
          fullName: 'Amina Buyer',
          phone: '+212600000001',
          line1: '1 rue des Oliviers',
          line2: null,
          city: options.city ?? 'Agadir',
          provinceCode: null,
          postalCode: null,
          countryCode: 'MA',
        }),
        subtotal,
        shipping,
        subtotal + shipping,
      ],
    );
    const subOrders: PlacedSubOrder[] = [];
    let i = 0;
    for (const [cooperativeId, lines] of groups) {
      const sub = subtotals[i++];
      const [row] = await db.query<{ id: string }>(
        `INSERT INTO sub_orders (order_id, cooperative_id, status, subtotal_amount, shipping_fee_amount,
                                 total_amount, commission_rate_bps, commission_amount)
         VALUES ($1, $2, $3, $4, $5, $6, 500, $7) RETURNING id`,
        [
          order.id,
          cooperativeId,
          card ? 'PENDING_PAYMENT' : 'AWAITING_FULFILMENT',
          sub,
          fee,
          sub + fee,
          Math.round(sub * 0.05),
        ],
      );
      for (const line of lines)
        await db.query(
          `INSERT INTO order_lines (sub_order_id, variant_id, product_name, sku, quantity, unit_price_amount,
                                    line_total_amount)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [
            row.id,
            line.variantId,
            `Miel ${line.sku}`,
            line.sku,
            line.quantity,
            line.price,
            line.price * line.quantity,
          ],
        );
      subOrders.push({ id: row.id, cooperativeId });
    }
    return {
      id: order.id,
      number: order.number,
      subOrders,
      of(cooperativeId: string) {
        const found = subOrders.find((s) => s.cooperativeId === cooperativeId);
        if (!found) throw new Error(`no sub-order of ${cooperativeId}`);
        return found.id;
      },
    };
  });
}
