import fc from 'fast-check';
import {
  buyerMayCancel,
  canTransition,
  CANCELLABLE_SUB_ORDER_STATES,
  deriveOrderStatus,
  statesLeadingTo,
  SUB_ORDER_STATES,
  type SubOrderState,
} from './order-state.js';

const state = fc.constantFrom(...SUB_ORDER_STATES);
const states = fc.array(state, { minLength: 1, maxLength: 8 });

describe('sub-order transitions', () => {
  it('allows exactly the moves of the contract', () => {
    const allowed = SUB_ORDER_STATES.flatMap((from) =>
      SUB_ORDER_STATES.filter((to) => canTransition(from, to)).map((to) => `${from}->${to}`),
    );
    expect(allowed.sort()).toEqual(
      [
        'PENDING_PAYMENT->AWAITING_FULFILMENT',
        'PENDING_PAYMENT->CANCELLED',
        'AWAITING_FULFILMENT->SHIPPED',
        'AWAITING_FULFILMENT->CANCELLED',
        'SHIPPED->DELIVERED',
        'AWAITING_FULFILMENT->REFUNDED',
        'SHIPPED->REFUNDED',
        'DELIVERED->REFUNDED',
      ].sort(),
    );
  });

  it('has final states that leave nowhere, and never moves back to a payment wait', () => {
    for (const final of ['CANCELLED', 'REFUNDED'] as const) {
      expect(SUB_ORDER_STATES.filter((to) => canTransition(final, to))).toEqual([]);
    }
    // Delivered is final for fulfilment: only a full refund moves it on.
    expect(SUB_ORDER_STATES.filter((to) => canTransition('DELIVERED', to))).toEqual(['REFUNDED']);
    expect(statesLeadingTo('PENDING_PAYMENT')).toEqual([]);
  });

  it('gives the UPDATE its source states', () => {
    expect(statesLeadingTo('SHIPPED')).toEqual(['AWAITING_FULFILMENT']);
    expect(statesLeadingTo('DELIVERED')).toEqual(['SHIPPED']);
    expect(statesLeadingTo('REFUNDED')).toEqual(['AWAITING_FULFILMENT', 'SHIPPED', 'DELIVERED']);
    expect(statesLeadingTo('CANCELLED')).toEqual(['PENDING_PAYMENT', 'AWAITING_FULFILMENT']);
    expect(CANCELLABLE_SUB_ORDER_STATES).toEqual(['PENDING_PAYMENT', 'AWAITING_FULFILMENT']);
  });

  it('never reaches a state twice along any path (no cycles)', () => {
    const visit = (s: SubOrderState, seen: Set<SubOrderState>): void => {
      expect(seen.has(s)).toBe(false);
      for (const next of SUB_ORDER_STATES.filter((to) => canTransition(s, to)))
        visit(next, new Set([...seen, s]));
    };
    for (const s of SUB_ORDER_STATES) visit(s, new Set());
  });
});

