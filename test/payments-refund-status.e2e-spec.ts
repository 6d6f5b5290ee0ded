import { STRIPE_EVENT_JOB } from '@taawoun/payments';
import type { TestUser } from './support/actors.js';
import { cartWith, checkoutOk, purchasableProduct } from './support/orders-fixtures.js';
import { stockOf } from './support/order-fixtures.js';
import {
  REFUND_SUB_ORDER,
  cardOrder,
  closePaymentsApi,
  runQueued,
  startPaymentsApi,
} from './support/payments-fixtures.js';
import type { StripeTestServer } from './support/stripe-server/index.js';
import type { TestApi } from './support/test-api.js';

/** A sub-order refunded in full moves to REFUNDED (and its order with it when nothing else is left). */
let t: TestApi;
let stripe: StripeTestServer;
let admin: TestUser;

beforeAll(async () => {
  ({ t, stripe, admin } = await startPaymentsApi());
});
afterAll(() => closePaymentsApi({ t, stripe }));

const REFUND = REFUND_SUB_ORDER;

async function pay(intentId: string): Promise<void> {
  await stripe.succeedPaymentIntent(intentId);
  await stripe.deliverPending();
  await runQueued(t, STRIPE_EVENT_JOB, 'eventId');
}

async function statesOf(orderId: string) {
  const [order] = await t.sql<{ status: string }>(`SELECT status FROM orders WHERE id = $1`, [orderId]);
  const subs = await t.sql<{ id: string; status: string }>(
    `SELECT id, status FROM sub_orders WHERE order_id = $1 ORDER BY id`,
    [orderId],
  );
  return { order: order.status, subs: Object.fromEntries(subs.map((s) => [s.id, s.status])) };
}

describe('full refund → REFUNDED', () => {
  it('moves a fully refunded only sub-order and its order to REFUNDED; a partial refund changes no status; a refund after full is refused', async () => {
    const p = await purchasableProduct(t, { variants: [{ price: 9000, stock: 20 }] });
    const cartId = await cartWith(t, [p.variantIds[0]], 2);
    const result = await checkoutOk(t, cartId, { paymentMethod: 'CARD' });
    const [attempt] = await t.sql<{ ref: string }>(
      `SELECT a.provider_ref AS ref FROM payment_attempts a JOIN payments x ON x.id = a.payment_id WHERE x.order_id = $1`,
      [result.order.id],
    );
    await pay(attempt.ref);
    const sub = result.order.subOrders[0];

    expect(await stockOf(t, p.variantIds[0])).toBe(18);
    const partial = await t.gql(REFUND, { id: sub.id, amount: 1000, reason: 'dent' }, admin.accessToken);
    expect(partial.errors).toBeUndefined();
    expect(await statesOf(result.order.id)).toEqual({
      order: 'PLACED',
      subs: { [sub.id]: 'AWAITING_FULFILMENT' },
    });

    const full = await t.gql<{ refundSubOrder: { status: string } }>(
      REFUND,
      { id: sub.id, reason: 'lost parcel' },
      admin.accessToken,
    );
    expect(full.errors).toBeUndefined();
    expect(full.data?.refundSubOrder.status).toBe('REFUNDED');
    // Refunded before it shipped: it will not ship, so its held units return to stock.
    expect(await stockOf(t, p.variantIds[0])).toBe(20);
    expect(await statesOf(result.order.id)).toEqual({ order: 'REFUNDED', subs: { [sub.id]: 'REFUNDED' } });

    // Nothing is left: another refund is refused on `amount`, nothing changes.
    const calls = stripe.callCount('POST /v1/refunds');
    const again = await t.gql(REFUND, { id: sub.id, amount: 1, reason: 'again' }, admin.accessToken);
    expect(again.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(again.errors?.[0].extensions)).toContain('amount');
    expect(stripe.callCount('POST /v1/refunds')).toBe(calls);
    const refunds = await t.sql<{ n: number; s: number }>(
      `SELECT count(*)::int AS n, sum(amount)::int AS s FROM refunds WHERE sub_order_id = $1`,
      [sub.id],
    );
    expect(refunds).toEqual([{ n: 2, s: sub.total.amount }]);
    expect(await statesOf(result.order.id)).toEqual({ order: 'REFUNDED', subs: { [sub.id]: 'REFUNDED' } });
  });

  it('refunding one of two sub-orders (shipped and delivered) in full moves that one only', async () => {
    const { result, intentId } = await cardOrder(t);
    await pay(intentId);
    const [a, b] = result.order.subOrders;
    const ship = `mutation($id: ID!) { markSubOrderShipped(id: $id, carrier: "CTM", trackingNumber: "T1") { status } }`;
    const deliver = `mutation($id: ID!) { markSubOrderDelivered(id: $id) { status } }`;
    for (const s of [a, b])
      expect((await t.gql(ship, { id: s.id }, admin.accessToken)).errors).toBeUndefined();
    expect((await t.gql(deliver, { id: a.id }, admin.accessToken)).errors).toBeUndefined();
    const full = await t.gql(REFUND, { id: a.id, reason: 'spoiled' }, admin.accessToken);
    expect(full.errors).toBeUndefined();
    expect(await statesOf(result.order.id)).toEqual({
      order: 'SHIPPED',
      subs: { [a.id]: 'REFUNDED', [b.id]: 'SHIPPED' },
    });
    expect((await t.gql(REFUND, { id: b.id, reason: 'lost' }, admin.accessToken)).errors).toBeUndefined();
    expect(await statesOf(result.order.id)).toEqual({
      order: 'REFUNDED',
      subs: { [a.id]: 'REFUNDED', [b.id]: 'REFUNDED' },
    });
  });
});
