import { PAYMENT_REFUND_JOB, STRIPE_EVENT_JOB } from '@taawoun/payments';
import type { TestUser } from './support/actors.js';
import {
  cartWith,
  checkoutOk,
  ORDER,
  purchasableProduct,
  type OrderData,
} from './support/orders-fixtures.js';
import {
  REFUND_SUB_ORDER,
  cardOrder,
  closePaymentsApi,
  ledgerOf,
  runQueued,
  startPaymentsApi,
} from './support/payments-fixtures.js';
import type { StripeTestServer } from './support/stripe-server/index.js';
import type { TestApi } from './support/test-api.js';

/** Refunds (refundSubOrder, cancellations of paid card orders) and cash collected at delivery. */
let t: TestApi;
let stripe: StripeTestServer;
let admin: TestUser;

beforeAll(async () => {
  ({ t, stripe, admin } = await startPaymentsApi());
});
afterAll(() => closePaymentsApi({ t, stripe }));

const REFUND = REFUND_SUB_ORDER;

/** A card order whose payment succeeded (webhook delivered, job applied). */
async function paidCardOrder() {
  const placed = await cardOrder(t);
  await stripe.succeedPaymentIntent(placed.intentId);
  await stripe.deliverPending();
  await runQueued(t, STRIPE_EVENT_JOB, 'eventId');
  return placed;
}

async function refundsOf(subOrderId: string) {
  return t.sql<{ amount: number; status: string }>(
    `SELECT amount, status FROM refunds WHERE sub_order_id = $1 ORDER BY created_at`,
    [subOrderId],
  );
}

function stripeRefundsOf(intentId: string) {
  return stripe.created('refund').filter((r) => r.payment_intent === intentId);
}

describe('refundSubOrder', () => {
  it('refunds part of a paid sub-order through Stripe, writes REFUND, and never above what was paid', async () => {
    const { result, intentId } = await paidCardOrder();
    const sub = result.order.subOrders[0];
    const partial = await t.gql(
      REFUND,
      { id: sub.id, amount: 1000, reason: 'damaged jar' },
      admin.accessToken,
    );
    expect(partial.errors).toBeUndefined();
    expect(await refundsOf(sub.id)).toEqual([{ amount: 1000, status: 'SUCCEEDED' }]);
    expect(stripeRefundsOf(intentId).map((r) => r.amount)).toEqual([1000]);
    const share = Math.floor((sub.commission.amount * 1000) / sub.total.amount);
    expect((await ledgerOf(t, result.order.id)).filter((e) => e.type === 'REFUND')).toEqual([
      { type: 'REFUND', amount: -(1000 - share), subOrderId: sub.id },
    ]);

    // Above what is left: BAD_USER_INPUT naming amount, and nothing changes (no row, no Stripe call).
    const calls = stripe.callCount('POST /v1/refunds');
    const above = await t.gql(
      REFUND,
      { id: sub.id, amount: sub.total.amount - 1000 + 1, reason: 'too much' },
      admin.accessToken,
    );
    expect(above.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(above.errors?.[0].extensions)).toContain('amount');
    for (const amount of [0, -5]) {
      const bad = await t.gql(REFUND, { id: sub.id, amount, reason: 'bad' }, admin.accessToken);
      expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(await refundsOf(sub.id)).toHaveLength(1);
    expect(stripe.callCount('POST /v1/refunds')).toBe(calls);

    // Concurrent refunds of half of what is left each: two get through, the others are refused.
    const left = sub.total.amount - 1000;
    const half = Math.floor(left / 2);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.gql(REFUND, { id: sub.id, amount: half, reason: 'race' }, admin.accessToken),
      ),
    );
    expect(answers.filter((a) => !a.errors)).toHaveLength(2);
    expect(answers.filter((a) => a.errors).map((a) => a.errors?.[0].extensions?.code)).toEqual([
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
    ]);
    const refunded = (await refundsOf(sub.id)).reduce((sum, r) => sum + r.amount, 0);
    expect(refunded).toBe(1000 + 2 * half);
    expect(refunded).toBeLessThanOrEqual(sub.total.amount);
    expect(stripeRefundsOf(intentId).reduce((sum, r) => sum + (r.amount as number), 0)).toBe(refunded);
    const [payment] = await t.sql<{ refunded_amount: number; status: string }>(
      `SELECT refunded_amount, status FROM payments WHERE order_id = $1`,
      [result.order.id],
    );
    expect(payment).toEqual({ refunded_amount: refunded, status: 'PARTIALLY_REFUNDED' });
    // The buyer was told of each refund, with its amount.
    const notices = await t.sql<{ amount: string }>(
      `SELECT params->'amount'->>'amount' AS amount FROM email_outbox
        WHERE template = 'refund-issued' AND params->>'orderNumber' = $1 ORDER BY created_at`,
      [result.order.number],
    );
    expect(notices.map((n) => Number(n.amount)).sort((x, y) => x - y)).toEqual(
      [half, half, 1000].sort((x, y) => x - y),
    );
    // Order.payment tells what payments recorded.
    const read = await t.gql<{ order: OrderData }>(ORDER, { id: result.order.id }, admin.accessToken);
    expect(read.data?.order.payment).toEqual({
      method: 'CARD',
      status: 'PARTIALLY_REFUNDED',
      amount: { amount: result.order.total.amount },
      refunded: { amount: refunded },
    });
  });

  it('refuses an unpaid sub-order with INVALID_STATE_TRANSITION and an unknown one with NOT_FOUND', async () => {
    const { result } = await cardOrder(t);
    const unpaid = await t.gql(
      REFUND,
      { id: result.order.subOrders[0].id, reason: 'not paid' },
      admin.accessToken,
    );
    expect(unpaid.errors?.[0].extensions?.code).toBe('INVALID_STATE_TRANSITION');
    const unknown = await t.gql(
      REFUND,
      { id: '00000000-0000-4000-8000-000000000000', reason: 'x' },
      admin.accessToken,
    );
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await refundsOf(result.order.subOrders[0].id)).toEqual([]);
  });
});

