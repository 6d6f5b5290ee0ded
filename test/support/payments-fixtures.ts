import { Jobs } from '@taawoun/core';
import { grantPlatformRole, signUp, type TestUser } from './actors.js';
import { cartWith, checkoutOk, purchasableProduct } from './orders-fixtures.js';
import { StripeTestServer } from './stripe-server/index.js';
import { startTestApi, type TestApi } from './test-api.js';

/** An API paying through the local Stripe-compatible server (webhooks delivered on demand), and an admin. */
export interface PaymentsApi {
  t: TestApi;
  stripe: StripeTestServer;
  admin: TestUser;
}

export async function startPaymentsApi(): Promise<PaymentsApi> {
  const stripe = await StripeTestServer.start({ webhookMode: 'manual' });
  const t = await startTestApi({ ...stripe.env(), SHIPPING_FLAT_FEE_CENTIMES: '3000' });
  stripe.setWebhookUrl(`${t.url}/webhooks/stripe`);
  const admin = await signUp(t, { fullName: 'Admin' });
  await grantPlatformRole(t, admin.id, 'ADMIN');
  return { t, stripe, admin };
}

export async function closePaymentsApi({ t, stripe }: Pick<PaymentsApi, 't' | 'stripe'>): Promise<void> {
  await t.close();
  await stripe.close();
}

export const REFUND_SUB_ORDER = `mutation($id: ID!, $amount: Int, $reason: String!) {
  refundSubOrder(id: $id, amount: $amount, reason: $reason) { id status } }`;

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
