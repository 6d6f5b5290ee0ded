import { StripeTestServer } from './support/stripe-server/index.js';
import { newCooperative } from './support/factories.js';
import { codes, fieldsOf } from './support/identity-fixtures.js';
import { grantPlatformRole, signUp } from './support/actors.js';
import {
  ADDRESS,
  addToCart,
  CART,
  cartWith,
  checkout,
  checkoutOk,
  manyVariants,
  MY_ORDERS,
  ORDER,
  purchasableProduct,
  type OrderData,
} from './support/orders-fixtures.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/** Checkout over HTTP: orders split per cooperative with their snapshots, shipping terms, payment methods. */
let t: TestApi;
// CARD checkouts create a PaymentIntent: a local Stripe-compatible server stands in for Stripe.
let stripe: StripeTestServer;
beforeAll(async () => {
  stripe = await StripeTestServer.start({ webhookMode: 'manual' });
  t = await startTestApi({ SHIPPING_FLAT_FEE_CENTIMES: '3000', ...stripe.env() });
});
afterAll(async () => {
  await t.close();
  await stripe.close();
});

const stockOf = async (variantId: string) =>
  (await t.sql<{ stock: number }>(`SELECT stock FROM product_variants WHERE id = $1`, [variantId]))[0].stock;

describe('checkout', () => {
  it('splits a cart across cooperatives into one sub-order each, with snapshots, fees and commission', async () => {
    const honey = await purchasableProduct(t, {
      variants: [{ price: 8000, stock: 10 }],
      name: { fr: 'Miel de thym' },
    });
    const argan = await purchasableProduct(t, { variants: [{ price: 12000, stock: 5 }] });
    await t.sql(
      `UPDATE cooperatives SET free_shipping_threshold = 20000, commission_rate_bps = 1000 WHERE id = $1`,
      [argan.cooperativeId],
    );
    let cartId = (await addToCart(t, null, honey.variantIds[0], 2)).id;
    cartId = (await addToCart(t, cartId, argan.variantIds[0], 2)).id;

    const result = await checkoutOk(t, cartId, { email: 'Guest@Example.MA' });
    const order = result.order;
    expect(order.number).toMatch(/^TW-\d{4}-\d{6,}$/);
    expect(order.status).toBe('PLACED');
    expect(order.email).toBe('guest@example.ma');
    expect(order.payment).toEqual({
      method: 'CASH_ON_DELIVERY',
      status: 'NOT_REQUIRED',
      amount: { amount: 16000 + 3000 + 24000 },
      refunded: { amount: 0 },
    });
    expect(order.total).toEqual({ amount: 43000, currency: 'MAD' });
    expect(result.guestAccessToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(result.paymentClientSecret).toBeNull();
    const byCoop = new Map(order.subOrders.map((s) => [s.cooperative.id, s]));
    const h = byCoop.get(honey.cooperativeId)!;
    expect(h.status).toBe('AWAITING_FULFILMENT');
    expect([h.subtotal.amount, h.shippingFee.amount, h.total.amount, h.commission.amount]).toEqual([
      16000, 3000, 19000, 800,
    ]);
    expect(h.lines).toEqual([
      expect.objectContaining({ productName: 'Miel de thym', quantity: 2, unitPrice: { amount: 8000 } }),
    ]);
    const a = byCoop.get(argan.cooperativeId)!;
    expect([a.subtotal.amount, a.shippingFee.amount, a.total.amount, a.commission.amount]).toEqual([
      24000, 0, 24000, 2400,
    ]);
    expect(await stockOf(honey.variantIds[0])).toBe(8);
    expect(await stockOf(argan.variantIds[0])).toBe(3);
    const movements = await t.sql(
      `SELECT delta, reason FROM stock_movements WHERE variant_id = $1 AND reason = 'checkout'`,
      [honey.variantIds[0]],
    );
    expect(movements).toEqual([{ delta: -2, reason: 'checkout' }]);

    // The snapshot holds: a later price change does not touch the order.
    await t.sql(`UPDATE product_variants SET price_amount = 1 WHERE id = $1`, [honey.variantIds[0]]);
    const again = await t.gql<{ order: OrderData }>(ORDER, {
      number: order.number,
      token: result.guestAccessToken,
    });
    expect(again.data?.order?.total.amount).toBe(43000);
    // The token is stored hashed only.
    const [stored] = await t.sql<{ hash: Buffer }>(
      `SELECT guest_token_hash AS hash FROM orders WHERE id = $1`,
      [order.id],
    );
    expect(stored.hash.toString('base64url')).not.toBe(result.guestAccessToken);
    expect(stored.hash).toHaveLength(32);
  });

  it('makes a CARD order PENDING_PAYMENT with its stock held', async () => {
    const p = await purchasableProduct(t, { variants: [{ price: 5000, stock: 4 }] });
    const cartId = await cartWith(t, p.variantIds, 3);
    const result = await checkoutOk(t, cartId, { paymentMethod: 'CARD' });
    expect(result.order.status).toBe('PENDING_PAYMENT');
    expect(result.order.payment.status).toBe('PENDING');
    expect(result.order.subOrders.map((s) => s.status)).toEqual(['PENDING_PAYMENT']);
    expect(await stockOf(p.variantIds[0])).toBe(1);
    // The hold's expiry job is queued with the order (in the same transaction).
    const jobs = await t.sql(
      `SELECT 1 FROM pgboss.job WHERE name = 'orders.hold-expiry' AND data->>'orderId' = $1`,
      [result.order.id],
    );
    expect(jobs).toHaveLength(1);
  });

  it('queues the buyer confirmation (with the guest link token) and no job for cash on delivery', async () => {
    const p = await purchasableProduct(t);
    const result = await checkoutOk(t, await cartWith(t, p.variantIds, 1), { email: 'mail-test@example.ma' });
    const mails = await t.sql<{ template: string; token: string | null }>(
      `SELECT template, params->>'token' AS token FROM email_outbox WHERE to_address = 'mail-test@example.ma'`,
    );
    expect(mails).toEqual([{ template: 'order-placed', token: result.guestAccessToken }]);
    const jobs = await t.sql(
      `SELECT 1 FROM pgboss.job WHERE name = 'orders.hold-expiry' AND data->>'orderId' = $1`,
      [result.order.id],
    );
    expect(jobs).toHaveLength(0);
  });

  it('refuses a sub-order below its cooperative minimum, naming the cooperative, and changes nothing', async () => {
    const coop = await newCooperative(t, { name: 'Coopérative Al Amal' });
    await t.sql(`UPDATE cooperatives SET minimum_order_amount = 10000 WHERE id = $1`, [coop.id]);
    const p = await purchasableProduct(t, { cooperativeId: coop.id, variants: [{ price: 4000, stock: 5 }] });
    const cartId = await cartWith(t, p.variantIds, 2);
    const res = await checkout(t, cartId);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(res)).toEqual(['input.cartId']);
    expect(res.errors![0].message).toContain('Coopérative Al Amal');
    expect(res.errors![0].message).toContain('100.00 MAD');
    expect(await stockOf(p.variantIds[0])).toBe(5);
    expect(await t.sql(`SELECT order_id FROM carts WHERE id = $1`, [cartId])).toEqual([{ order_id: null }]);
    // Reaching the minimum is enough.
    await addToCart(t, cartId, p.variantIds[0], 1);
    expect((await checkoutOk(t, cartId)).order.subOrders[0].subtotal.amount).toBe(12000);
  });

  it('for a signed-in buyer: the e-mail must be the account’s, and the order is theirs without a token', async () => {
    const buyer = await signUp(t);
    const p = await purchasableProduct(t);
    const cartId = (await addToCart(t, null, p.variantIds[0], 1, buyer.accessToken)).id;
    const wrong = await checkout(t, cartId, { email: 'someone-else@example.ma', token: buyer.accessToken });
    expect(codes(wrong)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(wrong)).toEqual(['input.email']);
    const result = await checkoutOk(t, cartId, {
      email: buyer.email.toUpperCase(),
      token: buyer.accessToken,
    });
    expect(result.guestAccessToken).toBeNull();
    const [row] = await t.sql(`SELECT user_id FROM orders WHERE id = $1`, [result.order.id]);
    expect(row).toEqual({ user_id: buyer.id });
  });

  it('answers a checkout of a converted cart with the same order (same e-mail) and refuses another e-mail', async () => {
    const p = await purchasableProduct(t, { variants: [{ stock: 10 }] });
    const cartId = await cartWith(t, p.variantIds, 2);
    const first = await checkoutOk(t, cartId);
    const second = await checkoutOk(t, cartId);
    expect(second.order.id).toBe(first.order.id);
    expect(second.guestAccessToken).toBeNull();
    const other = await checkout(t, cartId, { email: 'other@example.ma' });
    expect(codes(other)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(other)).toEqual(['input.cartId']);
    expect(await stockOf(p.variantIds[0])).toBe(8);
  });

  it("snapshots the product name in the buyer's language", async () => {
    const buyer = await signUp(t);
    await t.sql(`UPDATE users SET preferred_language = 'ar' WHERE id = $1`, [buyer.id]);
    const p = await purchasableProduct(t, { name: { fr: 'Miel de jujubier', ar: 'عسل السدر' } });
    const cartId = (await addToCart(t, null, p.variantIds[0], 1, buyer.accessToken)).id;
    const result = await checkoutOk(t, cartId, { email: buyer.email, token: buyer.accessToken });
    expect(result.order.subOrders[0].lines[0].productName).toBe('عسل السدر');
    const guest = await checkoutOk(t, await cartWith(t, p.variantIds, 1));
    expect(guest.order.subOrders[0].lines[0].productName).toBe('Miel de jujubier');
  });

  it('keeps the address as given', async () => {
    const p = await purchasableProduct(t);
    const cartId = await cartWith(t, p.variantIds, 1);
    const result = await checkoutOk(t, cartId, { address: { ...ADDRESS, countryCode: 'ma', line2: '  ' } });
    const res = await t.gql<{ order: { shippingAddress: Record<string, unknown> } }>(
      `query($id: ID!, $token: String) { order(id: $id, guestAccessToken: $token) { shippingAddress { fullName phone line1 line2 city provinceCode postalCode countryCode } } }`,
      { id: result.order.id, token: result.guestAccessToken },
    );
    expect(res.data?.order?.shippingAddress).toEqual({
      ...ADDRESS,
      line2: null,
      provinceCode: null,
      postalCode: null,
    });
  });
});