describe('a crash between the Stripe call and the commit', () => {
  it('sends the same refund again on the retry (same idempotency key): one refund at Stripe, settled once', async () => {
    const { result, intentId } = await paidCardOrder();
    await runQueued(t, PAYMENT_REFUND_JOB, 'refundId'); // earlier tests' jobs (their refunds are settled)
    // The settlement fails as if the process died after Stripe answered: a trigger refuses it once.
    await t.sql(`CREATE FUNCTION pa_crash() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'simulated crash'; END $$`);
    await t.sql(`CREATE TRIGGER pa_crash BEFORE UPDATE ON refunds FOR EACH ROW EXECUTE FUNCTION pa_crash()`);
    const calls = stripe.callCount('POST /v1/refunds');
    const sub = result.order.subOrders[0];
    try {
      const first = await t.gql(REFUND, { id: sub.id, amount: 500, reason: 'crash' }, admin.accessToken);
      expect(first.errors).toBeUndefined(); // decided and committed; only the settlement failed
      expect(await refundsOf(sub.id)).toEqual([{ amount: 500, status: 'PENDING' }]);
      expect(stripeRefundsOf(intentId)).toHaveLength(1);
    } finally {
      await t.sql(`DROP TRIGGER pa_crash ON refunds`);
      await t.sql(`DROP FUNCTION pa_crash()`);
    }
    // The restarted worker runs the refund's job (twice: at-least-once).
    expect(await runQueued(t, PAYMENT_REFUND_JOB, 'refundId', 2)).toBe(1);
    expect(stripe.callCount('POST /v1/refunds') - calls).toBe(2); // the call again, same key
    expect(stripeRefundsOf(intentId).map((r) => r.amount)).toEqual([500]); // one refund at Stripe
    expect(await refundsOf(sub.id)).toEqual([{ amount: 500, status: 'SUCCEEDED' }]);
    expect((await ledgerOf(t, result.order.id)).filter((e) => e.type === 'REFUND')).toHaveLength(1);
    expect(
      await t.sql(`SELECT refunded_amount FROM payments WHERE order_id = $1`, [result.order.id]),
    ).toEqual([{ refunded_amount: 500 }]);
  });
});

