import { Injectable, type OnModuleInit } from '@nestjs/common';
import { StockService } from '@taawoun/catalog';
import {
  AppConfig,
  BadUserInputError,
  Cursors,
  Db,
  InvalidStateTransitionError,
  Jobs,
  NotFoundError,
  isAdmin,
  isUuid,
  pageSize,
  requireUuid,
  toConnection,
  type Connection,
  type RequestContext,
} from '@taawoun/core';
import { CooperativeScopeRegistry } from '@taawoun/identity';
import type { CancelledBy } from '@taawoun/notifications';
import { OrderMails, type CancelledPart } from '../notifications/order-mails.js';
import { toOrderModel, toSubOrderModel } from '../orders/order.mapper.js';
import type { OrderModel, SubOrderModel } from '../orders/order.model.js';
import { OrderRepository, type SubOrderRow } from '../orders/order.repository.js';
import type { SubOrderStatus } from '../orders/order-status.js';
import { subOrderVisibilityParams } from '../orders/sub-order-visibility.js';
import { OrderPayments, type CancelledSubOrder } from '../payments/order-payments.js';
import { FulfilmentRepository, type LockedOrderRow, type SubOrderStateRow } from './fulfilment.repository.js';
import {
  CANCELLABLE_SUB_ORDER_STATES,
  deriveOrderStatus,
  statesLeadingTo,
  type SubOrderState,
} from './order-state.js';

/** The job cancelling one CARD order whose hold ran out unpaid. */
export const ORDER_HOLD_EXPIRY_JOB = 'orders.hold-expiry';
/** The safety sweep behind it: expires any hold past its time (a job lost to retries, a restore). */
export const ORDER_HOLD_SWEEP_JOB = 'orders.hold-sweep';
/** Orders one sweep expires at most (the next sweep takes the rest). */
const SWEEP_BATCH = 200;

/** The keyset kind of `cooperativeOrders` cursors. */
const COOPERATIVE_ORDERS_CURSOR = 'sub-orders:cooperative:newest';

const CARRIER_MAX = 100;
const REASON_MAX = 500;

