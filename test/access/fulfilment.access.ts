import { newVariant, placeOrder } from '../support/order-fixtures.js';
import type { AccessFixture, AccessSuite, ActorName } from './access-case.js';

const MEMBERS_OF_X_AND_ADMINS: ActorName[] = ['staffX', 'ownerX', 'admin'];
const SIGNED_IN: ActorName[] = ['buyerA', 'buyerB', 'staffX', 'ownerX', 'ownerY', 'partner', 'admin'];

type Cancelled = { cancelOrder: { status: string } | null } | null;

/** An order of X and Y's variants (X's sub-order first in `subOrders`) for `userId` (null: a guest). */
async function orderOf(fx: AccessFixture, userId: string | null) {
  return placeOrder(fx.t, {
    lines: [
      { variantId: fx.ids.fulfilmentVariantX, quantity: 1 },
      { variantId: fx.ids.fulfilmentVariantY, quantity: 1 },
    ],
    userId,
  });
}

/** Fulfilment: cooperatives act on their own sub-orders, buyers cancel their own orders, admins all. */
export const fulfilmentAccessSuite: AccessSuite = {
  name: 'fulfilment',
  async prepare(fx) {
    fx.ids.fulfilmentVariantX = await newVariant(fx.t, fx.cooperativeX, { stock: 100 });
    fx.ids.fulfilmentVariantY = await newVariant(fx.t, fx.cooperativeY, { stock: 100 });
    const toShip = await orderOf(fx, fx.users.buyerA.id);
    const toDeliver = await orderOf(fx, fx.users.buyerA.id);
    const toCancelPart = await orderOf(fx, fx.users.buyerA.id);
    const ofBuyerA = await orderOf(fx, fx.users.buyerA.id);
    const ofGuest = await orderOf(fx, null);
    fx.ids.subOrderToShip = toShip.of(fx.cooperativeX);
    fx.ids.subOrderToDeliver = toDeliver.of(fx.cooperativeX);
    fx.ids.subOrderToCancel = toCancelPart.of(fx.cooperativeX);
    fx.ids.orderOfBuyerA = ofBuyerA.id;
    fx.ids.orderOfGuest = ofGuest.id;
    const shipped = await fx.t.gql(
      `mutation($id: ID!) { markSubOrderShipped(id: $id, carrier: "Amana", trackingNumber: "AM1") { id } }`,
      { id: fx.ids.subOrderToDeliver },
      fx.users.ownerX.accessToken,
    );
    if (shipped.errors) throw new Error(`prepare: ${JSON.stringify(shipped.errors)}`);
  },
  cases: [
    {
      operation: 'Query.cooperativeOrders',
      query: `query($c: ID!) { cooperativeOrders(cooperativeId: $c) { totalCount edges { node { id cooperative { id } } } } }`,
      variables: (fx) => ({ c: fx.cooperativeX }),
      allowed: MEMBERS_OF_X_AND_ADMINS,
    },
    {
      operation: 'Mutation.markSubOrderShipped',
      query: `mutation($id: ID!) { markSubOrderShipped(id: $id, carrier: "Amana", trackingNumber: "AM2") { id } }`,
      variables: (fx) => ({ id: fx.ids.subOrderToShip }),
      allowed: MEMBERS_OF_X_AND_ADMINS,
    },
    {
      operation: 'Mutation.markSubOrderDelivered',
      query: `mutation($id: ID!) { markSubOrderDelivered(id: $id) { id } }`,
      variables: (fx) => ({ id: fx.ids.subOrderToDeliver }),
      allowed: MEMBERS_OF_X_AND_ADMINS,
    },
    {
      operation: 'Mutation.cancelSubOrder',
      query: `mutation($id: ID!) { cancelSubOrder(id: $id, reason: "access matrix") { id } }`,
      variables: (fx) => ({ id: fx.ids.subOrderToCancel }),
      allowed: MEMBERS_OF_X_AND_ADMINS,
    },
    {
      // Any signed-in caller may ask; another buyer's order is NOT_FOUND, as if it did not exist.
      // buyerA runs first among the signed-in and cancels it.
      operation: 'Mutation.cancelOrder',
      query: `mutation($id: ID!) { cancelOrder(id: $id) { status } }`,
      variables: (fx) => ({ id: fx.ids.orderOfBuyerA }),
      allowed: SIGNED_IN,
      visibility: (actor, data) => {
        const cancelled = (data as Cancelled)?.cancelOrder ?? null;
        if ((actor === 'buyerA') !== (cancelled?.status === 'CANCELLED'))
          throw new Error(`${actor} ${cancelled ? 'cancelled' : 'could not cancel'} buyer A's order`);
      },
    },
    {
      // A guest's order: no buyer may cancel it, an admin may.
      operation: 'Mutation.cancelOrder',
      query: `mutation($id: ID!) { cancelOrder(id: $id) { status } }`,
      variables: (fx) => ({ id: fx.ids.orderOfGuest }),
      allowed: SIGNED_IN,
      visibility: (actor, data) => {
        const cancelled = (data as Cancelled)?.cancelOrder ?? null;
        if ((actor === 'admin') !== (cancelled?.status === 'CANCELLED'))
          throw new Error(`${actor} ${cancelled ? 'cancelled' : 'could not cancel'} a guest's order`);
      },
    },
  ],
};
