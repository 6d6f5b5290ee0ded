import { FulfilmentService } from '@taawoun/orders';
import { PAYMENT_REFUND_JOB, STRIPE_EVENT_JOB } from '@taawoun/payments';
import { cartWith, checkout, checkoutOk, purchasableProduct } from './support/orders-fixtures.js';
import {
  cardOrder,
  closePaymentsApi,
  ledgerOf,
  runQueued,
  startPaymentsApi,
} from './support/payments-fixtures.js';
import type { StripeTestServer } from './support/stripe-server/index.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/**
 * Card payments with the real `stripe` SDK against the local Stripe-compatible server: the
 * PaymentIntent of a card checkout, the signed webhook, the job applying it, the ledger.
 */
let t: TestApi;
let stripe: StripeTestServer;

beforeAll(async () => {
  ({ t, stripe } = await startPaymentsApi());
});
afterAll(() => closePaymentsApi({ t, stripe }));

const applyQueuedEvents = () => runQueued(t, STRIPE_EVENT_JOB, 'eventId');

describe('card checkout', () => {
  it('creates one PaymentIntent of the order total in MAD centimes and answers its client secret', async () => {
    const before = stripe.created('payment_intent').length;
    const { cartId, result, intentId } = await cardOrder(t);
    expect(result.order.status).toBe('PENDING_PAYMENT');
    const intent = stripe.get(intentId)!;
    expect(result.paymentClientSecret).toBe(intent.client_secret);
    expect(intent.amount).toBe(result.order.total.amount);
    // charge = Σ sub-order totals
    expect(intent.amount).toBe(result.order.subOrders.reduce((sum, s) => sum + s.total.amount, 0));
    expect(intent.currency).toBe('mad');
    expect(intent.transfer_group).toBe(result.order.number);
    expect(intent.metadata).toMatchObject({ orderId: result.order.id, orderNumber: result.order.number });

    // Checking the same cart out again answers the same order and the same PaymentIntent.
    const again = await checkoutOk(t, cartId, { paymentMethod: 'CARD' });
    expect(again.order.id).toBe(result.order.id);
    expect(again.paymentClientSecret).toBe(result.paymentClientSecret);
    expect(stripe.created('payment_intent').length).toBe(before + 1);
    const payments = await t.sql(`SELECT status, amount FROM payments WHERE order_id = $1`, [
      result.order.id,
    ]);
    expect(payments).toEqual([{ status: 'PENDING', amount: result.order.total.amount }]);
  });

  it('answers PAYMENT_METHOD_UNAVAILABLE without Stripe keys, changing nothing; cash on delivery still works', async () => {
    const bare = await startTestApi({}, t.databaseUrl);
    try {
      const p = await purchasableProduct(bare, { variants: [{ price: 5000, stock: 3 }] });
      const cartId = await cartWith(bare, p.variantIds, 2);
      const orders = await bare.sql(`SELECT count(*)::int AS n FROM orders`);
      const res = await checkout(bare, cartId, { paymentMethod: 'CARD' });
      expect(res.data).toBeNull();
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['PAYMENT_METHOD_UNAVAILABLE']);
      expect(await bare.sql(`SELECT count(*)::int AS n FROM orders`)).toEqual(orders);
      expect(await bare.sql(`SELECT stock FROM product_variants WHERE id = $1`, [p.variantIds[0]])).toEqual([
        { stock: 3 },
      ]);
      const cash = await checkoutOk(bare, cartId, { paymentMethod: 'CASH_ON_DELIVERY' });
      expect(cash.order.status).toBe('PLACED');
      expect(cash.paymentClientSecret).toBeNull();
    } finally {
      await bare.close();
    }
  });
});

