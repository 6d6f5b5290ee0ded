import { StripeTestServer } from './support/stripe-server/index.js';
import { Jobs } from '@taawoun/core';
import { FulfilmentService, ORDER_HOLD_EXPIRY_JOB } from '@taawoun/orders';
import { addMembership, grantPlatformRole, signUp, type TestUser } from './support/actors.js';
import { newCooperative } from './support/factories.js';
import { newVariant, placeOrder, stockOf, type PlacedOrder } from './support/order-fixtures.js';
import { startTestApi, type GraphqlResponse, type TestApi } from './support/test-api.js';

/**
 * Fulfilment over HTTP: every sub-order move legal or refused with INVALID_STATE_TRANSITION,
 * the order's status derived from its sub-orders, stock returned exactly once by cancellations
 * (also when a cancel races a shipment), the card hold expiry job, and cooperativeOrders.
 */
let t: TestApi;
// CARD checkouts create a PaymentIntent: a local Stripe-compatible server stands in for Stripe.
let stripe: StripeTestServer;
let buyer: TestUser;
let otherBuyer: TestUser;
let ownerX: TestUser;
let staffX: TestUser;
let ownerY: TestUser;
let admin: TestUser;
let coopX: string;
let coopY: string;
let variantX: string;
let variantY: string;

beforeAll(async () => {
  stripe = await StripeTestServer.start({ webhookMode: 'manual' });
  t = await startTestApi(stripe.env());
  [buyer, otherBuyer, ownerX, staffX, ownerY, admin] = await Promise.all([
    signUp(t, { fullName: 'Buyer' }),
    signUp(t, { fullName: 'Other Buyer' }),
    signUp(t, { fullName: 'Owner X' }),
    signUp(t, { fullName: 'Staff X' }),
    signUp(t, { fullName: 'Owner Y' }),
    signUp(t, { fullName: 'Admin' }),
  ]);
  coopX = (await newCooperative(t, { ownerId: ownerX.id, name: 'Coopérative Argan X' })).id;
  coopY = (await newCooperative(t, { ownerId: ownerY.id, name: 'Coopérative Miel Y' })).id;
  await addMembership(t, staffX.id, coopX, 'STAFF');
  await grantPlatformRole(t, admin.id, 'ADMIN');
  variantX = await newVariant(t, coopX, { stock: 1000, price: 12050 });
  variantY = await newVariant(t, coopY, { stock: 1000, price: 9000 });
});
afterAll(async () => {
  await t.close();
  await stripe.close();
});

/** A cash-on-delivery order of the buyer: 2 units from X and 3 from Y (unless told otherwise). */
function order(options: { card?: boolean; x?: number; y?: number; userId?: string | null } = {}) {
  const lines = [
    ...(options.x === 0 ? [] : [{ variantId: variantX, quantity: options.x ?? 2 }]),
    ...(options.y === 0 ? [] : [{ variantId: variantY, quantity: options.y ?? 3 }]),
  ];
  return placeOrder(t, {
    lines,
    userId: options.userId === undefined ? buyer.id : options.userId,
    email: buyer.email,
    paymentMethod: options.card ? 'CARD' : 'CASH_ON_DELIVERY',
  });
}

function codes(res: GraphqlResponse<unknown>): string[] {
  return (res.errors ?? []).map((e) => String(e.extensions?.code));
}

async function statuses(o: PlacedOrder) {
  const [row] = await t.sql<{ status: string }>(`SELECT status FROM orders WHERE id = $1`, [o.id]);
  const subs = await t.sql<{ cooperative_id: string; status: string }>(
    `SELECT cooperative_id, status FROM sub_orders WHERE order_id = $1`,
    [o.id],
  );
  const of = (c: string) => subs.find((s) => s.cooperative_id === c)?.status;
  return { order: row.status, x: of(coopX), y: of(coopY) };
}

const ship = (id: string, token: string, carrier = 'Amana', trackingNumber = 'AM123456789MA') =>
  t.gql<{ markSubOrderShipped: { id: string; status: string; carrier: string; trackingNumber: string } }>(
    SHIP,
    { id, carrier, trackingNumber },
    token,
  );
const deliver = (id: string, token: string) =>
  t.gql<{ markSubOrderDelivered: { status: string } }>(DELIVER, { id }, token);
const cancelSub = (id: string, token: string, reason = 'Rupture de stock') =>
  t.gql<{ cancelSubOrder: { status: string } }>(CANCEL_SUB, { id, reason }, token);
