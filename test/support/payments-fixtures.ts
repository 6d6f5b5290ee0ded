import { Jobs } from '@taawoun/core';
import { cartWith, checkoutOk, purchasableProduct } from './orders-fixtures.js';
import type { TestApi } from './test-api.js';

/**
 * Runs every queued job of `name` once per queued row (RUN_JOBS is off in tests: jobs wait in
 * pg-boss) and marks the rows completed; `times` runs each one more often (a redelivered job).
 */
export async function runQueued(t: TestApi, name: string, key: string, times = 1): Promise<number> {
  const jobs = await t.sql<{ id: string; value: string }>(
    `SELECT id, data->>$2 AS value FROM pgboss.job WHERE name = $1 AND state = 'created' ORDER BY created_on`,
    [name, key],
  );
  for (const job of jobs) {
    for (let i = 0; i < times; i++) await t.api.app.get(Jobs).runNow(name, { [key]: job.value });
    await t.sql(`UPDATE pgboss.job SET state = 'completed' WHERE id = $1`, [job.id]);
  }
  return jobs.length;
}

/** A card checkout of one product of each of two new cooperatives; answers it with its PaymentIntent id. */
export async function cardOrder(t: TestApi, options: { quantity?: number } = {}) {
  const a = await purchasableProduct(t, { variants: [{ price: 8000, stock: 50 }] });
  const b = await purchasableProduct(t, { variants: [{ price: 12000, stock: 50 }] });
  const cartId = await cartWith(t, [a.variantIds[0], b.variantIds[0]], options.quantity ?? 2);
  const result = await checkoutOk(t, cartId, { paymentMethod: 'CARD' });
  const [attempt] = await t.sql<{ ref: string }>(
    `SELECT a.provider_ref AS ref FROM payment_attempts a JOIN payments p ON p.id = a.payment_id WHERE p.order_id = $1`,
    [result.order.id],
  );
  return { cartId, result, intentId: attempt.ref };
}

/** The ledger entries of an order's sub-orders, by sub-order then type. */
export function ledgerOf(t: TestApi, orderId: string) {
  return t.sql<{ type: string; amount: number; subOrderId: string }>(
    `SELECT l.type, l.amount, l.sub_order_id AS "subOrderId" FROM ledger_entries l
       JOIN sub_orders s ON s.id = l.sub_order_id WHERE s.order_id = $1 ORDER BY l.sub_order_id, l.type, l.amount`,
    [orderId],
  );
}