describe('deriveOrderStatus', () => {
  it.each<[SubOrderState[], string]>([
    [['PENDING_PAYMENT'], 'PENDING_PAYMENT'],
    [['PENDING_PAYMENT', 'PENDING_PAYMENT'], 'PENDING_PAYMENT'],
    [['PENDING_PAYMENT', 'CANCELLED'], 'PENDING_PAYMENT'],
    [['AWAITING_FULFILMENT', 'AWAITING_FULFILMENT'], 'PLACED'],
    [['AWAITING_FULFILMENT', 'CANCELLED'], 'PLACED'],
    [['SHIPPED', 'AWAITING_FULFILMENT'], 'PARTIALLY_SHIPPED'],
    [['DELIVERED', 'AWAITING_FULFILMENT'], 'PARTIALLY_SHIPPED'],
    [['SHIPPED', 'SHIPPED'], 'SHIPPED'],
    [['SHIPPED', 'DELIVERED'], 'SHIPPED'],
    [['SHIPPED', 'CANCELLED'], 'SHIPPED'],
    [['DELIVERED', 'DELIVERED'], 'COMPLETED'],
    [['DELIVERED', 'CANCELLED'], 'COMPLETED'],
    [['CANCELLED', 'CANCELLED'], 'CANCELLED'],
    [['REFUNDED'], 'REFUNDED'],
    [['REFUNDED', 'CANCELLED'], 'REFUNDED'],
    [['REFUNDED', 'DELIVERED'], 'COMPLETED'],
  ])('%j → %s', (subOrders, expected) => {
    expect(deriveOrderStatus(subOrders)).toBe(expected);
  });

  it('refuses an order without sub-orders', () => {
    expect(() => deriveOrderStatus([])).toThrow(RangeError);
  });

  it('does not depend on the order of the sub-orders', () => {
    fc.assert(
      fc.property(states, fc.nat(), (subOrders, seed) => {
        const k = seed % subOrders.length;
        const rotated = [...subOrders.slice(k), ...subOrders.slice(0, k)];
        expect(deriveOrderStatus(rotated)).toBe(deriveOrderStatus(subOrders));
        expect(deriveOrderStatus([...subOrders].reverse())).toBe(deriveOrderStatus(subOrders));
      }),
    );
  });

  it('ignores a cancelled sub-order beside any live one', () => {
    fc.assert(
      fc.property(states, (subOrders) => {
        fc.pre(subOrders.some((s) => s !== 'CANCELLED'));
        expect(deriveOrderStatus([...subOrders, 'CANCELLED'])).toBe(deriveOrderStatus(subOrders));
      }),
    );
  });

  it('is CANCELLED exactly when every sub-order is, COMPLETED exactly when every open one is delivered', () => {
    fc.assert(
      fc.property(states, (subOrders) => {
        const status = deriveOrderStatus(subOrders);
        expect(status === 'CANCELLED').toBe(subOrders.every((s) => s === 'CANCELLED'));
        const open = subOrders.filter((s) => s !== 'CANCELLED' && s !== 'REFUNDED');
        expect(status === 'COMPLETED').toBe(open.length > 0 && open.every((s) => s === 'DELIVERED'));
      }),
    );
  });

  it('says SHIPPED or PARTIALLY_SHIPPED exactly when something is dispatched but not everything delivered', () => {
    fc.assert(
      fc.property(states, (subOrders) => {
        const status = deriveOrderStatus(subOrders);
        const open = subOrders.filter((s) => s !== 'CANCELLED' && s !== 'REFUNDED');
        const dispatched = open.some((s) => s === 'SHIPPED' || s === 'DELIVERED');
        const allDelivered = open.length > 0 && open.every((s) => s === 'DELIVERED');
        expect(status === 'SHIPPED' || status === 'PARTIALLY_SHIPPED').toBe(dispatched && !allDelivered);
      }),
    );
  });

  it('moves forward along any legal sequence of sub-order moves, never back', () => {
    const rank: Record<string, number> = {
      PENDING_PAYMENT: 0,
      PLACED: 1,
      PARTIALLY_SHIPPED: 2,
      SHIPPED: 3,
      COMPLETED: 4,
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom<SubOrderState>('PENDING_PAYMENT', 'AWAITING_FULFILMENT'),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 30 }),
        (count, start, moves) => {
          const subOrders: SubOrderState[] = Array.from({ length: count }, () => start);
          let previous = deriveOrderStatus(subOrders);
          for (const [which, choice] of moves) {
            const i = which % count;
            const nexts = SUB_ORDER_STATES.filter(
              // Fulfilment moves only: a refund takes a part out of the order (like a cancellation),
              // which may leave the rest less advanced (tested below).
              (to) => canTransition(subOrders[i], to) && to !== 'CANCELLED' && to !== 'REFUNDED',
            );
            if (nexts.length === 0) continue;
            subOrders[i] = nexts[choice % nexts.length];
            // Payment moves every sub-order of an order together.
            if (subOrders[i] === 'AWAITING_FULFILMENT')
              subOrders.forEach((s, j) => s === 'PENDING_PAYMENT' && (subOrders[j] = 'AWAITING_FULFILMENT'));
            const status = deriveOrderStatus(subOrders);
            expect(rank[status]).toBeGreaterThanOrEqual(rank[previous]);
            previous = status;
          }
        },
      ),
    );
  });
});

describe('refunds', () => {
  it('a refunded part counts as gone: refunding every live part makes the order REFUNDED, and only that', () => {
    fc.assert(
      fc.property(states, fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), (subOrders, pick) => {
        const after = subOrders.map((s, i) => (pick[i] && canTransition(s, 'REFUNDED') ? 'REFUNDED' : s));
        const live = after.filter((s) => s !== 'CANCELLED');
        const status = deriveOrderStatus(after);
        expect(status === 'REFUNDED').toBe(live.length > 0 && live.every((s) => s === 'REFUNDED'));
        // The rest of the order is derived as if the refunded parts were not there.
        const rest = after.filter((s) => s !== 'REFUNDED');
        if (status !== 'REFUNDED' && rest.length > 0) expect(status).toBe(deriveOrderStatus(rest));
      }),
    );
  });
});

describe('buyerMayCancel', () => {
  it('allows a cancel only before anything is dispatched, and only when something is left to cancel', () => {
    expect(buyerMayCancel(['PENDING_PAYMENT', 'PENDING_PAYMENT'])).toBe(true);
    expect(buyerMayCancel(['AWAITING_FULFILMENT', 'CANCELLED'])).toBe(true);
    expect(buyerMayCancel(['AWAITING_FULFILMENT', 'SHIPPED'])).toBe(false);
    expect(buyerMayCancel(['CANCELLED'])).toBe(false);
    expect(buyerMayCancel(['DELIVERED'])).toBe(false);
  });

  it('agrees with the derived status: only a PENDING_PAYMENT or PLACED order can be cancelled by its buyer', () => {
    fc.assert(
      fc.property(states, (subOrders) => {
        fc.pre(!subOrders.includes('REFUNDED'));
        if (buyerMayCancel(subOrders))
          expect(['PENDING_PAYMENT', 'PLACED']).toContain(deriveOrderStatus(subOrders));
        if (['PENDING_PAYMENT', 'PLACED'].includes(deriveOrderStatus(subOrders)))
          expect(buyerMayCancel(subOrders)).toBe(true);
      }),
    );
  });
});