describe('shipping terms', () => {
  const SET_TERMS = `mutation($id: ID!, $free: Int, $min: Int) {
    setShippingTerms(cooperativeId: $id, freeShippingThreshold: $free, minimumOrderAmount: $min) {
      freeShippingThreshold { amount currency } minimumOrderAmount { amount currency }
    }
  }`;

  it('are set by the cooperative and shape the next checkout', async () => {
    const owner = await signUp(t);
    const coop = await newCooperative(t, { ownerId: owner.id });
    const p = await purchasableProduct(t, { cooperativeId: coop.id, variants: [{ price: 6000, stock: 50 }] });
    const set = await t.gql(SET_TERMS, { id: coop.id, free: 12000, min: 6000 }, owner.accessToken);
    expect(set.data?.setShippingTerms).toEqual({
      freeShippingThreshold: { amount: 12000, currency: 'MAD' },
      minimumOrderAmount: { amount: 6000, currency: 'MAD' },
    });
    const one = await checkoutOk(t, await cartWith(t, p.variantIds, 1));
    expect(one.order.subOrders[0].shippingFee.amount).toBe(3000);
    const two = await checkoutOk(t, await cartWith(t, p.variantIds, 2));
    expect(two.order.subOrders[0].shippingFee.amount).toBe(0);
    // Cleared: never free again, no minimum.
    await t.gql(SET_TERMS, { id: coop.id, free: null, min: null }, owner.accessToken);
    const many = await checkoutOk(t, await cartWith(t, p.variantIds, 10));
    expect(many.order.subOrders[0].shippingFee.amount).toBe(3000);
  });

  it('refuse negative and absurd amounts, naming the field', async () => {
    const owner = await signUp(t);
    const coop = await newCooperative(t, { ownerId: owner.id });
    for (const [vars, field] of [
      [{ free: -1 }, 'freeShippingThreshold'],
      [{ min: 10_000_001 }, 'minimumOrderAmount'],
    ] as const) {
      const res = await t.gql(SET_TERMS, { id: coop.id, ...vars }, owner.accessToken);
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(fieldsOf(res)).toEqual([field]);
    }
    const [row] = await t.sql(
      `SELECT free_shipping_threshold, minimum_order_amount FROM cooperatives WHERE id = $1`,
      [coop.id],
    );
    expect(row).toEqual({ free_shipping_threshold: null, minimum_order_amount: null });
  });
});

