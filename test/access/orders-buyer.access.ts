import { createProduct } from '../support/catalog-fixtures.js';
import { ADDRESS, addToCart, checkoutOk } from '../support/orders-fixtures.js';
import type { AccessSuite, ActorName } from './access-case.js';

type Data = Record<string, unknown> | null;

/** The answer's root field is there exactly for `who`. */
function shownOnlyTo(who: readonly ActorName[], field: string) {
  return (actor: ActorName, data: Data) => {
    const value = data?.[field] ?? null;
    if (who.includes(actor) !== (value !== null))
      throw new Error(`${actor} ${value === null ? 'does not get' : 'gets'} ${field}`);
  };
}

/**
 * Buyer operations (carts, checkout, order reads): public, but a cart answers only through its
 * key (a guest's id, or a buyer's own session) and an order only to its buyer, the guest with
 * its token, and admins; everyone else gets null / NOT_FOUND, never a hint that it exists.
 */
export const ordersBuyerAccessSuite: AccessSuite = {
  name: 'orders (buyers)',
  async prepare(fx) {
    const product = await createProduct(fx.t, fx.users.ownerX.accessToken, fx.cooperativeX, {
      variants: [{ stock: 500 }, { stock: 500 }],
    });
    const [v1, v2] = product.variantIds;
    fx.ids.ordersVariant = v1;
    const token = fx.users.buyerA.accessToken;
    const cart = await addToCart(fx.t, null, v1, 1, token);
    await addToCart(fx.t, cart.id, v2, 1, token);
    fx.ids.ordersCartA = cart.id;
    const lines = (await addToCart(fx.t, cart.id, v1, 1, token)).lines;
    fx.ids.ordersLineUpdate = lines.find((l) => l.variant.id === v1)!.id;
    fx.ids.ordersLineRemove = lines.find((l) => l.variant.id === v2)!.id;
    // A placed order of buyer A, from a guest cart checked out while signed in.
    const orderCart = await addToCart(fx.t, null, v1, 1);
    const placed = await checkoutOk(fx.t, orderCart.id, { email: fx.users.buyerA.email, token });
    fx.ids.ordersOrderA = placed.order.id;
  },
  cases: [
    {
      operation: 'Query.cart',
      query: `query($id: ID!) { cart(id: $id) { id } }`,
      variables: (fx) => ({ id: fx.ids.ordersCartA }),
      allowed: 'everyone',
      visibility: shownOnlyTo(['buyerA'], 'cart'),
    },
    {
      operation: 'Mutation.addToCart',
      query: `mutation($v: ID!) { addToCart(variantId: $v, quantity: 1) { id } }`,
      variables: (fx) => ({ v: fx.ids.ordersVariant }),
      allowed: 'everyone',
    },
    {
      operation: 'Mutation.updateCartLine',
      query: `mutation($c: ID!, $l: ID!) { updateCartLine(cartId: $c, lineId: $l, quantity: 3) { id } }`,
      variables: (fx) => ({ c: fx.ids.ordersCartA, l: fx.ids.ordersLineUpdate }),
      allowed: 'everyone',
      visibility: shownOnlyTo(['buyerA'], 'updateCartLine'),
    },
    {
      operation: 'Mutation.removeCartLine',
      query: `mutation($c: ID!, $l: ID!) { removeCartLine(cartId: $c, lineId: $l) { id } }`,
      variables: (fx) => ({ c: fx.ids.ordersCartA, l: fx.ids.ordersLineRemove }),
      allowed: 'everyone',
      // Buyer A removes it; nobody else reaches A's cart (the actors before A get NOT_FOUND, those after too).
      visibility: shownOnlyTo(['buyerA'], 'removeCartLine'),
    },
    {
      operation: 'Mutation.checkout',
      query: `mutation($input: CheckoutInput!) { checkout(input: $input) { order { id } } }`,
      variables: (fx) => ({
        input: {
          cartId: fx.ids.ordersCartA,
          email: fx.users.buyerA.email,
          shippingAddress: ADDRESS,
          paymentMethod: 'CASH_ON_DELIVERY',
        },
      }),
      allowed: 'everyone',
      visibility: shownOnlyTo(['buyerA'], 'checkout'),
    },
    {
      operation: 'Query.order',
      query: `query($id: ID) { order(id: $id) { id } }`,
      variables: (fx) => ({ id: fx.ids.ordersOrderA }),
      allowed: 'everyone',
      visibility: shownOnlyTo(['buyerA', 'admin'], 'order'),
    },
    {
      operation: 'Query.myOrders',
      query: `{ myOrders { edges { node { id } } } }`,
      allowed: ['buyerA', 'buyerB', 'staffX', 'ownerX', 'ownerY', 'partner', 'admin'],
      visibility: (actor, data, allowed) => {
        const ids = (
          data as { myOrders?: { edges: { node: { id: string } }[] } } | null
        )?.myOrders?.edges.map((e) => e.node.id);
        if (!allowed) {
          if (ids) throw new Error(`${actor} got a list`);
          return;
        }
        if (!ids) throw new Error(`${actor} got no list`);
        const ownsOrders = actor === 'buyerA';
        if (ownsOrders !== ids.length > 0) throw new Error(`${actor} sees ${ids.length} orders`);
      },
    },
    {
      operation: 'Query.storefrontSettings',
      query: `{ storefrontSettings { shippingFlatFee { amount } stripePublishableKey } }`,
      allowed: 'everyone',
    },
  ],
};
