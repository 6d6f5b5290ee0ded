import fc from 'fast-check';
import { PAYMENT_REFUND_JOB, ribKey, STRIPE_EVENT_JOB } from '@taawoun/payments';
import { addMembership, grantPlatformRole, signUp, type TestUser } from './support/actors.js';
import { cartWith, checkoutOk, purchasableProduct, type Purchasable } from './support/orders-fixtures.js';
import { runQueued } from './support/payments-fixtures.js';
import { StripeTestServer } from './support/stripe-server/index.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/**
 * Property: over generated sequences of checkouts (cash and card, 1–3 cooperatives), card
 * payments whose webhooks are delivered more than once (shuffled), deliveries, partial and full
 * refunds and payout runs, the money stays whole: each card charge at Stripe is the sum of its
 * sub-orders, each cooperative's ledger balance is the sum of its entries (and what GraphQL
 * answers), refunds never exceed what was paid (per sub-order, per order, in the database and at
 * Stripe), a sub-order is REFUNDED exactly when refunded in full, and every amount is an integer.
 */
const RIB_START = '011780' + '0000123456789012';
const RIB = RIB_START + ribKey(RIB_START);

let t: TestApi;
let stripe: StripeTestServer;
let admin: TestUser;
let owner: TestUser;

type Step =
  | { kind: 'checkout'; coops: number[]; card: boolean; quantity: number; payNow: boolean; seed: number }
  | { kind: 'pay'; order: number; times: number; seed: number }
  | { kind: 'deliver'; order: number; part: number }
  | { kind: 'refund'; order: number; part: number; share: number | null | 'over' }
  | { kind: 'payouts' };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('checkout' as const),
      coops: fc.uniqueArray(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 3 }),
      card: fc.boolean(),
      quantity: fc.integer({ min: 1, max: 3 }),
      // Most card checkouts are paid at once (webhooks delivered 2–3×); the rest maybe later by a `pay` step.
      payNow: fc.integer({ min: 0, max: 3 }).map((n) => n > 0),
      seed: fc.nat(),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      order: fc.nat(),
      times: fc.integer({ min: 2, max: 3 }),
      seed: fc.nat(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('deliver' as const), order: fc.nat(), part: fc.nat() }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('refund' as const),
      order: fc.nat(),
      part: fc.nat(),
      // null: all that is left; a share of the total; 'over': one centime more than is left.
      share: fc.oneof(
        fc.constant(null),
        fc.double({ min: 0.05, max: 0.7, noNaN: true }),
        fc.constant('over' as const),
      ),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'payouts' as const }) },
);

interface Placed {
  id: string;
  card: boolean;
  intentId: string | null;
  subOrders: { id: string; total: number }[];
}

async function gql<T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const res = await t.gql<T>(query, variables, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}

/** A mutation that may be refused by the state of things, never by anything else. */
async function tolerated(query: string, variables: Record<string, unknown>): Promise<string | null> {
  const res = await t.gql(query, variables, admin.accessToken);
  const code = res.errors?.[0]?.extensions?.code;
  if (process.env.MONEY_PROPERTY_STATS && res.errors) console.log(JSON.stringify(res.errors[0]));
  if (res.errors && code !== 'BAD_USER_INPUT' && code !== 'INVALID_STATE_TRANSITION')
    throw new Error(JSON.stringify(res.errors));
  return res.errors ? String(code) : null;
}

/** A seeded [0, 1) generator for the delivery order. */
function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The buyer's card payment succeeds; its webhook is delivered `times` times, shuffled; each job runs twice. */
async function pay(intentId: string, times: number, seed: number): Promise<void> {
  await stripe.succeedPaymentIntent(intentId);
  await stripe.deliverPending({ times, order: 'shuffled', random: seeded(seed) });
  await runQueued(t, STRIPE_EVENT_JOB, 'eventId', 2);
}

beforeAll(async () => {
  stripe = await StripeTestServer.start({ webhookMode: 'manual' });
  t = await startTestApi({ ...stripe.env(), SHIPPING_FLAT_FEE_CENTIMES: '2500', PAYOUT_HOLD_DAYS: '0' });
  stripe.setWebhookUrl(`${t.url}/webhooks/stripe`);
  admin = await signUp(t, { fullName: 'Admin' });
  owner = await signUp(t, { fullName: 'Owner' });
  await grantPlatformRole(t, admin.id, 'ADMIN');
});
afterAll(async () => {
  await t.close();
  await stripe.close();
});