describe('Stripe webhooks', () => {
  it('payment_intent.succeeded places the order and writes SALE, SHIPPING and COMMISSION per sub-order once', async () => {
    const { result, intentId } = await cardOrder(t);
    const { event } = await stripe.succeedPaymentIntent(intentId);
    const deliveries = await stripe.deliverPending({ times: 3 });
    expect(deliveries.map((d) => d.status)).toEqual([200, 200, 200]);
    // Stored once, with one job.
    expect(
      await t.sql(`SELECT count(*)::int AS n FROM stripe_events WHERE event_id = $1`, [event.id]),
    ).toEqual([{ n: 1 }]);
    expect(
      await t.sql(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND data->>'eventId' = $2`, [
        STRIPE_EVENT_JOB,
        event.id,
      ]),
    ).toEqual([{ n: 1 }]);
    await applyQueuedEvents();
    const [order] = await t.sql<{ status: string }>(`SELECT status FROM orders WHERE id = $1`, [
      result.order.id,
    ]);
    expect(order.status).toBe('PLACED');
    const subs = await t.sql<{ status: string }>(`SELECT status FROM sub_orders WHERE order_id = $1`, [
      result.order.id,
    ]);
    expect(subs.map((s) => s.status)).toEqual(['AWAITING_FULFILMENT', 'AWAITING_FULFILMENT']);
    const expected = result.order.subOrders
      .flatMap((s) => [
        { type: 'COMMISSION', amount: -s.commission.amount, subOrderId: s.id },
        { type: 'SALE', amount: s.subtotal.amount, subOrderId: s.id },
        { type: 'SHIPPING', amount: s.shippingFee.amount, subOrderId: s.id },
      ])
      .filter((e) => e.amount !== 0)
      .sort((x, y) => (x.subOrderId + x.type < y.subOrderId + y.type ? -1 : 1));
    expect(await ledgerOf(t, result.order.id)).toEqual(expected);
    expect(await t.sql(`SELECT status FROM payments WHERE order_id = $1`, [result.order.id])).toEqual([
      { status: 'SUCCEEDED' },
    ]);
  });

  it('refuses a tampered body, a wrong secret and an old timestamp with 400, storing nothing', async () => {
    const { result, intentId } = await cardOrder(t);
    const { event } = await stripe.succeedPaymentIntent(intentId);
    const stored = await t.sql(`SELECT count(*)::int AS n FROM stripe_events`);
    const tampered = await stripe.deliver(event, {
      tamper: (payload) => payload.replace(`"amount": ${result.order.total.amount}`, '"amount": 1'),
    });
    const wrongSecret = await stripe.deliver(event, { secret: 'whsec_wrong' });
    const old = await stripe.deliver(event, { timestamp: Math.floor(Date.now() / 1000) - 3600 });
    const unsigned = await fetch(`${t.url}/webhooks/stripe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(event),
    });
    expect([tampered.status, wrongSecret.status, old.status, unsigned.status]).toEqual([400, 400, 400, 400]);
    expect(await t.sql(`SELECT count(*)::int AS n FROM stripe_events`)).toEqual(stored);
    expect(await t.sql(`SELECT status FROM orders WHERE id = $1`, [result.order.id])).toEqual([
      { status: 'PENDING_PAYMENT' },
    ]);
  });

  it('a payment that arrives after the hold expired is refunded in full, once', async () => {
    const { result, intentId } = await cardOrder(t);
    await t.sql(`UPDATE orders SET created_at = now() - interval '2 hours' WHERE id = $1`, [result.order.id]);
    expect(await t.api.app.get(FulfilmentService).expireHold(result.order.id)).toBe(true);
    const refundsBefore = stripe.callCount('POST /v1/refunds');
    await stripe.succeedPaymentIntent(intentId);
    await stripe.deliverPending({ times: 2 });
    await applyQueuedEvents();
    const refunds = await t.sql<{ amount: number; status: string }>(
      `SELECT r.amount, r.status FROM refunds r JOIN sub_orders s ON s.id = r.sub_order_id WHERE s.order_id = $1`,
      [result.order.id],
    );
    expect(refunds.map((r) => r.status)).toEqual(['PENDING', 'PENDING']);
    // The refund jobs (queued with the decision) send them; each runs twice (at-least-once delivery).
    expect(await runQueued(t, PAYMENT_REFUND_JOB, 'refundId', 2)).toBe(2);
    const settled = await t.sql<{ amount: number; status: string }>(
      `SELECT r.amount, r.status FROM refunds r JOIN sub_orders s ON s.id = r.sub_order_id WHERE s.order_id = $1`,
      [result.order.id],
    );
    expect(settled.map((r) => r.status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    expect(settled.reduce((sum, r) => sum + r.amount, 0)).toBe(result.order.total.amount);
    expect(stripe.callCount('POST /v1/refunds') - refundsBefore).toBe(2);
    const refundedAtStripe = stripe
      .created('refund')
      .filter((r) => r.payment_intent === intentId)
      .reduce((sum, r) => sum + (r.amount as number), 0);
    expect(refundedAtStripe).toBe(result.order.total.amount);
    // Nothing was sold: no ledger entries for the expired order.
    expect(await ledgerOf(t, result.order.id)).toEqual([]);
    expect(
      await t.sql(`SELECT status, refunded_amount FROM payments WHERE order_id = $1`, [result.order.id]),
    ).toEqual([{ status: 'REFUNDED', refunded_amount: result.order.total.amount }]);
  });
});
