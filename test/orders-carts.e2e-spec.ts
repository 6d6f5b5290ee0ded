import { randomUUID } from 'node:crypto';
import { newCooperative } from './support/factories.js';
import { codes, fieldsOf } from './support/identity-fixtures.js';
import { signUp } from './support/actors.js';
import {
  addToCart,
  ADD_TO_CART,
  CART,
  manyVariants,
  purchasableProduct,
  REMOVE_CART_LINE,
  UPDATE_CART_LINE,
  type CartData,
} from './support/orders-fixtures.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/** Carts over HTTP: guest and account carts, live prices, merging on sign-in, bounds. */
let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.close());

const readCart = async (id: string, token?: string) =>
  (await t.gql<{ cart: CartData | null }>(CART, { id }, token)).data?.cart ?? null;
const quantities = (cart: CartData) =>
  Object.fromEntries(cart.lines.map((l) => [l.variant.id, l.quantity])) as Record<string, number>;

describe('carts', () => {
  it('prices lines at the current prices and shows only purchasable variants', async () => {
    const p = await purchasableProduct(t, { variants: [{ price: 3000 }, { price: 4500 }] });
    const [a, b] = p.variantIds;
    let cart = await addToCart(t, null, a, 2);
    cart = await addToCart(t, cart.id, b, 1);
    cart = await addToCart(t, cart.id, a, 1);
    expect(quantities(cart)).toEqual({ [a]: 3, [b]: 1 });
    expect(cart.total).toEqual({ amount: 3 * 3000 + 4500, currency: 'MAD' });
    expect(cart.itemCount).toBe(4);

    await t.sql(`UPDATE product_variants SET price_amount = 3500 WHERE id = $1`, [a]);
    expect((await readCart(cart.id))!.total.amount).toBe(3 * 3500 + 4500);

    // Archived: the product's lines leave the cart (and the total) while it is not for sale.
    await t.sql(`UPDATE products SET status = 'ARCHIVED' WHERE id = $1`, [p.productId]);
    expect(await readCart(cart.id)).toMatchObject({ lines: [], itemCount: 0, total: { amount: 0 } });
    await t.sql(`UPDATE products SET status = 'PUBLISHED' WHERE id = $1`, [p.productId]);
    expect((await readCart(cart.id))!.itemCount).toBe(4);
  });

  it('updates and removes lines; 0 removes', async () => {
    const p = await purchasableProduct(t, { variants: [{}, {}] });
    let cart = await addToCart(t, null, p.variantIds[0], 1);
    cart = await addToCart(t, cart.id, p.variantIds[1], 1);
    const [l1, l2] = cart.lines;
    const updated = await t.gql<{ updateCartLine: CartData }>(UPDATE_CART_LINE, {
      cartId: cart.id,
      lineId: l1.id,
      quantity: 7,
    });
    expect(updated.data?.updateCartLine.lines.find((l) => l.id === l1.id)?.quantity).toBe(7);
    const zero = await t.gql<{ updateCartLine: CartData }>(UPDATE_CART_LINE, {
      cartId: cart.id,
      lineId: l1.id,
      quantity: 0,
    });
    expect(zero.data?.updateCartLine.lines.map((l) => l.id)).toEqual([l2.id]);
    const removed = await t.gql<{ removeCartLine: CartData }>(REMOVE_CART_LINE, {
      cartId: cart.id,
      lineId: l2.id,
    });
    expect(removed.data?.removeCartLine.lines).toEqual([]);
    const again = await t.gql(REMOVE_CART_LINE, { cartId: cart.id, lineId: l2.id });
    expect(codes(again)).toEqual(['NOT_FOUND']);
  });

  it("keeps a buyer's cart to the buyer: others get null or NOT_FOUND", async () => {
    const [buyer, other] = [await signUp(t), await signUp(t)];
    const p = await purchasableProduct(t);
    const cart = await addToCart(t, null, p.variantIds[0], 1, buyer.accessToken);
    expect((await readCart(cart.id, buyer.accessToken))?.id).toBe(cart.id);
    expect(await readCart(cart.id)).toBeNull();
    expect(await readCart(cart.id, other.accessToken)).toBeNull();
    const add = await t.gql(
      ADD_TO_CART,
      { cartId: cart.id, variantId: p.variantIds[0], quantity: 1 },
      other.accessToken,
    );
    expect(codes(add)).toEqual(['NOT_FOUND']);
    const line = await t.gql(UPDATE_CART_LINE, { cartId: cart.id, lineId: cart.lines[0].id, quantity: 5 });
    expect(codes(line)).toEqual(['NOT_FOUND']);
    expect(quantities((await readCart(cart.id, buyer.accessToken))!)).toEqual({ [p.variantIds[0]]: 1 });
    // A signed-in buyer's addToCart without a cart id goes to their one open cart.
    const same = await addToCart(t, null, p.variantIds[0], 2, buyer.accessToken);
    expect(same.id).toBe(cart.id);
    expect(same.itemCount).toBe(3);
    // Unknown and malformed ids answer null.
    expect(await readCart(randomUUID())).toBeNull();
    expect(await readCart('not-a-cart')).toBeNull();
  });

  it('adopts a guest cart when a buyer who has none signs in and uses it', async () => {
    const buyer = await signUp(t);
    const p = await purchasableProduct(t);
    const guest = await addToCart(t, null, p.variantIds[0], 2);
    const adopted = await readCart(guest.id, buyer.accessToken);
    expect(adopted?.id).toBe(guest.id);
    expect(adopted?.itemCount).toBe(2);
    // From now on it is the buyer's: the id alone no longer opens it.
    expect(await readCart(guest.id)).toBeNull();
    expect((await addToCart(t, null, p.variantIds[0], 1, buyer.accessToken)).id).toBe(guest.id);
  });

  it("merges a guest cart into the buyer's cart: quantities added and capped at 99", async () => {
    const buyer = await signUp(t);
    const p = await purchasableProduct(t, { variants: [{ stock: 500 }, { stock: 500 }, { stock: 500 }] });
    const [a, b, c] = p.variantIds;
    const own = await addToCart(t, null, b, 5, buyer.accessToken);
    await addToCart(t, own.id, c, 1, buyer.accessToken);
    const guest = await addToCart(t, null, a, 2);
    await addToCart(t, guest.id, b, 98);

    const merged = await t.gql<{ addToCart: CartData }>(
      ADD_TO_CART,
      { cartId: guest.id, variantId: c, quantity: 1 },
      buyer.accessToken,
    );
    expect(merged.data?.addToCart.id).toBe(own.id);
    expect(quantities(merged.data!.addToCart)).toEqual({ [a]: 2, [b]: 99, [c]: 2 });
    expect(await t.sql(`SELECT id FROM carts WHERE id = $1`, [guest.id])).toEqual([]);
    expect(await readCart(guest.id)).toBeNull();
  });

  it('merging never passes the cap on different items', async () => {
    const buyer = await signUp(t);
    const coop = (await newCooperative(t)).id;
    const variants = await manyVariants(t, coop, 52);
    let own: CartData | null = null;
    for (const v of variants.slice(0, 49)) own = await addToCart(t, own?.id ?? null, v, 1, buyer.accessToken);
    let guest: CartData | null = null;
    for (const v of variants.slice(47)) guest = await addToCart(t, guest?.id ?? null, v, 1);
    const merged = (await readCart(guest!.id, buyer.accessToken))!;
    expect(merged.id).toBe(own!.id);
    expect(merged.lines).toHaveLength(50);
    const q = quantities(merged);
    expect([q[variants[47]], q[variants[48]], q[variants[49]]]).toEqual([2, 2, 1]);
    expect(q[variants[50]]).toBeUndefined();
  });

  it('refuses a 51st different item and more than 99 of one, changing nothing', async () => {
    const coop = (await newCooperative(t)).id;
    const variants = await manyVariants(t, coop, 51);
    let cart: CartData | null = null;
    for (const v of variants.slice(0, 50)) cart = await addToCart(t, cart?.id ?? null, v, 1);
    const more = await t.gql(ADD_TO_CART, { cartId: cart!.id, variantId: variants[50], quantity: 1 });
    expect(codes(more)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(more)).toEqual(['variantId']);
    const tooMany = await t.gql(ADD_TO_CART, { cartId: cart!.id, variantId: variants[0], quantity: 99 });
    expect(codes(tooMany)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(tooMany)).toEqual(['quantity']);
    const after = (await readCart(cart!.id))!;
    expect(after.lines).toHaveLength(50);
    expect(after.itemCount).toBe(50);
  });
});
