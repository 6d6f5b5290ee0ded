import { randomUUID } from 'node:crypto';
import { newCooperative } from './support/factories.js';
import { codes, fieldsOf } from './support/identity-fixtures.js';
import {
  ADDRESS,
  ADD_TO_CART,
  addToCart,
  cartWith,
  CHECKOUT,
  checkout,
  checkoutOk,
  manyVariants,
  purchasableProduct,
  UPDATE_CART_LINE,
} from './support/orders-fixtures.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/**
 * Bad input to carts and checkout: a clear error (BAD_USER_INPUT naming the field, or the
 * contract's code), never an internal error, and nothing changes: no stock moved, no order,
 * the cart as it was.
 */
let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.close());

async function snapshot(variantIds: readonly string[], cartId?: string) {
  return {
    stock: await t.sql(`SELECT id, stock FROM product_variants WHERE id = ANY($1::uuid[]) ORDER BY id`, [
      variantIds,
    ]),
    orders: (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM orders`))[0].n,
    movements: (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM stock_movements`))[0].n,
    cart: cartId
      ? await t.sql(
          `SELECT c.order_id, l.variant_id, l.quantity FROM carts c LEFT JOIN cart_lines l ON l.cart_id = c.id
                      WHERE c.id = $1 ORDER BY l.variant_id`,
          [cartId],
        )
      : null,
  };
}

describe('addToCart and updateCartLine refuse', () => {
  it('unknown, malformed and unpublished variants alike (BAD_USER_INPUT on variantId)', async () => {
    const draft = await purchasableProduct(t, { published: false });
    const p = await purchasableProduct(t);
    const approvedThenSuspended = await purchasableProduct(t);
    const cart = await addToCart(t, null, p.variantIds[0], 1);
    const before = await snapshot([...draft.variantIds, ...p.variantIds], cart.id);
    for (const variantId of [randomUUID(), 'nope', draft.variantIds[0]]) {
      const res = await t.gql(ADD_TO_CART, { cartId: cart.id, variantId, quantity: 1 });
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(fieldsOf(res)).toEqual(['variantId']);
      expect(res.errors![0].message).toBe('variantId: this item is not available');
    }
    // A product whose cooperative is not APPROVED (here: suspended after publishing) is not for sale.
    await t.sql(`UPDATE cooperatives SET status = 'SUSPENDED' WHERE id = $1`, [
      approvedThenSuspended.cooperativeId,
    ]);
    const suspended = await t.gql(ADD_TO_CART, {
      cartId: cart.id,
      variantId: approvedThenSuspended.variantIds[0],
      quantity: 1,
    });
    expect(fieldsOf(suspended)).toEqual(['variantId']);
    expect(await snapshot([...draft.variantIds, ...p.variantIds], cart.id)).toEqual(before);
  });

  it('quantities 0, negative and above 99 (BAD_USER_INPUT on quantity)', async () => {
    const p = await purchasableProduct(t);
    const cart = await addToCart(t, null, p.variantIds[0], 1);
    const before = await snapshot(p.variantIds, cart.id);
    for (const quantity of [0, -1, 100, 2_000_000_000]) {
      const res = await t.gql(ADD_TO_CART, { cartId: cart.id, variantId: p.variantIds[0], quantity });
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(fieldsOf(res)).toEqual(['quantity']);
    }
    for (const quantity of [-1, 100]) {
      const res = await t.gql(UPDATE_CART_LINE, { cartId: cart.id, lineId: cart.lines[0].id, quantity });
      expect(fieldsOf(res)).toEqual(['quantity']);
    }
    // A new cart is not even created for a refused addition.
    const carts = await t.sql(`SELECT count(*)::int AS n FROM carts`);
    const fresh = await t.gql(ADD_TO_CART, { cartId: null, variantId: p.variantIds[0], quantity: 0 });
    expect(codes(fresh)).toEqual(['BAD_USER_INPUT']);
    expect(await t.sql(`SELECT count(*)::int AS n FROM carts`)).toEqual(carts);
    expect(await snapshot(p.variantIds, cart.id)).toEqual(before);
  });

  it('unknown carts and lines (NOT_FOUND), and a checked-out cart (BAD_USER_INPUT on cartId)', async () => {
    const p = await purchasableProduct(t);
    const unknown = await t.gql(ADD_TO_CART, {
      cartId: randomUUID(),
      variantId: p.variantIds[0],
      quantity: 1,
    });
    expect(codes(unknown)).toEqual(['NOT_FOUND']);
    const cartId = await cartWith(t, p.variantIds, 1);
    const line = await t.gql(UPDATE_CART_LINE, { cartId, lineId: randomUUID(), quantity: 1 });
    expect(codes(line)).toEqual(['NOT_FOUND']);
    await checkoutOk(t, cartId);
    const converted = await t.gql(ADD_TO_CART, { cartId, variantId: p.variantIds[0], quantity: 1 });
    expect(codes(converted)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(converted)).toEqual(['cartId']);
  });
});