const cancelOrder = (id: string, token: string, reason?: string) =>
  t.gql<{ cancelOrder: { status: string; subOrders: { status: string }[] } }>(
    CANCEL_ORDER,
    { id, reason },
    token,
  );

describe('sub-order transitions', () => {
  it('ships and delivers, the order status following its sub-orders', async () => {
    const o = await order();
    expect(await statuses(o)).toEqual({
      order: 'PLACED',
      x: 'AWAITING_FULFILMENT',
      y: 'AWAITING_FULFILMENT',
    });

    const shipped = await ship(o.of(coopX), staffX.accessToken);
    expect(shipped.errors).toBeUndefined();
    expect(shipped.data!.markSubOrderShipped).toEqual({
      id: o.of(coopX),
      status: 'SHIPPED',
      carrier: 'Amana',
      trackingNumber: 'AM123456789MA',
    });
    expect(await statuses(o)).toEqual({ order: 'PARTIALLY_SHIPPED', x: 'SHIPPED', y: 'AWAITING_FULFILMENT' });

    expect((await deliver(o.of(coopX), ownerX.accessToken)).data!.markSubOrderDelivered.status).toBe(
      'DELIVERED',
    );
    expect(await statuses(o)).toEqual({
      order: 'PARTIALLY_SHIPPED',
      x: 'DELIVERED',
      y: 'AWAITING_FULFILMENT',
    });

    await ship(o.of(coopY), ownerY.accessToken);
    expect((await statuses(o)).order).toBe('SHIPPED');
    await deliver(o.of(coopY), admin.accessToken);
    expect(await statuses(o)).toEqual({ order: 'COMPLETED', x: 'DELIVERED', y: 'DELIVERED' });
  });

  /** Brings X's sub-order of a fresh order to `state` through the API (REFUNDED, issue 11's, by SQL). */
  async function subOrderIn(state: string): Promise<{ o: PlacedOrder; id: string }> {
    const o = await order({ card: state === 'PENDING_PAYMENT' });
    const id = o.of(coopX);
    if (state === 'SHIPPED' || state === 'DELIVERED') await ship(id, ownerX.accessToken);
    if (state === 'DELIVERED') await deliver(id, ownerX.accessToken);
    if (state === 'CANCELLED') await cancelSub(id, ownerX.accessToken);
    if (state === 'REFUNDED') {
      await ship(id, ownerX.accessToken);
      await deliver(id, ownerX.accessToken);
      await t.sql(`UPDATE sub_orders SET status = 'REFUNDED' WHERE id = $1`, [id]);
    }
    expect((await statuses(o)).x).toBe(state);
    return { o, id };
  }

  const MOVES = {
    SHIPPED: (id: string) => ship(id, ownerX.accessToken),
    DELIVERED: (id: string) => deliver(id, ownerX.accessToken),
    CANCELLED: (id: string) => cancelSub(id, ownerX.accessToken),
  };
  const LEGAL = new Set([
    'PENDING_PAYMENT->CANCELLED',
    'AWAITING_FULFILMENT->SHIPPED',
    'AWAITING_FULFILMENT->CANCELLED',
    'SHIPPED->DELIVERED',
  ]);
  const STATES = ['PENDING_PAYMENT', 'AWAITING_FULFILMENT', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'REFUNDED'];
  const PAIRS = STATES.flatMap((from) =>
    (Object.keys(MOVES) as (keyof typeof MOVES)[]).map((to) => [from, to] as const),
  );

  it.each(PAIRS)(
    '%s → %s is made when legal, refused with INVALID_STATE_TRANSITION otherwise',
    async (from, to) => {
      const { o, id } = await subOrderIn(from);
      const before = { ...(await statuses(o)), stock: await stockOf(t, variantX) };
      const res = await MOVES[to](id);
      if (LEGAL.has(`${from}->${to}`)) {
        expect(res.errors).toBeUndefined();
        expect((await statuses(o)).x).toBe(to);
      } else {
        expect(codes(res)).toEqual(['INVALID_STATE_TRANSITION']);
        expect(res.errors![0].extensions).toMatchObject({ entity: 'SubOrder', from, to });
        expect({ ...(await statuses(o)), stock: await stockOf(t, variantX) }).toEqual(before);
      }
    },
  );

  it('refuses bad input naming the argument, and unknown ids as NOT_FOUND, changing nothing', async () => {
    const o = await order();
    const id = o.of(coopX);
    const cases: [Promise<GraphqlResponse<unknown>>, string, string | null][] = [
      [ship(id, ownerX.accessToken, '  '), 'BAD_USER_INPUT', 'carrier'],
      [ship(id, ownerX.accessToken, 'x'.repeat(101)), 'BAD_USER_INPUT', 'carrier'],
      [ship(id, ownerX.accessToken, 'Amana', ''), 'BAD_USER_INPUT', 'trackingNumber'],
      [ship(id, ownerX.accessToken, 'Amana', 'AM1\nAM2'), 'BAD_USER_INPUT', 'trackingNumber'],
      [cancelSub(id, ownerX.accessToken, ' '), 'BAD_USER_INPUT', 'reason'],
      [cancelSub(id, ownerX.accessToken, 'r'.repeat(501)), 'BAD_USER_INPUT', 'reason'],
      [cancelOrder(o.id, buyer.accessToken, 'r'.repeat(501)), 'BAD_USER_INPUT', 'reason'],
      [ship('00000000-0000-4000-8000-000000000000', admin.accessToken), 'NOT_FOUND', null],
      [ship('not-a-uuid', admin.accessToken), 'NOT_FOUND', null],
      [deliver('00000000-0000-4000-8000-000000000000', admin.accessToken), 'NOT_FOUND', null],
      [cancelOrder('00000000-0000-4000-8000-000000000000', buyer.accessToken), 'NOT_FOUND', null],
      [cancelOrder('nope', buyer.accessToken), 'NOT_FOUND', null],
    ];
    for (const [call, code, field] of cases) {
      const res = await call;
      expect(codes(res)).toEqual([code]);
      if (field)
        expect(
          (res.errors![0].extensions as { fields: { field: string }[] }).fields.map((f) => f.field),
        ).toEqual([field]);
    }
    expect(await statuses(o)).toEqual({
      order: 'PLACED',
      x: 'AWAITING_FULFILMENT',
      y: 'AWAITING_FULFILMENT',
    });
  });
});