describe('charge.refunded', () => {
  it('settles a refund whose job was lost and whose settlement crashed', async () => {
    const { result, intentId } = await paidCardOrder();
    await runQueued(t, PAYMENT_REFUND_JOB, 'refundId');
    await t.sql(`CREATE FUNCTION pa_crash() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'simulated crash'; END $$`);
    await t.sql(`CREATE TRIGGER pa_crash BEFORE UPDATE ON refunds FOR EACH ROW EXECUTE FUNCTION pa_crash()`);
    const sub = result.order.subOrders[1];
    try {
      expect(
        (await t.gql(REFUND, { id: sub.id, amount: 700, reason: 'lost' }, admin.accessToken)).errors,
      ).toBeUndefined();
    } finally {
      await t.sql(`DROP TRIGGER pa_crash ON refunds`);
      await t.sql(`DROP FUNCTION pa_crash()`);
    }
    // The refund's own job is lost.
    await t.sql(`UPDATE pgboss.job SET state = 'completed' WHERE name = $1 AND state = 'created'`, [
      PAYMENT_REFUND_JOB,
    ]);
    expect(await refundsOf(sub.id)).toEqual([{ amount: 700, status: 'PENDING' }]);
    // Stripe tells charge.refunded (twice): the event job queues the refund again, which settles it.
    await stripe.idle();
    const events = stripe.pendingEvents().filter((e) => e.type === 'charge.refunded');
    expect(events.length).toBeGreaterThan(0);
    await stripe.deliverPending({ events, times: 2 });
    await runQueued(t, STRIPE_EVENT_JOB, 'eventId');
    expect(await runQueued(t, PAYMENT_REFUND_JOB, 'refundId')).toBe(1);
    expect(await refundsOf(sub.id)).toEqual([{ amount: 700, status: 'SUCCEEDED' }]);
    expect(stripeRefundsOf(intentId).map((r) => r.amount)).toEqual([700]);
  });
});

describe('cancelling a paid card order', () => {
  it('refunds every paid part in full, once, and its ledger comes back to zero', async () => {
    const { result, intentId } = await paidCardOrder();
    await runQueued(t, PAYMENT_REFUND_JOB, 'refundId'); // earlier tests' jobs (their refunds are settled)
    const cancelled = await t.gql(
      `mutation($id: ID!) { cancelOrder(id: $id, reason: "buyer asked") { status } }`,
      { id: result.order.id },
      admin.accessToken,
    );
    expect(cancelled.errors).toBeUndefined();
    // Each refund job delivered twice (at-least-once): one Stripe refund per part.
    expect(await runQueued(t, PAYMENT_REFUND_JOB, 'refundId', 2)).toBe(2);
    expect(stripeRefundsOf(intentId).reduce((sum, r) => sum + (r.amount as number), 0)).toBe(
      result.order.total.amount,
    );
    expect(stripeRefundsOf(intentId)).toHaveLength(2);
    const ledger = await ledgerOf(t, result.order.id);
    for (const sub of result.order.subOrders) {
      const entries = ledger.filter((e) => e.subOrderId === sub.id);
      expect(entries.map((e) => e.type).sort()).toEqual(['COMMISSION', 'REFUND', 'SALE', 'SHIPPING']);
      expect(entries.reduce((sum, e) => sum + e.amount, 0)).toBe(0);
    }
  });
});

describe('cash on delivery', () => {
  it('records the sale and CASH_COLLECTED at delivery: the cooperative owes the commission', async () => {
    const p = await purchasableProduct(t, { variants: [{ price: 10000, stock: 5 }] });
    const result = await checkoutOk(t, await cartWith(t, p.variantIds, 2));
    const sub = result.order.subOrders[0];
    expect(await ledgerOf(t, result.order.id)).toEqual([]);
    const ship = await t.gql(
      `mutation($id: ID!) { markSubOrderShipped(id: $id, carrier: "Amana", trackingNumber: "AM1") { id } }`,
      { id: sub.id },
      admin.accessToken,
    );
    expect(ship.errors).toBeUndefined();
    const deliver = `mutation($id: ID!) { markSubOrderDelivered(id: $id) { id } }`;
    expect((await t.gql(deliver, { id: sub.id }, admin.accessToken)).errors).toBeUndefined();
    const ledger = await ledgerOf(t, result.order.id);
    expect(ledger.find((e) => e.type === 'CASH_COLLECTED')?.amount).toBe(-sub.total.amount);
    expect(ledger.reduce((sum, e) => sum + e.amount, 0)).toBe(-sub.commission.amount);
    expect(ledger.every((e) => Number.isInteger(e.amount))).toBe(true);
  });
});
