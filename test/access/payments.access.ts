import { newVariant, placeOrder } from '../support/order-fixtures.js';
import type { AccessSuite } from './access-case.js';

/** Payments: refunds are for admins only. */
export const paymentsAccessSuite: AccessSuite = {
  name: 'payments',
  async prepare(fx) {
    const variant = await newVariant(fx.t, fx.cooperativeX, { stock: 10 });
    const order = await placeOrder(fx.t, {
      lines: [{ variantId: variant, quantity: 1 }],
      userId: fx.users.buyerA.id,
    });
    fx.ids.paymentsSubOrder = order.of(fx.cooperativeX);
  },
  cases: [
    {
      // An unpaid (cash, not yet delivered) part: the admin gets through to INVALID_STATE_TRANSITION.
      operation: 'Mutation.refundSubOrder',
      query: `mutation($id: ID!) { refundSubOrder(id: $id, reason: "access matrix") { id } }`,
      variables: (fx) => ({ id: fx.ids.paymentsSubOrder }),
      allowed: ['admin'],
    },
  ],
};