const LEDGER = `query($c: ID!) { cooperativeLedger(cooperativeId: $c) {
  balance { amount } payable { amount } paidOut { amount } entries(first: 100) { amount { amount } } } }`;

it('keeps charges, refunds and ledgers whole over generated checkouts, payments, deliveries, refunds and payouts', async () => {
  // Money columns are integer types (centimes), never numeric/float.
  const columns = await t.sql<{ table: string; column: string; type: string }>(
    `SELECT table_name AS table, column_name AS column, data_type AS type FROM information_schema.columns
      WHERE table_schema = current_schema()
        AND ((table_name IN ('ledger_entries', 'refunds', 'payouts') AND column_name = 'amount')
          OR (table_name = 'payments' AND column_name IN ('amount', 'refunded_amount'))
          OR (table_name = 'sub_orders' AND column_name = 'total_amount'))`,
  );
  expect(columns).toHaveLength(6);
  for (const c of columns) expect(['integer', 'bigint']).toContain(c.type);

  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.integer({ min: 100, max: 50_000 }), { minLength: 3, maxLength: 3 }),
      fc.array(step, { minLength: 4, maxLength: 14 }),
      async (prices, steps) => {
        const products: Purchasable[] = [];
        for (const price of prices) {
          const p = await purchasableProduct(t, { variants: [{ price, stock: 1000 }] });
          await addMembership(t, owner.id, p.cooperativeId, 'OWNER');
          await gql(
            `mutation($c: ID!, $rib: String!) { setBankPayoutDetails(cooperativeId: $c, accountHolder: "H", rib: $rib) { ribLast4 } }`,
            { c: p.cooperativeId, rib: RIB },
            owner.accessToken,
          );
          products.push(p);
        }
        const orders: Placed[] = [];
        for (const s of [
          { kind: 'checkout', coops: [0], card: true, quantity: 1, payNow: true, seed: 1 } as Step,
          ...steps,
        ]) {
          if (s.kind === 'checkout') {
            const cartId = await cartWith(
              t,
              s.coops.map((i) => products[i].variantIds[0]),
              s.quantity,
            );
            const result = await checkoutOk(t, cartId, {
              paymentMethod: s.card ? 'CARD' : 'CASH_ON_DELIVERY',
            });
            const [attempt] = await t.sql<{ ref: string }>(
              `SELECT a.provider_ref AS ref FROM payment_attempts a JOIN payments p ON p.id = a.payment_id
                WHERE p.order_id = $1`,
              [result.order.id],
            );
            orders.push({
              id: result.order.id,
              card: s.card,
              intentId: attempt?.ref ?? null,
              subOrders: result.order.subOrders.map((x) => ({ id: x.id, total: x.total.amount })),
            });
            if (s.card && s.payNow) await pay(attempt.ref, 2, s.seed);
            continue;
          }
          if (orders.length === 0) continue;
          if (s.kind === 'payouts') {
            await gql(`mutation { runPayouts { id } }`, {}, admin.accessToken);
            continue;
          }
          const order = orders[s.order % orders.length];
          if (s.kind === 'pay') {
            if (!order.intentId || stripe.get(order.intentId)?.status === 'succeeded') continue;
            await pay(order.intentId, s.times, s.seed);
            continue;
          }
          const part = order.subOrders[s.part % order.subOrders.length];
          if (s.kind === 'deliver') {
            await tolerated(
              `mutation($id: ID!) { markSubOrderShipped(id: $id, carrier: "CTM", trackingNumber: "T") { id } }`,
              { id: part.id },
            );
            await tolerated(`mutation($id: ID!) { markSubOrderDelivered(id: $id) { id } }`, { id: part.id });
            continue;
          }
          let amount: number | null = null;
          if (s.share === 'over') {
            const [committed] = await t.sql<{ sum: number }>(
              `SELECT COALESCE(SUM(amount), 0)::int AS sum FROM refunds WHERE sub_order_id = $1 AND status <> 'FAILED'`,
              [part.id],
            );
            amount = part.total - committed.sum + 1;
          } else if (s.share !== null) amount = Math.max(1, Math.floor(part.total * s.share));
          const refused = await tolerated(
            `mutation($id: ID!, $amount: Int) { refundSubOrder(id: $id, amount: $amount, reason: "r") { id } }`,
            { id: part.id, amount },
          );
          // More than is left of the payment is never accepted.
          if (s.share === 'over') expect(refused).not.toBeNull();
          await runQueued(t, PAYMENT_REFUND_JOB, 'refundId', 2);
        }
        if (process.env.MONEY_PROPERTY_STATS)
          console.log(
            JSON.stringify(
              await t.sql(
                `SELECT s.status, count(*)::int AS n FROM sub_orders s WHERE s.order_id = ANY($1::uuid[]) GROUP BY s.status`,
                [orders.map((o) => o.id)],
              ),
            ),
          );

        for (const order of orders) {
          const [row] = await t.sql<{ total: number; parts: number }>(
            `SELECT o.total_amount AS total, (SELECT SUM(s.total_amount)::int FROM sub_orders s WHERE s.order_id = o.id) AS parts
               FROM orders o WHERE o.id = $1`,
            [order.id],
          );
          expect(row.total).toBe(row.parts);
          const [payment] = await t.sql<{ amount: number; refunded: number }>(
            `SELECT amount, refunded_amount AS refunded FROM payments WHERE order_id = $1`,
            [order.id],
          );
          if (order.card) {
            // The charge at Stripe is the sum of the sub-orders.
            expect(stripe.get(order.intentId!)?.amount).toBe(row.parts);
            const atStripe = stripe
              .created('refund')
              .filter((r) => r.payment_intent === order.intentId)
              .reduce((sum, r) => sum + (r.amount as number), 0);
            expect(atStripe).toBe(payment.refunded);
            expect(atStripe).toBeLessThanOrEqual(row.parts);
          }
          if (payment) expect(payment.refunded).toBeLessThanOrEqual(payment.amount);
          const parts = await t.sql<{ status: string; total: number; committed: number; succeeded: number }>(
            `SELECT s.status, s.total_amount AS total,
                    COALESCE(SUM(r.amount) FILTER (WHERE r.status <> 'FAILED'), 0)::int AS committed,
                    COALESCE(SUM(r.amount) FILTER (WHERE r.status = 'SUCCEEDED'), 0)::int AS succeeded
               FROM sub_orders s LEFT JOIN refunds r ON r.sub_order_id = s.id
              WHERE s.order_id = $1 GROUP BY s.id`,
            [order.id],
          );
          for (const p of parts) {
            expect(p.committed).toBeLessThanOrEqual(p.total);
            // REFUNDED exactly when refunded in full (cancelled parts stay CANCELLED).
            if (p.status !== 'CANCELLED') expect(p.status === 'REFUNDED').toBe(p.succeeded === p.total);
          }
          expect(parts.reduce((sum, p) => sum + p.succeeded, 0)).toBe(payment?.refunded ?? 0);
          const { order: read } = await gql<{
            order: { total: { amount: number }; subOrders: { total: { amount: number } }[] };
          }>(
            `query($id: ID) { order(id: $id) { total { amount } subOrders { total { amount } } } }`,
            { id: order.id },
            admin.accessToken,
          );
          for (const m of [read.total, ...read.subOrders.map((x) => x.total)])
            expect(Number.isInteger(m.amount)).toBe(true);
        }

        for (const p of products) {
          const [sums] = await t.sql<{ total: string }>(
            `SELECT COALESCE(SUM(amount), 0)::text AS total FROM ledger_entries WHERE cooperative_id = $1`,
            [p.cooperativeId],
          );
          const { cooperativeLedger: l } = await gql<{
            cooperativeLedger: {
              balance: { amount: number };
              payable: { amount: number };
              paidOut: { amount: number };
              entries: { amount: { amount: number } }[];
            };
          }>(LEDGER, { c: p.cooperativeId }, admin.accessToken);
          for (const m of [l.balance, l.payable, l.paidOut, ...l.entries.map((e) => e.amount)])
            expect(Number.isInteger(m.amount)).toBe(true);
          expect(l.balance.amount).toBe(Number(sums.total));
          if (l.entries.length < 100)
            expect(l.entries.reduce((sum, e) => sum + e.amount.amount, 0)).toBe(l.balance.amount);
        }
      },
    ),
    { numRuns: 8 },
  );
});