/** Trimmed text of 1..max characters without control characters, or BAD_USER_INPUT on `field`. */
function requiredText(field: string, value: string, max: number): string {
  const text = value.trim();
  if (!text) throw BadUserInputError.field(field, 'must not be empty');
  if (text.length > max) throw BadUserInputError.field(field, `must be at most ${max} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text)) throw BadUserInputError.field(field, 'must be one line of text');
  return text;
}

function optionalReason(value: string | null | undefined): string | null {
  if (value === null || value === undefined || !value.trim()) return null;
  const text = value.trim();
  if (text.length > REASON_MAX)
    throw BadUserInputError.field('reason', `must be at most ${REASON_MAX} characters`);
  return text;
}

/**
 * Fulfilment: the moves of sub-orders (ship, deliver, cancel), the cancellation of whole
 * orders, the expiry of unpaid card holds, and the cooperatives' view of their sub-orders.
 *
 * Every move runs in one transaction that (1) locks the order row, so the moves of one order's
 * sub-orders are serialized, (2) makes the move with one conditional UPDATE whose WHERE names
 * the states it may leave, which alone decides whether the move happened and so whether its
 * effects (restock, e-mails) run, (3) stores the order's status derived from its sub-orders,
 * (4) queues the e-mails.
 */
@Injectable()
export class FulfilmentService implements OnModuleInit {
  constructor(
    private readonly db: Db,
    private readonly repo: FulfilmentRepository,
    private readonly orders: OrderRepository,
    private readonly stock: StockService,
    private readonly mails: OrderMails,
    private readonly jobs: Jobs,
    private readonly cursors: Cursors,
    private readonly config: AppConfig,
    private readonly scopes: CooperativeScopeRegistry,
    private readonly payments: OrderPayments,
  ) {}

  async onModuleInit(): Promise<void> {
    this.scopes.register('subOrder', (id) =>
      isUuid(id) ? this.repo.cooperativeOfSubOrder(id) : Promise.resolve(null),
    );
    await this.jobs.register<{ orderId: string }>(ORDER_HOLD_EXPIRY_JOB, async ({ orderId }) => {
      await this.expireHold(orderId);
    });
    await this.jobs.register(
      ORDER_HOLD_SWEEP_JOB,
      async () => {
        await this.sweepExpiredHolds();
      },
      { cron: '*/5 * * * *' },
    );
  }

  /**
   * Schedules the end of a CARD order's hold: CARD_HOLD_MINUTES after now, the order is
   * cancelled and its stock returned unless it was paid. Call inside the checkout transaction,
   * so the job exists exactly when the order does.
   */
  async scheduleHoldExpiry(orderId: string): Promise<void> {
    await this.jobs.send(
      ORDER_HOLD_EXPIRY_JOB,
      { orderId },
      { startAfterSeconds: this.config.CARD_HOLD_MINUTES * 60, singletonKey: orderId },
    );
  }

  /**
   * Cancels a CARD order still waiting for its payment once its hold has run out, returning its
   * stock; answers whether it did. Idempotent: a paid, cancelled or too young order is left alone.
   */
  expireHold(orderId: string): Promise<boolean> {
    if (!isUuid(orderId)) return Promise.resolve(false);
    return this.db.transaction(async () => {
      const order = await this.repo.lockOrder(orderId);
      if (!order || order.status !== 'PENDING_PAYMENT' || order.ageMinutes < this.config.CARD_HOLD_MINUTES)
        return false;
      const before = await this.repo.statesOfOrder(orderId);
      const cancelled = await this.repo.cancelOfOrder(
        orderId,
        ['PENDING_PAYMENT'],
        'CARD_HOLD_EXPIRED',
        true,
      );
      if (cancelled.length === 0) return false;
      await this.restock(order, cancelled, 'expired unpaid', null);
      await this.storeOrderStatus(orderId, before, cancelled, 'CARD_HOLD_EXPIRED');
      await this.mails.expired(orderId);
      return true;
    });
  }

  /** Expires every hold past its time; answers how many orders it cancelled. */
  async sweepExpiredHolds(): Promise<number> {
    const ids = await this.repo.expiredHolds(this.config.CARD_HOLD_MINUTES, SWEEP_BATCH);
    let expired = 0;
    for (const id of ids) if (await this.expireHold(id)) expired++;
    return expired;
  }

  /**
   * The payment of a CARD order succeeded (called by payments inside ITS transaction, which this
   * joins): locks the order and moves every part still PENDING_PAYMENT to AWAITING_FULFILMENT with
   * one state-checked UPDATE, stores the order's status and tells the cooperatives. Idempotent:
   * `PAID` only for the call that moved something; `ALREADY_PAID` when nothing was pending any
   * more and the order is not cancelled; `CANCELLED` when the hold expired (or the order was
   * cancelled) first, so the caller refunds; `NOT_FOUND` for an unknown order. `subOrders` are
   * the order's non-cancelled parts.
   */
  confirmPayment(
    orderId: string,
  ): Promise<{ outcome: 'PAID' | 'ALREADY_PAID' | 'CANCELLED' | 'NOT_FOUND'; subOrders: SubOrderRow[] }> {
    return this.db.transaction(async () => {
      const order = isUuid(orderId) ? await this.repo.lockOrder(orderId) : undefined;
      if (!order || order.paymentMethod !== 'CARD') return { outcome: 'NOT_FOUND', subOrders: [] };
      const moved = await this.repo.pay(orderId);
      const all = (await this.repo.subOrdersOfOrder(orderId)).filter((s) => s.status !== 'CANCELLED');
      if (moved.length > 0) {
        await this.storeOrderStatus(orderId, null, moved, null);
        await this.mails.received(orderId);
        return { outcome: 'PAID', subOrders: all };
      }
      return { outcome: all.length === 0 ? 'CANCELLED' : 'ALREADY_PAID', subOrders: all };
    });
  }

  /**
   * For payments (refunds), inside the caller's transaction: locks the order of a sub-order (every
   * move and refund of an order is serialized on it) and answers both; NOT_FOUND when unknown.
   */
  async lockSubOrder(subOrderId: string): Promise<{ order: LockedOrderRow; subOrder: SubOrderRow }> {
    requireUuid(subOrderId, 'SubOrder');
    const order = await this.lockOrderOf(subOrderId);
    const subOrder = await this.repo.subOrder(subOrderId);
    if (!subOrder) throw new NotFoundError('SubOrder', subOrderId);
    return { order, subOrder };
  }

  /**
   * For payments, inside the caller's transaction (which settled the refund that returned the
   * whole of the part): the sub-order moves to REFUNDED if its state allows it (one state-checked
   * UPDATE; a cancelled or already refunded part stays as it is), a part not yet shipped returns
   * its stock, and the order's status is derived again. Answers whether it moved.
   */
  async markRefunded(subOrderId: string): Promise<boolean> {
    requireUuid(subOrderId, 'SubOrder');
    const order = await this.lockOrderOf(subOrderId);
    const before = await this.repo.statesOfOrder(order.id);
    const moved = await this.repo.refund(subOrderId, statesLeadingTo('REFUNDED'));
    if (!moved) return false;
    if (before.find((s) => s.id === subOrderId)?.status === 'AWAITING_FULFILMENT')
      await this.restock(order, [moved], 'refunded', null);
    await this.storeOrderStatus(order.id, before, [moved], null);
    return true;
  }

  /** Every sub-order of an order, cancelled ones included (a late payment refunds them). */
  allSubOrders(orderId: string): Promise<SubOrderRow[]> {
    return this.repo.subOrdersOfOrder(orderId);
  }

  /** A sub-order as the API answers it. */
  async subOrderModel(subOrderId: string): Promise<SubOrderModel> {
    const row = isUuid(subOrderId) ? await this.repo.subOrder(subOrderId) : undefined;
    if (!row) throw new NotFoundError('SubOrder', subOrderId);
    return toSubOrderModel(row);
  }

  /** AWAITING_FULFILMENT → SHIPPED with the carrier and tracking number; e-mails the buyer. */
  markShipped(id: string, carrier: string, trackingNumber: string): Promise<SubOrderModel> {
    requireUuid(id, 'SubOrder');
    const carrierText = requiredText('carrier', carrier, CARRIER_MAX);
    const tracking = requiredText('trackingNumber', trackingNumber, CARRIER_MAX);
    return this.db.transaction(async () => {
      const order = await this.lockOrderOf(id);
      const moved = await this.repo.ship(id, statesLeadingTo('SHIPPED'), carrierText, tracking);
      if (!moved) throw await this.refusal(order, id, 'SHIPPED');
      await this.storeOrderStatus(order.id, null, [moved], null);
      await this.mails.shipped(id);
      return toSubOrderModel(moved);
    });
  }

  /** SHIPPED → DELIVERED; e-mails the buyer (for cash on delivery: the cash collected). */
  markDelivered(id: string): Promise<SubOrderModel> {
    requireUuid(id, 'SubOrder');
    return this.db.transaction(async () => {
      const order = await this.lockOrderOf(id);
      const moved = await this.repo.deliver(id, statesLeadingTo('DELIVERED'));
      if (!moved) throw await this.refusal(order, id, 'DELIVERED');
      await this.storeOrderStatus(order.id, null, [moved], null);
      await this.payments.delivered(order.id, order.paymentMethod, moved);
      await this.mails.delivered(id);
      return toSubOrderModel(moved);
    });
  }

  /**
   * A cooperative member (or an admin) cancels one sub-order before it ships: its stock returns,
   * the buyer is told (and the cooperative, when an admin cancelled).
   */
  cancelSubOrder(rc: RequestContext, id: string, reason: string): Promise<SubOrderModel> {
    const actor = rc.requireActor();
    requireUuid(id, 'SubOrder');
    const why = requiredText('reason', reason, REASON_MAX);
    return this.db.transaction(async () => {
      const order = await this.lockOrderOf(id);
      const before = await this.repo.statesOfOrder(order.id);
      const moved = await this.repo.cancelSubOrder(id, CANCELLABLE_SUB_ORDER_STATES, why);
      if (!moved) throw this.invalid(before, id, 'CANCELLED');
      await this.restock(order, [moved], 'cancelled', actor.userId);
      await this.storeOrderStatus(order.id, before, [moved], why);
      await this.payments.cancelled(order.id, this.cancelledParts(before, [moved]));
      const by: CancelledBy = actor.memberships.has(moved.cooperativeId) ? 'COOPERATIVE' : 'ADMIN';
      await this.mails.cancelled(order.id, this.previous(before, [moved]), by, why);
      return toSubOrderModel(moved);
    });
  }

  /**
   * The buyer cancels the whole order before anything of it has shipped; an admin cancels
   * whatever has not shipped yet. Every cancelled sub-order's stock returns. Another buyer's
   * order is NOT_FOUND, as if it did not exist.
   */
  cancelOrder(rc: RequestContext, id: string, reason: string | null | undefined): Promise<OrderModel> {
    const actor = rc.requireActor();
    requireUuid(id, 'Order');
    const why = optionalReason(reason);
    return this.db.transaction(async () => {
      const order = await this.repo.lockOrder(id);
      const admin = isAdmin(actor);
      if (!order || (order.userId !== actor.userId && !admin)) throw new NotFoundError('Order', id);
      const before = await this.repo.statesOfOrder(id);
      const cancelled = await this.repo.cancelOfOrder(id, CANCELLABLE_SUB_ORDER_STATES, why, admin);
      if (cancelled.length === 0) throw new InvalidStateTransitionError('Order', order.status, 'CANCELLED');
      await this.restock(order, cancelled, 'cancelled', actor.userId);
      await this.storeOrderStatus(id, before, cancelled, why);
      await this.payments.cancelled(id, this.cancelledParts(before, cancelled));
      const by: CancelledBy = order.userId === actor.userId ? 'BUYER' : 'ADMIN';
      await this.mails.cancelled(id, this.previous(before, cancelled), by, why);
      const [row] = await this.orders.byIds([id]);
      return toOrderModel(row);
    });
  }

  /**
   * A cooperative's sub-orders, newest first, optionally of one status; keyset-paged. The
   * policy admits its members and admins only.
   */
  async cooperativeOrders(
    rc: RequestContext,
    cooperativeId: string,
    status: SubOrderStatus | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<SubOrderModel>> {
    requireUuid(cooperativeId, 'Cooperative');
    const size = pageSize(first);
    const cursor = after
      ? (this.cursors.decode(after, COOPERATIVE_ORDERS_CURSOR, ['timestamp', 'uuid']) as [string, string])
      : null;
    const state = (status ?? null) as SubOrderState | null;
    const visibility = subOrderVisibilityParams(rc.actor);
    const [rows, total] = await Promise.all([
      this.repo.pageOfCooperative(cooperativeId, state, visibility, cursor, size),
      this.repo.countOfCooperative(cooperativeId, state, visibility),
    ]);
    return toConnection(
      rows,
      size,
      total,
      (row) => this.cursors.encode(COOPERATIVE_ORDERS_CURSOR, [row.cursorAt, row.id]),
      (row) => toSubOrderModel(row),
    );
  }

  /** The sub-orders of an order with their cooperatives and states (scripts: the demo seed). */
  subOrdersOf(orderId: string): Promise<SubOrderStateRow[]> {
    return this.repo.statesOfOrder(orderId);
  }

  private async lockOrderOf(subOrderId: string): Promise<LockedOrderRow> {
    const order = await this.repo.lockOrderOfSubOrder(subOrderId);
    if (!order) throw new NotFoundError('SubOrder', subOrderId);
    return order;
  }

  /** The error for a move the UPDATE refused: the sub-order's state did not allow it. */
  private async refusal(order: LockedOrderRow, subOrderId: string, to: SubOrderState): Promise<Error> {
    return this.invalid(await this.repo.statesOfOrder(order.id), subOrderId, to);
  }

  private invalid(states: readonly SubOrderStateRow[], subOrderId: string, to: SubOrderState): Error {
    const current = states.find((s) => s.id === subOrderId);
    if (!current) return new NotFoundError('SubOrder', subOrderId);
    return new InvalidStateTransitionError('SubOrder', current.status, to);
  }

  /** Returns the units of the sub-orders a cancellation moved (and only those) to stock. */
  private async restock(
    order: LockedOrderRow,
    cancelled: readonly SubOrderRow[],
    what: string,
    authorId: string | null,
  ): Promise<void> {
    const lines = await this.repo.heldLines(cancelled.map((s) => s.id));
    await this.stock.release(lines, `Order ${order.number} ${what}`, authorId);
  }

  /**
   * Stores the order's status derived from its sub-orders: from `before` (read under the order
   * lock) with `moved` applied, or read afresh when `before` is null.
   */
  private async storeOrderStatus(
    orderId: string,
    before: readonly SubOrderStateRow[] | null,
    moved: readonly SubOrderRow[],
    cancelReason: string | null,
  ): Promise<string> {
    const states = before ?? (await this.repo.statesOfOrder(orderId));
    const now = new Map(moved.map((m) => [m.id, m.status as SubOrderState]));
    const status = deriveOrderStatus(states.map((s) => now.get(s.id) ?? s.status));
    await this.repo.setOrderStatus(orderId, status, cancelReason);
    return status;
  }

  private cancelledParts(
    before: readonly SubOrderStateRow[],
    moved: readonly SubOrderRow[],
  ): CancelledSubOrder[] {
    const was = new Map(before.map((s) => [s.id, s.status]));
    return moved.map((m) => ({ subOrder: m, previousStatus: was.get(m.id) ?? m.status }));
  }

  private previous(before: readonly SubOrderStateRow[], moved: readonly SubOrderRow[]): CancelledPart[] {
    const was = new Map(before.map((s) => [s.id, s.status]));
    return moved.map((m) => ({ subOrderId: m.id, previousStatus: was.get(m.id) ?? m.status }));
  }
}
