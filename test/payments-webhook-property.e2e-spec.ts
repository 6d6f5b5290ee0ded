import fc from 'fast-check';
import { Jobs } from '@taawoun/core';
import { STRIPE_EVENT_JOB } from '@taawoun/payments';
import { cardOrder, ledgerOf } from './support/payments-fixtures.js';
import { StripeTestServer } from './support/stripe-server/index.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/**
 * Stripe delivers at least once and in any order: a declined attempt then a successful one,
 * every event delivered 5 times in a random order (some runs all at once), their jobs applied in
 * that order (some runs concurrently, each job twice) give the same final state as one in-order
 * delivery: the order placed once, one set of ledger entries, the payment and attempt SUCCEEDED.
 */
/** A deterministic [0, 1) generator from a seed (mulberry32), so fast-check can replay a failing order. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

let t: TestApi;
let stripe: StripeTestServer;

beforeAll(async () => {
  stripe = await StripeTestServer.start({ webhookMode: 'manual' });
  t = await startTestApi({ ...stripe.env(), SHIPPING_FLAT_FEE_CENTIMES: '3000' });
  stripe.setWebhookUrl(`${t.url}/webhooks/stripe`);
});
afterAll(async () => {
  await t.close();
  await stripe.close();
});

it('duplicated and reordered deliveries end in the state of one in-order delivery', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.record({ seed: fc.integer(), concurrentDelivery: fc.boolean(), concurrentJobs: fc.boolean() }),
      async ({ seed, concurrentDelivery, concurrentJobs }) => {
        const { result, intentId } = await cardOrder(t, { quantity: 1 });
        await stripe.failPaymentIntent(intentId);
        await stripe.succeedPaymentIntent(intentId);
        const random = seeded(seed);
        const deliveries = await stripe.deliverPending({
          times: 5,
          order: 'shuffled',
          random,
          concurrent: concurrentDelivery,
        });
        expect(deliveries.every((d) => d.status === 200)).toBe(true);

        const jobs = await t.sql<{ id: string; eventId: string }>(
          `SELECT id, data->>'eventId' AS "eventId" FROM pgboss.job WHERE name = $1 AND state = 'created' ORDER BY created_on`,
          [STRIPE_EVENT_JOB],
        );
        expect(jobs).toHaveLength(2); // one per event, whatever the deliveries
        const run = (eventId: string) => t.api.app.get(Jobs).runNow(STRIPE_EVENT_JOB, { eventId });
        if (concurrentJobs) await Promise.all(jobs.flatMap((j) => [run(j.eventId), run(j.eventId)]));
        else for (const j of jobs) for (let i = 0; i < 2; i++) await run(j.eventId);
        await t.sql(`UPDATE pgboss.job SET state = 'completed' WHERE id = ANY($1::uuid[])`, [
          jobs.map((j) => j.id),
        ]);

        const [order] = await t.sql<{ status: string }>(`SELECT status FROM orders WHERE id = $1`, [
          result.order.id,
        ]);
        expect(order.status).toBe('PLACED');
        const ledger = await ledgerOf(t, result.order.id);
        const expected = result.order.subOrders.flatMap((s) =>
          [
            { type: 'COMMISSION', amount: -s.commission.amount, subOrderId: s.id },
            { type: 'SALE', amount: s.subtotal.amount, subOrderId: s.id },
            { type: 'SHIPPING', amount: s.shippingFee.amount, subOrderId: s.id },
          ].filter((e) => e.amount !== 0),
        );
        expect(ledger).toHaveLength(expected.length);
        expect(ledger).toEqual(expect.arrayContaining(expected));
        expect(
          await t.sql(
            `SELECT p.status, a.status AS attempt FROM payments p JOIN payment_attempts a ON a.payment_id = p.id
              WHERE p.order_id = $1`,
            [result.order.id],
          ),
        ).toEqual([{ status: 'SUCCEEDED', attempt: 'SUCCEEDED' }]);
        // Each cooperative member was told once.
        const repeated = await t.sql(
          `SELECT to_address FROM email_outbox WHERE template = 'order-received' AND params->>'orderNumber' = $1
            GROUP BY to_address HAVING count(*) > 1`,
          [result.order.number],
        );
        expect(repeated).toEqual([]);
        // The buyer's receipt, once.
        expect(
          await t.sql(
            `SELECT to_address FROM email_outbox WHERE template = 'payment-received' AND params->>'orderNumber' = $1`,
            [result.order.number],
          ),
        ).toEqual([{ to_address: result.order.email }]);
      },
    ),
    { numRuns: 12 },
  );
});

it('two API processes on one database taking the same flood of deliveries and jobs: the same final state', async () => {
  const second = await startTestApi(stripe.env(), t.databaseUrl);
  try {
    const orders = await Promise.all([cardOrder(t, { quantity: 1 }), cardOrder(t, { quantity: 1 })]);
    for (const o of orders) {
      await stripe.failPaymentIntent(o.intentId);
      await stripe.succeedPaymentIntent(o.intentId);
    }
    const events = stripe.pendingEvents();
    // Every event to both processes, 3 times each, all at once.
    const deliveries = await Promise.all(
      [t.url, second.url].flatMap((base) =>
        [0, 1, 2].flatMap(() => events.map((e) => stripe.deliver(e, { url: `${base}/webhooks/stripe` }))),
      ),
    );
    expect(deliveries.every((d) => d.status === 200)).toBe(true);
    const jobs = await t.sql<{ id: string; eventId: string }>(
      `SELECT id, data->>'eventId' AS "eventId" FROM pgboss.job WHERE name = $1 AND state = 'created'`,
      [STRIPE_EVENT_JOB],
    );
    expect(jobs).toHaveLength(events.length);
    // Both processes run every job, concurrently.
    await Promise.all(
      [t, second].flatMap((api) =>
        jobs.map((j) => api.api.app.get(Jobs).runNow(STRIPE_EVENT_JOB, { eventId: j.eventId })),
      ),
    );
    await t.sql(`UPDATE pgboss.job SET state = 'completed' WHERE id = ANY($1::uuid[])`, [
      jobs.map((j) => j.id),
    ]);
    for (const { result } of orders) {
      expect(await t.sql(`SELECT status FROM orders WHERE id = $1`, [result.order.id])).toEqual([
        { status: 'PLACED' },
      ]);
      const expected = result.order.subOrders.flatMap((s) =>
        [s.subtotal.amount, s.shippingFee.amount, s.commission.amount].filter((a) => a !== 0),
      );
      expect(await ledgerOf(t, result.order.id)).toHaveLength(expected.length);
    }
  } finally {
    await second.close();
  }
});