describe('statement count', () => {
  it('a checkout costs the same number of SQL statements for 1 line as for 30 lines across 3 cooperatives', async () => {
    const small = await purchasableProduct(t, { variants: [{ stock: 5 }] });
    const smallCart = await cartWith(t, small.variantIds, 1);
    const variants: string[] = [];
    for (let i = 0; i < 3; i += 1)
      variants.push(...(await manyVariants(t, (await newCooperative(t)).id, 10, { stock: 5 })));
    const largeCart = await cartWith(t, variants, 2);

    const one = await checkout(t, smallCart);
    const thirty = await checkout(t, largeCart);
    expect(one.data?.checkout.order.subOrders).toHaveLength(1);
    expect(thirty.data?.checkout.order.subOrders).toHaveLength(3);
    expect(thirty.data?.checkout.order.subOrders.flatMap((s) => s.lines)).toHaveLength(30);
    const count = (res: { headers: Headers }) => Number(res.headers.get('x-sql-queries'));
    expect(count(one)).toBeGreaterThan(0);
    expect(count(thirty)).toBe(count(one));
    expect(count(thirty)).toBeLessThanOrEqual(24);

    const readSmall = await t.gql(CART, { id: (await addToCart(t, null, small.variantIds[0], 1)).id });
    let bigCart: string | null = null;
    for (const v of variants) bigCart = (await addToCart(t, bigCart, v, 1)).id;
    const readLarge = await t.gql(CART, { id: bigCart });
    expect(count(readLarge)).toBe(count(readSmall));
  });
});

