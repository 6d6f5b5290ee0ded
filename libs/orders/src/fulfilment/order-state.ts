/**
 * The order and sub-order state machines, as pure code.
 *
 * A sub-order (one cooperative's part of an order) moves through {@link SUB_ORDER_TRANSITIONS};
 * every move is made by one conditional UPDATE whose WHERE clause names the states it may leave
 * ({@link statesLeadingTo}), so the database decides races. An order has no transitions of its
 * own: its status is always {@link deriveOrderStatus} of its sub-orders, recomputed in the
 * transaction that moves one of them.
 */

/** The states of a sub-order (the contract's SubOrderStatus). */
export const SUB_ORDER_STATES = [
  'PENDING_PAYMENT',
  'AWAITING_FULFILMENT',
  'SHIPPED',
  'DELIVERED',
  'CANCELLED',
  'REFUNDED',
] as const;
export type SubOrderState = (typeof SUB_ORDER_STATES)[number];

/** The states of an order (the contract's OrderStatus). */
export const ORDER_STATES = [
  'PENDING_PAYMENT',
  'PLACED',
  'PARTIALLY_SHIPPED',
  'SHIPPED',
  'COMPLETED',
  'CANCELLED',
  'REFUNDED',
] as const;
export type OrderState = (typeof ORDER_STATES)[number];

/**
 * The moves a sub-order can make. PENDING_PAYMENT → AWAITING_FULFILMENT is the payment's
 * (issue 11 makes it on a successful card payment). REFUNDED is reached only when refunds
 * have returned the whole of a paid part (payments decides "whole"): from AWAITING_FULFILMENT
 * (it will not ship; its stock returns), SHIPPED or DELIVERED. CANCELLED stays final even when
 * its payment is refunded (the cancellation is why; the payment tells the refund), and so
 * does REFUNDED. DELIVERED is final for fulfilment.
 */
export const SUB_ORDER_TRANSITIONS: { readonly [S in SubOrderState]: readonly SubOrderState[] } = {
  PENDING_PAYMENT: ['AWAITING_FULFILMENT', 'CANCELLED'],
  AWAITING_FULFILMENT: ['SHIPPED', 'CANCELLED', 'REFUNDED'],
  SHIPPED: ['DELIVERED', 'REFUNDED'],
  DELIVERED: ['REFUNDED'],
  CANCELLED: [],
  REFUNDED: [],
};

/** Whether a sub-order in `from` may move to `to`. */
export function canTransition(from: SubOrderState, to: SubOrderState): boolean {
  return SUB_ORDER_TRANSITIONS[from].includes(to);
}

/**
 * The states a sub-order may be in to move to `to`: the `status IN (...)` of the UPDATE making
 * the move. Empty when nothing leads there.
 */
export function statesLeadingTo(to: SubOrderState): SubOrderState[] {
  return SUB_ORDER_STATES.filter((from) => canTransition(from, to));
}

/** States in which a sub-order still holds stock that a cancellation returns. */
export const CANCELLABLE_SUB_ORDER_STATES: readonly SubOrderState[] = statesLeadingTo('CANCELLED');

/** States showing that the cooperative has handed (part of) the order to a carrier. */
const DISPATCHED: ReadonlySet<SubOrderState> = new Set(['SHIPPED', 'DELIVERED']);

/**
 * The status of an order from its sub-orders' states (order irrelevant):
 * - every sub-order cancelled → CANCELLED;
 * - otherwise the cancelled ones are ignored, and of the rest ("live"):
 *   - all refunded → REFUNDED (refunded ones are then ignored too, like cancelled ones);
 *   - all pending payment → PENDING_PAYMENT;
 *   - all delivered → COMPLETED;
 *   - all shipped or delivered → SHIPPED;
 *   - some shipped or delivered → PARTIALLY_SHIPPED;
 *   - else → PLACED (some awaiting fulfilment, none dispatched).
 * Throws on an empty list: an order always has at least one sub-order.
 */
export function deriveOrderStatus(subOrders: readonly SubOrderState[]): OrderState {
  if (subOrders.length === 0) throw new RangeError('An order has at least one sub-order');
  const live = subOrders.filter((s) => s !== 'CANCELLED');
  if (live.length === 0) return 'CANCELLED';
  const open = live.filter((s) => s !== 'REFUNDED');
  if (open.length === 0) return 'REFUNDED';
  if (open.every((s) => s === 'PENDING_PAYMENT')) return 'PENDING_PAYMENT';
  if (open.every((s) => s === 'DELIVERED')) return 'COMPLETED';
  const dispatched = open.filter((s) => DISPATCHED.has(s)).length;
  if (dispatched === open.length) return 'SHIPPED';
  if (dispatched > 0) return 'PARTIALLY_SHIPPED';
  return 'PLACED';
}

/**
 * Whether the buyer may still cancel the whole order: nothing of it has been dispatched (or
 * refunded) and something is left to cancel.
 */
export function buyerMayCancel(subOrders: readonly SubOrderState[]): boolean {
  return (
    subOrders.some((s) => CANCELLABLE_SUB_ORDER_STATES.includes(s)) &&
    subOrders.every((s) => s === 'CANCELLED' || CANCELLABLE_SUB_ORDER_STATES.includes(s))
  );
}