describe('checkout refuses', () => {
  it('an address without phone or city, a bad country, an invalid e-mail (each field named), changing nothing', async () => {
    const p = await purchasableProduct(t);
    const cartId = await cartWith(t, p.variantIds, 2);
    const before = await snapshot(p.variantIds, cartId);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ address: { ...ADDRESS, phone: '' } }, 'input.shippingAddress.phone', 'BAD_USER_INPUT'],
      [{ address: { ...ADDRESS, phone: 'call me' } }, 'input.shippingAddress.phone', 'BAD_USER_INPUT'],
      [{ address: { ...ADDRESS, city: '  ' } }, 'input.shippingAddress.city', 'BAD_USER_INPUT'],
      [
        { address: { ...ADDRESS, countryCode: 'MAR' } },
        'input.shippingAddress.countryCode',
        'BAD_USER_INPUT',
      ],
      [{ address: { ...ADDRESS, countryCode: 'XX' } }, 'input.shippingAddress.countryCode', 'BAD_USER_INPUT'],
      [{ email: 'not-an-email' }, 'input.email', 'BAD_USER_INPUT'],
      [{ email: '' }, 'input.email', 'BAD_USER_INPUT'],
    ];
    for (const [options, field, code] of cases) {
      const res = await checkout(t, cartId, options);
      expect({ field, codes: codes(res), fields: fieldsOf(res) }).toEqual({
        field,
        codes: [code],
        fields: [field],
      });
    }
    // Without the fields at all, GraphQL itself refuses the document: still not an internal error.
    for (const missing of ['phone', 'city']) {
      const address: Record<string, unknown> = { ...ADDRESS };
      delete address[missing];
      const res = await t.gql(CHECKOUT, {
        input: { cartId, email: 'buyer@example.ma', shippingAddress: address, paymentMethod: 'CARD' },
      });
      expect(res.data).toBeNull();
      expect(codes(res)).not.toContain('INTERNAL_SERVER_ERROR');
      expect(res.errors![0].message).toContain(missing);
    }
    expect(await snapshot(p.variantIds, cartId)).toEqual(before);
  });

  it('an empty cart, an unknown cart and a cart of purchasable nothing (BAD_USER_INPUT on cartId)', async () => {
    const p = await purchasableProduct(t);
    const emptied = await addToCart(t, null, p.variantIds[0], 1);
    await t.gql(UPDATE_CART_LINE, { cartId: emptied.id, lineId: emptied.lines[0].id, quantity: 0 });
    const archived = await purchasableProduct(t);
    const archivedCart = await cartWith(t, archived.variantIds, 1);
    await t.sql(`UPDATE products SET status = 'ARCHIVED' WHERE id = $1`, [archived.productId]);
    const before = await snapshot([...p.variantIds, ...archived.variantIds]);
    for (const cartId of [emptied.id, archivedCart, randomUUID(), 'not-a-cart']) {
      const res = await checkout(t, cartId);
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(fieldsOf(res)).toEqual(['input.cartId']);
    }
    expect(await snapshot([...p.variantIds, ...archived.variantIds])).toEqual(before);
  });

  it('a cart with a line short of stock: OUT_OF_STOCK naming it, and the other lines keep their stock', async () => {
    const coop = (await newCooperative(t)).id;
    const [plenty, scarce] = await manyVariants(t, coop, 2, { stock: 5 });
    const cartId = await cartWith(t, [plenty], 3);
    await addToCart(t, cartId, scarce, 4);
    await t.sql(`UPDATE product_variants SET stock = 2 WHERE id = $1`, [scarce]);
    const before = await snapshot([plenty, scarce], cartId);
    const res = await checkout(t, cartId);
    expect(codes(res)).toEqual(['OUT_OF_STOCK']);
    expect(res.errors![0].extensions?.variantIds).toEqual([scarce]);
    expect(await snapshot([plenty, scarce], cartId)).toEqual(before);
  });

  it("another buyer's cart, as if it did not exist", async () => {
    const p = await purchasableProduct(t);
    const owner = await t.gql<{ register: { accessToken: string } }>(
      `mutation($i: RegisterInput!) { register(input: $i) { accessToken } }`,
      {
        i: {
          email: `o-${randomUUID().slice(0, 8)}@example.ma`,
          password: 'correct horse battery staple',
          fullName: 'O',
        },
      },
    );
    const cart = await addToCart(t, null, p.variantIds[0], 1, owner.data!.register.accessToken);
    const res = await checkout(t, cart.id);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].message).toBe('input.cartId: there is no such cart');
  });
});
