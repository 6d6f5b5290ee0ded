import { newCooperative } from './support/factories.js';
import { codes } from './support/identity-fixtures.js';
import {
  ADD_TO_CART,
  addToCart,
  cartWith,
  checkout,
  manyVariants,
  purchasableProduct,
  type CartData,
} from './support/orders-fixtures.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/**
 * Checkout under real concurrency: real HTTP requests racing on the API's pool of 10 database
 * connections (requests queue for a connection, as in production). Totals are asserted, not
 * just the absence of errors.
 */
let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.close());

const stockOf = async (variantId: string) =>
  (await t.sql<{ stock: number }>(`SELECT stock FROM product_variants WHERE id = $1`, [variantId]))[0].stock;

describe('checkout races', () => {
  it('200 concurrent checkouts of the last 10 units: exactly 10 orders, 190 OUT_OF_STOCK, stock 0', async () => {
    const p = await purchasableProduct(t, { variants: [{ price: 2500, stock: 10 }] });
    const variantId = p.variantIds[0];
    const carts: string[] = [];
    for (let i = 0; i < 200; i += 1) carts.push((await addToCart(t, null, variantId, 1)).id);

    const results = await Promise.all(carts.map((cartId) => checkout(t, cartId)));

    const placed = results.filter((r) => r.data?.checkout);
    const refused = results.filter((r) => codes(r).join() === 'OUT_OF_STOCK');
    expect(placed).toHaveLength(10);
    expect(refused).toHaveLength(190);
    for (const r of refused) expect(r.errors![0].extensions?.variantIds).toEqual([variantId]);
    expect(await stockOf(variantId)).toBe(0);
    const [orders] = await t.sql<{ orders: number; units: number }>(
      `SELECT count(DISTINCT s.order_id)::int AS orders, sum(l.quantity)::int AS units
         FROM order_lines l JOIN sub_orders s ON s.id = l.sub_order_id WHERE l.variant_id = $1`,
      [variantId],
    );
    expect(orders).toEqual({ orders: 10, units: 10 });
    const [moves] = await t.sql<{ n: number; total: number; lowest: number }>(
      `SELECT count(*)::int AS n, sum(delta)::int AS total, min(resulting_stock)::int AS lowest
         FROM stock_movements WHERE variant_id = $1 AND reason = 'checkout'`,
      [variantId],
    );
    expect(moves).toEqual({ n: 10, total: -10, lowest: 0 });
    // The refused carts are still open, untouched.
    const [open] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM carts WHERE id = ANY($1::uuid[]) AND order_id IS NULL`,
      [carts],
    );
    expect(open.n).toBe(190);
  });

  it('mixed carts racing on overlapping variants all succeed: no deadlock reaches a caller', async () => {
    const coopA = (await newCooperative(t)).id;
    const coopB = (await newCooperative(t)).id;
    const variants = [
      ...(await manyVariants(t, coopA, 4, { stock: 1000 })),
      ...(await manyVariants(t, coopB, 4, { stock: 1000 })),
    ];
    // 60 carts, each holding 4..8 of the variants in a different order (rotations, both directions).
    const carts: { id: string; variants: string[] }[] = [];
    for (let i = 0; i < 60; i += 1) {
      const rotated = [...variants.slice(i % 8), ...variants.slice(0, i % 8)];
      const ordered = i % 2 === 0 ? rotated : rotated.reverse();
      const chosen = ordered.slice(0, 4 + (i % 5));
      carts.push({ id: await cartWith(t, chosen, 1), variants: chosen });
    }
    const results = await Promise.all(carts.map((c) => checkout(t, c.id)));
    expect(results.flatMap((r) => codes(r))).toEqual([]);
    expect(results.every((r) => r.data?.checkout.order.id)).toBe(true);
    for (const v of variants) {
      const taken = carts.filter((c) => c.variants.includes(v)).length;
      expect(await stockOf(v)).toBe(1000 - taken);
    }
  });

  it('the same cart checked out 20 times at once makes one order, answered to every call', async () => {
    const p = await purchasableProduct(t, { variants: [{ stock: 50 }, { stock: 50 }] });
    const cartId = await cartWith(t, p.variantIds, 2);

    const results = await Promise.all(Array.from({ length: 20 }, () => checkout(t, cartId)));

    expect(results.flatMap((r) => codes(r))).toEqual([]);
    const ids = new Set(results.map((r) => r.data!.checkout.order.id));
    expect(ids.size).toBe(1);
    // The guest token is handed out once, to the call that placed the order.
    expect(results.filter((r) => r.data!.checkout.guestAccessToken !== null)).toHaveLength(1);
    const [count] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM orders o JOIN carts c ON c.order_id = o.id WHERE c.id = $1`,
      [cartId],
    );
    expect(count.n).toBe(1);
    const [orders] = await t.sql<{ n: number }>(
      `SELECT count(DISTINCT s.order_id)::int AS n FROM order_lines l JOIN sub_orders s ON s.id = l.sub_order_id
        WHERE l.variant_id = $1`,
      [p.variantIds[0]],
    );
    expect(orders.n).toBe(1);
    expect(await stockOf(p.variantIds[0])).toBe(48);
    expect(await stockOf(p.variantIds[1])).toBe(48);
  });

  it('an addition racing the checkout of its cart is either in the order or refused, never lost', async () => {
    const p = await purchasableProduct(t, { variants: [{ stock: 500 }] });
    for (let round = 0; round < 10; round += 1) {
      const cartId = await cartWith(t, p.variantIds, 1);
      const [placed, added] = await Promise.all([
        checkout(t, cartId),
        t.gql<{ addToCart: CartData }>(ADD_TO_CART, { cartId, variantId: p.variantIds[0], quantity: 1 }),
      ]);
      const quantity = placed.data!.checkout.order.subOrders[0].lines[0].quantity;
      if (added.data?.addToCart) expect(quantity).toBe(2);
      else {
        expect(codes(added)).toEqual(['BAD_USER_INPUT']);
        expect(quantity).toBe(1);
      }
    }
  });

  it('concurrent additions to one cart never pass 99 units of an item', async () => {
    const p = await purchasableProduct(t, { variants: [{ stock: 500 }] });
    const cartId = (await addToCart(t, null, p.variantIds[0], 1)).id;
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.gql<{ addToCart: CartData }>(ADD_TO_CART, { cartId, variantId: p.variantIds[0], quantity: 20 }),
      ),
    );
    expect(results.filter((r) => r.data?.addToCart)).toHaveLength(4);
    expect(results.filter((r) => codes(r).join() === 'BAD_USER_INPUT')).toHaveLength(6);
    const [line] = await t.sql<{ quantity: number }>(`SELECT quantity FROM cart_lines WHERE cart_id = $1`, [
      cartId,
    ]);
    expect(line.quantity).toBe(81);
  });
});