describe('cancellation and restock', () => {
  it('cancelSubOrder returns exactly that sub-order’s units and leaves the other cooperative’s part alone', async () => {
    const o = await order({ x: 4, y: 5 });
    const [x0, y0] = [await stockOf(t, variantX), await stockOf(t, variantY)];
    expect((await cancelSub(o.of(coopX), staffX.accessToken)).data!.cancelSubOrder.status).toBe('CANCELLED');
    expect([await stockOf(t, variantX), await stockOf(t, variantY)]).toEqual([x0 + 4, y0]);
    expect(await statuses(o)).toEqual({ order: 'PLACED', x: 'CANCELLED', y: 'AWAITING_FULFILMENT' });
    // The second cancel is refused and returns nothing again.
    expect(codes(await cancelSub(o.of(coopX), ownerX.accessToken))).toEqual(['INVALID_STATE_TRANSITION']);
    expect(await stockOf(t, variantX)).toBe(x0 + 4);
    await cancelSub(o.of(coopY), admin.accessToken);
    expect(await statuses(o)).toEqual({ order: 'CANCELLED', x: 'CANCELLED', y: 'CANCELLED' });
    expect(await stockOf(t, variantY)).toBe(y0 + 5);
    const [movement] = await t.sql<{ delta: number; reason: string; author_id: string }>(
      `SELECT delta, reason, author_id FROM stock_movements WHERE variant_id = $1 ORDER BY created_at DESC, id LIMIT 1`,
      [variantY],
    );
    expect(movement).toEqual({ delta: 5, reason: `Order ${o.number} cancelled`, author_id: admin.id });
  });

  it('the buyer cancels the whole order before any shipment; every unit returns once', async () => {
    const o = await order({ x: 2, y: 3 });
    const [x0, y0] = [await stockOf(t, variantX), await stockOf(t, variantY)];
    const res = await cancelOrder(o.id, buyer.accessToken, 'Commande en double');
    expect(res.errors).toBeUndefined();
    expect(res.data!.cancelOrder).toEqual({
      status: 'CANCELLED',
      subOrders: [{ status: 'CANCELLED' }, { status: 'CANCELLED' }],
    });
    expect([await stockOf(t, variantX), await stockOf(t, variantY)]).toEqual([x0 + 2, y0 + 3]);
    const [row] = await t.sql(
      `SELECT cancel_reason, cancelled_at IS NOT NULL AS at FROM orders WHERE id = $1`,
      [o.id],
    );
    expect(row).toEqual({ cancel_reason: 'Commande en double', at: true });
    expect(codes(await cancelOrder(o.id, buyer.accessToken))).toEqual(['INVALID_STATE_TRANSITION']);
    expect([await stockOf(t, variantX), await stockOf(t, variantY)]).toEqual([x0 + 2, y0 + 3]);
  });

  it('refuses the buyer once anything shipped; an admin cancels what has not shipped', async () => {
    const o = await order();
    await ship(o.of(coopX), ownerX.accessToken);
    const [x0, y0] = [await stockOf(t, variantX), await stockOf(t, variantY)];
    expect(codes(await cancelOrder(o.id, buyer.accessToken))).toEqual(['INVALID_STATE_TRANSITION']);
    expect(await statuses(o)).toEqual({ order: 'PARTIALLY_SHIPPED', x: 'SHIPPED', y: 'AWAITING_FULFILMENT' });
    expect((await cancelOrder(o.id, admin.accessToken)).data!.cancelOrder.status).toBe('SHIPPED');
    expect(await statuses(o)).toEqual({ order: 'SHIPPED', x: 'SHIPPED', y: 'CANCELLED' });
    expect([await stockOf(t, variantX), await stockOf(t, variantY)]).toEqual([x0, y0 + 3]);
  });

  it("answers NOT_FOUND to another buyer's cancel, and to a guest order's cancel by any buyer", async () => {
    const o = await order();
    expect(codes(await cancelOrder(o.id, otherBuyer.accessToken))).toEqual(['NOT_FOUND']);
    const guest = await order({ userId: null });
    expect(codes(await cancelOrder(guest.id, buyer.accessToken))).toEqual(['NOT_FOUND']);
    expect((await statuses(o)).order).toBe('PLACED');
    expect((await statuses(guest)).order).toBe('PLACED');
  });

  it('a cancel racing a shipment: exactly one wins, and stock comes back only when the cancel won', async () => {
    const ROUNDS = 12;
    const orders = await Promise.all(Array.from({ length: ROUNDS }, () => order({ x: 1, y: 0 })));
    const stock0 = await stockOf(t, variantX);
    const results = await Promise.all(
      orders.flatMap((o, i) => {
        const id = o.of(coopX);
        // Alternate who is sent first, and race the buyer's whole-order cancel as well as the cooperative's.
        const cancel = i % 2 ? cancelSub(id, ownerX.accessToken) : cancelOrder(o.id, buyer.accessToken);
        const shipping = ship(id, staffX.accessToken);
        return i % 3 ? [cancel, shipping] : [shipping, cancel];
      }),
    );
    let cancelsWon = 0;
    for (let i = 0; i < results.length; i += 2) {
      const pair = [results[i], results[i + 1]];
      const failed = pair.filter((r) => r.errors);
      expect(failed).toHaveLength(1);
      expect(codes(failed[0])).toEqual(['INVALID_STATE_TRANSITION']);
    }
    for (const o of orders) {
      const s = await statuses(o);
      expect(['CANCELLED', 'SHIPPED']).toContain(s.x);
      expect(s.order).toBe(s.x);
      if (s.x === 'CANCELLED') cancelsWon++;
    }
    expect(await stockOf(t, variantX)).toBe(stock0 + cancelsWon);
    const [movements] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM stock_movements WHERE variant_id = $1 AND delta > 0 AND reason = ANY($2)`,
      [variantX, orders.map((o) => `Order ${o.number} cancelled`)],
    );
    expect(movements.n).toBe(cancelsWon);
  });

  it('a cooperative cancel racing the buyer’s cancel of the same order returns the units once', async () => {
    const orders = await Promise.all(Array.from({ length: 8 }, () => order({ x: 2, y: 0 })));
    const stock0 = await stockOf(t, variantX);
    const results = await Promise.all(
      orders.flatMap((o) => [
        cancelSub(o.of(coopX), ownerX.accessToken),
        cancelOrder(o.id, buyer.accessToken),
      ]),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(orders.length);
    expect(await stockOf(t, variantX)).toBe(stock0 + 2 * orders.length);
  });
});

describe('card hold expiry', () => {
  const backdate = (o: PlacedOrder, minutes: number) =>
    t.sql(`UPDATE orders SET created_at = now() - make_interval(mins => $2) WHERE id = $1`, [o.id, minutes]);

  it('is scheduled for CARD_HOLD_MINUTES after checkout, as a pg-boss job in the caller’s transaction', async () => {
    const o = await order({ card: true });
    await t.api.app.get(FulfilmentService).scheduleHoldExpiry(o.id);
    const jobs = await t.sql<{ seconds: number; key: string }>(
      `SELECT round(extract(epoch FROM start_after - created_on))::int AS seconds, singleton_key AS key
         FROM pgboss.job WHERE name = $1 AND data->>'orderId' = $2`,
      [ORDER_HOLD_EXPIRY_JOB, o.id],
    );
    expect(jobs).toEqual([{ seconds: 30 * 60, key: o.id }]);
  });

  it('cancels an unpaid card order once its hold ran out, returns its stock, and does it once', async () => {
    const o = await order({ card: true, x: 3, y: 1 });
    const jobs = t.api.app.get(Jobs);
    const [x0, y0] = [await stockOf(t, variantX), await stockOf(t, variantY)];
    // Too early: nothing happens.
    await backdate(o, 29);
    await jobs.runNow(ORDER_HOLD_EXPIRY_JOB, { orderId: o.id });
    expect(await statuses(o)).toEqual({
      order: 'PENDING_PAYMENT',
      x: 'PENDING_PAYMENT',
      y: 'PENDING_PAYMENT',
    });
    await backdate(o, 31);
    await jobs.runNow(ORDER_HOLD_EXPIRY_JOB, { orderId: o.id });
    expect(await statuses(o)).toEqual({ order: 'CANCELLED', x: 'CANCELLED', y: 'CANCELLED' });
    expect([await stockOf(t, variantX), await stockOf(t, variantY)]).toEqual([x0 + 3, y0 + 1]);
    // A second delivery of the job (pg-boss delivers at least once) changes nothing.
    await jobs.runNow(ORDER_HOLD_EXPIRY_JOB, { orderId: o.id });
    await jobs.runNow(ORDER_HOLD_EXPIRY_JOB, { orderId: 'garbage' });
    expect([await stockOf(t, variantX), await stockOf(t, variantY)]).toEqual([x0 + 3, y0 + 1]);
  });

  it('leaves a paid (no longer pending) or cash order alone', async () => {
    const cash = await order();
    const paid = await order({ card: true });
    await t.sql(`UPDATE sub_orders SET status = 'AWAITING_FULFILMENT' WHERE order_id = $1`, [paid.id]);
    await t.sql(`UPDATE orders SET status = 'PLACED' WHERE id = $1`, [paid.id]);
    await backdate(cash, 60);
    await backdate(paid, 60);
    const jobs = t.api.app.get(Jobs);
    await jobs.runNow(ORDER_HOLD_EXPIRY_JOB, { orderId: cash.id });
    await jobs.runNow(ORDER_HOLD_EXPIRY_JOB, { orderId: paid.id });
    expect((await statuses(cash)).order).toBe('PLACED');
    expect((await statuses(paid)).order).toBe('PLACED');
  });

  it('racing the buyer’s cancel, the expiry and the cancel return the units once', async () => {
    const orders = await Promise.all(Array.from({ length: 6 }, () => order({ card: true, x: 2, y: 0 })));
    for (const o of orders) await backdate(o, 45);
    const stock0 = await stockOf(t, variantX);
    const service = t.api.app.get(FulfilmentService);
    const outcomes = await Promise.all(
      orders.flatMap((o) => [service.expireHold(o.id), cancelOrder(o.id, buyer.accessToken)]),
    );
    for (let i = 0; i < outcomes.length; i += 2) {
      const expired = outcomes[i] as boolean;
      const cancel = outcomes[i + 1] as GraphqlResponse<unknown>;
      expect(expired).toBe(!!cancel.errors);
    }
    expect(await stockOf(t, variantX)).toBe(stock0 + 2 * orders.length);
  });

  it('the sweep expires every hold past its time (behind a lost job)', async () => {
    const late = await order({ card: true, x: 1, y: 0 });
    const young = await order({ card: true, x: 1, y: 0 });
    await backdate(late, 40);
    expect(await t.api.app.get(FulfilmentService).sweepExpiredHolds()).toBeGreaterThanOrEqual(1);
    expect((await statuses(late)).order).toBe('CANCELLED');
    expect((await statuses(young)).order).toBe('PENDING_PAYMENT');
  });
});

describe('cooperativeOrders', () => {
  it('pages a cooperative’s own sub-orders newest first, with a status filter, and nothing of another', async () => {
    const c = (await newCooperative(t, { ownerId: ownerX.id })).id;
    const v = await newVariant(t, c, { stock: 100 });
    const placed: PlacedOrder[] = [];
    for (let i = 0; i < 7; i++)
      placed.push(
        await placeOrder(t, {
          lines: [
            { variantId: v, quantity: 1 },
            { variantId: variantY, quantity: 1 },
          ],
          userId: buyer.id,
        }),
      );
    await ship(placed[0].of(c), ownerX.accessToken);
    await ship(placed[3].of(c), ownerX.accessToken);

    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res: GraphqlResponse<{ cooperativeOrders: Page }> = await t.gql<{ cooperativeOrders: Page }>(
        LIST,
        { c, first: 3, after },
        ownerX.accessToken,
      );
      expect(res.errors).toBeUndefined();
      const page: Page = res.data!.cooperativeOrders;
      expect(page.totalCount).toBe(7);
      for (const e of page.edges) {
        expect(e.node.cooperative.id).toBe(c);
        seen.push(e.node.id);
      }
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(placed.map((o) => o.of(c)).reverse());

    const shipped = await t.gql<{ cooperativeOrders: Page }>(
      LIST,
      { c, status: 'SHIPPED' },
      ownerX.accessToken,
    );
    expect(shipped.data!.cooperativeOrders.edges.map((e) => e.node.id).sort()).toEqual(
      [placed[0].of(c), placed[3].of(c)].sort(),
    );
    expect(shipped.data!.cooperativeOrders.totalCount).toBe(2);
  });

  it('costs the same number of SQL statements for 2 or 40 sub-orders with their lines, order and cooperative', async () => {
    const c = (await newCooperative(t, { ownerId: ownerX.id })).id;
    const v = await newVariant(t, c, { stock: 500 });
    for (let i = 0; i < 40; i++)
      await placeOrder(t, { lines: [{ variantId: v, quantity: 1 }], userId: buyer.id });
    const count = async (first: number) => {
      const res = await t.gql(LIST, { c, first }, admin.accessToken);
      expect(res.errors).toBeUndefined();
      return Number(res.headers.get('x-sql-queries'));
    };
    expect(await count(40)).toBe(await count(2));
  });

  it('refuses a forged cursor and a page size over 100 with BAD_USER_INPUT', async () => {
    expect(codes(await t.gql(LIST, { c: coopX, after: 'forged' }, ownerX.accessToken))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codes(await t.gql(LIST, { c: coopX, first: 101 }, ownerX.accessToken))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it('shows a member of X none of Y’s sub-orders, lines or amounts, even through the order', async () => {
    await order();
    const res = await t.gql<{ cooperativeOrders: Page }>(LIST_DEEP, { c: coopX }, staffX.accessToken);
    expect(res.errors).toBeUndefined();
    const text = JSON.stringify(res.data);
    expect(res.data!.cooperativeOrders.edges.length).toBeGreaterThan(0);
    for (const e of res.data!.cooperativeOrders.edges) {
      expect(e.node.cooperative.id).toBe(coopX);
      for (const s of e.node.order.subOrders) expect(s.cooperative.id).toBe(coopX);
    }
    expect(text).not.toContain(variantY);
    expect(codes(await t.gql(LIST, { c: coopY }, staffX.accessToken))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(LIST, { c: coopX }, buyer.accessToken))).toEqual(['FORBIDDEN']);
  });
});

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: {
    node: {
      id: string;
      cooperative: { id: string };
      order: { subOrders: { cooperative: { id: string } }[] };
    };
  }[];
}

const SHIP = `mutation($id: ID!, $carrier: String!, $trackingNumber: String!) {
  markSubOrderShipped(id: $id, carrier: $carrier, trackingNumber: $trackingNumber) { id status carrier trackingNumber }
}`;
const DELIVER = `mutation($id: ID!) { markSubOrderDelivered(id: $id) { status } }`;
const CANCEL_SUB = `mutation($id: ID!, $reason: String!) { cancelSubOrder(id: $id, reason: $reason) { status } }`;
const CANCEL_ORDER = `mutation($id: ID!, $reason: String) {
  cancelOrder(id: $id, reason: $reason) { status subOrders { status } }
}`;
const LIST = `query($c: ID!, $status: SubOrderStatus, $first: Int, $after: String) {
  cooperativeOrders(cooperativeId: $c, status: $status, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id status total { amount } cooperative { id name } order { id number status }
      lines { id sku quantity lineTotal { amount } variant { id } } } }
  }
}`;
const LIST_DEEP = `query($c: ID!) {
  cooperativeOrders(cooperativeId: $c, first: 50) {
    edges { node { id cooperative { id } order { subOrders { id cooperative { id } lines { variant { id } } } } } }
  }
}`;