describe('order reads', () => {
  it('answer an order to its buyer and admins only; anyone else gets null', async () => {
    const [buyer, other, admin] = [await signUp(t), await signUp(t), await signUp(t)];
    await grantPlatformRole(t, admin.id, 'ADMIN');
    const p = await purchasableProduct(t);
    const cartId = (await addToCart(t, null, p.variantIds[0], 1, buyer.accessToken)).id;
    const { order } = await checkoutOk(t, cartId, { email: buyer.email, token: buyer.accessToken });
    const read = async (vars: Record<string, unknown>, token?: string) =>
      (await t.gql<{ order: OrderData | null }>(ORDER, vars, token)).data?.order?.id ?? null;
    expect(await read({ id: order.id }, buyer.accessToken)).toBe(order.id);
    expect(await read({ number: order.number }, buyer.accessToken)).toBe(order.id);
    expect(await read({ id: order.id }, admin.accessToken)).toBe(order.id);
    expect(await read({ id: order.id }, other.accessToken)).toBeNull();
    expect(await read({ id: order.id })).toBeNull();
    expect(await read({ number: order.number })).toBeNull();
    // No existence leak: an unknown order answers the same.
    expect(await read({ number: 'TW-2026-999999' }, other.accessToken)).toBeNull();
    const both = await t.gql(ORDER, { id: order.id, number: order.number });
    expect(codes(both)).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(ORDER, {}))).toEqual(['BAD_USER_INPUT']);
  });

  it('answer a guest order with its token only (not another order’s, not a wrong one)', async () => {
    const p = await purchasableProduct(t, { variants: [{ stock: 20 }] });
    const first = await checkoutOk(t, await cartWith(t, p.variantIds, 1));
    const second = await checkoutOk(t, await cartWith(t, p.variantIds, 1));
    const read = async (number: string, token: string | null) =>
      (await t.gql<{ order: OrderData | null }>(ORDER, { number, token })).data?.order?.id ?? null;
    expect(await read(first.order.number, first.guestAccessToken)).toBe(first.order.id);
    expect(await read(first.order.number, second.guestAccessToken)).toBeNull();
    const token = first.guestAccessToken!;
    const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'E' : 'A'}`;
    expect(await read(first.order.number, altered)).toBeNull();
    expect(await read(first.order.number, '')).toBeNull();
    expect(await read(first.order.number, 'x'.repeat(10_000))).toBeNull();
    expect(await read(first.order.number, null)).toBeNull();
  });

  it('page myOrders newest first with keyset cursors', async () => {
    const [buyer, other] = [await signUp(t), await signUp(t)];
    const p = await purchasableProduct(t, { variants: [{ stock: 20 }] });
    const numbers: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const cartId = (await addToCart(t, null, p.variantIds[0], 1, buyer.accessToken)).id;
      numbers.push(
        (await checkoutOk(t, cartId, { email: buyer.email, token: buyer.accessToken })).order.number,
      );
    }
    type Page = {
      myOrders: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { node: { number: string } }[];
      };
    };
    const page1 = (await t.gql<Page>(MY_ORDERS, { first: 2 }, buyer.accessToken)).data!.myOrders;
    expect(page1.totalCount).toBe(3);
    expect(page1.edges.map((e) => e.node.number)).toEqual([numbers[2], numbers[1]]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (
      await t.gql<Page>(MY_ORDERS, { first: 2, after: page1.pageInfo.endCursor }, buyer.accessToken)
    ).data!.myOrders;
    expect(page2.edges.map((e) => e.node.number)).toEqual([numbers[0]]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const theirs = (await t.gql<Page>(MY_ORDERS, {}, other.accessToken)).data!.myOrders;
    expect(theirs).toMatchObject({ totalCount: 0, edges: [] });
    const forged = await t.gql(MY_ORDERS, { after: 'abc' }, buyer.accessToken);
    expect(codes(forged)).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(MY_ORDERS, {}))).toEqual(['UNAUTHENTICATED']);
  });
});
