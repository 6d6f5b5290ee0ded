import { randomBytes } from 'node:crypto';
import { newCooperative, newProduct } from './factories.js';
import type { GraphqlResponse, TestApi } from './test-api.js';

/**
 * Purchasable things for the orders tests, made through the services (factories.ts): an
 * APPROVED cooperative and PUBLISHED products whose variant ids the tests put in carts.
 */
export interface Purchasable {
  cooperativeId: string;
  productId: string;
  variantIds: string[];
}

/** A published product with `variants` (price in centimes, stock) of a cooperative (a new APPROVED one by default). */
export async function purchasableProduct(
  t: TestApi,
  options: {
    cooperativeId?: string;
    variants?: { price?: number; stock?: number }[];
    published?: boolean;
    name?: { fr?: string; ar?: string; en?: string };
  } = {},
): Promise<Purchasable> {
  const cooperativeId = options.cooperativeId ?? (await newCooperative(t)).id;
  const product = await newProduct(t, cooperativeId, {
    variants: (options.variants ?? [{}]).map((v) => ({ price: v.price ?? 8000, stock: v.stock ?? 10 })),
    published: options.published,
    name: options.name as never,
  });
  const rows = await t.sql<{ id: string; sku: string }>(
    `SELECT id, sku FROM product_variants WHERE product_id = $1`,
    [product.id],
  );
  const bySku = new Map(rows.map((r) => [r.sku, r.id]));
  return { cooperativeId, productId: product.id, variantIds: product.variantSkus.map((s) => bySku.get(s)!) };
}

/** `count` published single-variant products of one cooperative; answers their variant ids. */
export async function manyVariants(
  t: TestApi,
  cooperativeId: string,
  count: number,
  variant: { price?: number; stock?: number } = {},
): Promise<string[]> {
  const product = await newProduct(t, cooperativeId, {
    variants: Array.from({ length: count }, (_, i) => ({
      sku: `SKU-${randomBytes(4).toString('hex')}-${i}`,
      value: `${i + 1}kg`,
      price: variant.price ?? 1000,
      stock: variant.stock ?? 100,
    })),
  });
  const rows = await t.sql<{ id: string; sku: string }>(
    `SELECT id, sku FROM product_variants WHERE product_id = $1`,
    [product.id],
  );
  const bySku = new Map(rows.map((r) => [r.sku, r.id]));
  return product.variantSkus.map((s) => bySku.get(s)!);
}

export const ADDRESS = {
  fullName: 'Fatima Zahra',
  phone: '+212 6 12 34 56 78',
  line1: '12 rue des Orangers',
  city: 'Marrakech',
  countryCode: 'MA',
};

export const CART_FIELDS = `id itemCount total { amount currency } lines { id quantity lineTotal { amount } variant { id } }`;

export const ADD_TO_CART = `mutation($cartId: ID, $variantId: ID!, $quantity: Int!) {
  addToCart(cartId: $cartId, variantId: $variantId, quantity: $quantity) { ${CART_FIELDS} }
}`;
export const UPDATE_CART_LINE = `mutation($cartId: ID!, $lineId: ID!, $quantity: Int!) {
  updateCartLine(cartId: $cartId, lineId: $lineId, quantity: $quantity) { ${CART_FIELDS} }
}`;
export const REMOVE_CART_LINE = `mutation($cartId: ID!, $lineId: ID!) {
  removeCartLine(cartId: $cartId, lineId: $lineId) { ${CART_FIELDS} }
}`;
export const CART = `query($id: ID!) { cart(id: $id) { ${CART_FIELDS} } }`;

export const ORDER_FIELDS = `id number status email total { amount currency } createdAt
  payment { method status amount { amount } refunded { amount } }
  shippingAddress { fullName phone line1 line2 city provinceCode postalCode countryCode }
  subOrders { id status subtotal { amount } shippingFee { amount } total { amount } commission { amount }
    cooperative { id } order { id }
    lines { id productName sku quantity unitPrice { amount } lineTotal { amount } variant { id } } }`;

export const CHECKOUT = `mutation($input: CheckoutInput!) {
  checkout(input: $input) { guestAccessToken paymentClientSecret order { ${ORDER_FIELDS} } }
}`;
export const ORDER = `query($id: ID, $number: String, $token: String) {
  order(id: $id, number: $number, guestAccessToken: $token) { ${ORDER_FIELDS} }
}`;
export const MY_ORDERS = `query($first: Int, $after: String) {
  myOrders(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id number } } }
}`;

export interface CartData {
  id: string;
  itemCount: number;
  total: { amount: number; currency: string };
  lines: { id: string; quantity: number; lineTotal: { amount: number }; variant: { id: string } }[];
}

export interface OrderData {
  id: string;
  number: string;
  status: string;
  email: string;
  total: { amount: number; currency: string };
  payment: { method: string; status: string; amount: { amount: number }; refunded: { amount: number } };
  subOrders: {
    id: string;
    status: string;
    subtotal: { amount: number };
    shippingFee: { amount: number };
    total: { amount: number };
    commission: { amount: number };
    cooperative: { id: string };
    lines: {
      productName: string;
      sku: string;
      quantity: number;
      unitPrice: { amount: number };
      variant: { id: string };
    }[];
  }[];
}

export interface CheckoutData {
  checkout: { guestAccessToken: string | null; paymentClientSecret: string | null; order: OrderData };
}

/** Adds to a cart (a new one when `cartId` is null) and fails the test when refused. */
export async function addToCart(
  t: TestApi,
  cartId: string | null,
  variantId: string,
  quantity: number,
  token?: string,
): Promise<CartData> {
  const res = await t.gql<{ addToCart: CartData }>(ADD_TO_CART, { cartId, variantId, quantity }, token);
  if (!res.data?.addToCart) throw new Error(`addToCart failed: ${JSON.stringify(res.errors)}`);
  return res.data.addToCart;
}

/** A guest cart holding `quantity` of each variant. */
export async function cartWith(
  t: TestApi,
  variantIds: readonly string[],
  quantity = 1,
  token?: string,
): Promise<string> {
  let cartId: string | null = null;
  for (const variantId of variantIds) cartId = (await addToCart(t, cartId, variantId, quantity, token)).id;
  return cartId!;
}

export function checkout(
  t: TestApi,
  cartId: string,
  options: { email?: string; paymentMethod?: string; address?: Record<string, unknown>; token?: string } = {},
): Promise<GraphqlResponse<CheckoutData>> {
  return t.gql<CheckoutData>(
    CHECKOUT,
    {
      input: {
        cartId,
        email: options.email ?? 'buyer@example.ma',
        shippingAddress: options.address ?? ADDRESS,
        paymentMethod: options.paymentMethod ?? 'CASH_ON_DELIVERY',
      },
    },
    options.token,
  );
}

/** Checks out and fails the test when refused. */
export async function checkoutOk(
  t: TestApi,
  cartId: string,
  options: Parameters<typeof checkout>[2] = {},
): Promise<CheckoutData['checkout']> {
  const res = await checkout(t, cartId, options);
  if (!res.data?.checkout) throw new Error(`checkout failed: ${JSON.stringify(res.errors)}`);
  return res.data.checkout;
}
