import { newCooperative } from './support/factories.js';
import { codes, fieldsOf } from './support/identity-fixtures.js';
import { signUp } from './support/actors.js';
import {
  ADDRESS,
  addToCart,
  cartWith,
  checkout,
  checkoutOk,
  ORDER,
  purchasableProduct,
  type OrderData,
} from './support/orders-fixtures.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/** Checkout over HTTP: orders split per cooperative with their snapshots, shipping terms, payment methods. */
let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ SHIPPING_FLAT_FEE_CENTIMES: '3000' });
});
afterAll(() => t.close());

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
