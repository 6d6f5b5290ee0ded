import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  BadUserInputError,
  Db,
  InvalidStateTransitionError,
  Jobs,
  LOGGER,
  requireUuid,
  type RequestContext,
} from '@taawoun/core';
import { FulfilmentService, OrderMails, type SubOrderModel, type SubOrderRow } from '@taawoun/orders';
import type { Logger } from 'pino';
import { refundEntry } from '../ledger/ledger-effects.js';
import { LedgerRepository } from '../ledger/ledger.repository.js';
import { PaymentRepository, type PaymentRow } from '../payments/payment.repository.js';
import { PaymentProviderRefusal } from '../providers/payment-provider.js';
import { PaymentProviders } from '../providers/payment-providers.js';
import { RefundRepository, type RefundRow } from './refund.repository.js';

/** The job sending one refund to its provider (idempotency key = the refund id) and settling it. */
export const PAYMENT_REFUND_JOB = 'payments.refund';
/** The sweep behind it: refunds still PENDING after a while are sent again. */
export const PAYMENT_REFUND_SWEEP_JOB = 'payments.refund-sweep';

const REASON_MAX = 500;

/**
 * Refunds of sub-orders. A refund is a row first (PENDING, in the transaction that decided it,
 * with its job), then a provider call keyed by the refund id (so a retry after a crash is the
 * same refund at the provider), then a state-checked settlement that alone writes its effects:
 * the payment's refunded amount and the REFUND ledger entry. What a sub-order may still be
 * refunded is its total less every refund not FAILED, read under the order's lock.
 */
@Injectable()
export class RefundService implements OnModuleInit {
  constructor(
    private readonly db: Db,
    private readonly jobs: Jobs,
    private readonly fulfilment: FulfilmentService,
    private readonly refunds: RefundRepository,
    private readonly payments: PaymentRepository,
    private readonly ledger: LedgerRepository,
    private readonly providers: PaymentProviders,
    private readonly mails: OrderMails,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.register<{ refundId: string }>(PAYMENT_REFUND_JOB, async ({ refundId }) => {
      await this.send(refundId);
    });
    await this.jobs.register(
      PAYMENT_REFUND_SWEEP_JOB,
      async () => {
        for (const id of await this.refunds.pending(100)) await this.send(id);
      },
      { cron: '*/10 * * * *' },
    );
  }

  /** ADMIN: refunds `amount` (default: all that is left) of a paid sub-order through its provider. */
  async refundSubOrder(
    _rc: RequestContext,
    id: string,
    amount: number | null | undefined,
    reason: string,
  ): Promise<SubOrderModel> {
    requireUuid(id, 'SubOrder');
    const why = reason.trim();
    if (!why) throw BadUserInputError.field('reason', 'must not be empty');
    if (why.length > REASON_MAX)
      throw BadUserInputError.field('reason', `must be at most ${REASON_MAX} characters`);
    if (amount !== null && amount !== undefined && (!Number.isSafeInteger(amount) || amount < 1))
      throw BadUserInputError.field('amount', 'must be a positive number of centimes');
    const refund = await this.db.transaction(async () => {
      const { order, subOrder } = await this.fulfilment.lockSubOrder(id);
      const payment = await this.payments.lockByOrder(order.id);
      const paid =
        payment &&
        (payment.method === 'CARD'
          ? ['SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED'].includes(payment.status)
          : subOrder.status === 'DELIVERED' || subOrder.status === 'REFUNDED');
      if (!payment || !paid) throw new InvalidStateTransitionError('SubOrder', subOrder.status, 'REFUNDED');
      const committed = (await this.refunds.committedBySubOrders([id])).get(id) ?? 0;
      const left = subOrder.totalAmount - committed;
      if (left <= 0) throw BadUserInputError.field('amount', 'this sub-order has been refunded in full');
      const value = amount ?? left;
      if (value > left)
        throw BadUserInputError.field('amount', `must be at most ${left} (what is left of the payment)`);
      return this.create(payment, subOrder, value, why);
    });
    // At once for the admin; the job retries if the provider fails now.
    await this.send(refund.id).catch((error: unknown) =>
      this.log.warn({ err: error, refundId: refund.id }, 'refund failed; its job will retry'),
    );
    return this.fulfilment.subOrderModel(id);
  }

  /**
   * Inside the caller's transaction (which holds the order lock): refunds what is left of each
   * sub-order (a cancelled paid part, a payment that came after its order expired).
   */
  async refundRemaining(
    payment: PaymentRow,
    subOrders: readonly SubOrderRow[],
    reason: string,
  ): Promise<void> {
    if (subOrders.length === 0) return;
    const committed = await this.refunds.committedBySubOrders(subOrders.map((s) => s.id));
    for (const sub of subOrders) {
      const left = sub.totalAmount - (committed.get(sub.id) ?? 0);
      if (left > 0) await this.create(payment, sub, left, reason);
    }
  }

  private async create(
    payment: PaymentRow,
    sub: SubOrderRow,
    amount: number,
    reason: string,
  ): Promise<RefundRow> {
    const refund = await this.refunds.insert({
      paymentId: payment.id,
      subOrderId: sub.id,
      amount,
      currency: payment.currency,
      reason,
    });
    await this.jobs.send(PAYMENT_REFUND_JOB, { refundId: refund.id }, { singletonKey: refund.id });
    return refund;
  }

  /**
   * The provider reports refunds on a payment (charge.refunded): its PENDING refunds are sent
   * again by their jobs (same idempotency keys: the provider answers the refund it made, which
   * settles them). Inside the event's transaction.
   */
  async reconcile(paymentId: string): Promise<number> {
    const ids = await this.refunds.pendingOfPayment(paymentId);
    for (const refundId of ids)
      await this.jobs.send(PAYMENT_REFUND_JOB, { refundId }, { singletonKey: refundId });
    return ids.length;
  }

  /**
   * Sends a PENDING refund to its provider and settles it. Idempotent: the provider sees the same
   * idempotency key every time, and only the settlement that moves the row writes the effects.
   */
  async send(refundId: string): Promise<void> {
    const refund = await this.refunds.byId(refundId);
    if (!refund || refund.status !== 'PENDING') return;
    const payment = await this.payments.byId(refund.paymentId);
    if (!payment) return;
    const provider = this.providers.byName(payment.provider);
    if (!provider) throw new Error(`No provider ${payment.provider} for refund ${refundId}`);
    const attempt = payment.method === 'CARD' ? await this.payments.succeededAttempt(payment.id) : undefined;
    if (payment.method === 'CARD' && !attempt)
      throw new Error(`Refund ${refundId}: no succeeded payment attempt yet`);
    let result;
    try {
      result = await provider.refund({
        paymentRef: attempt?.providerRef ?? `cash:${payment.orderId}`,
        amount: refund.amount,
        idempotencyKey: `refund:${refund.id}`,
        refundId: refund.id,
      });
    } catch (error) {
      if (!(error instanceof PaymentProviderRefusal)) throw error;
      this.log.error({ refundId, reason: error.message }, 'the provider refused a refund');
      await this.settle(refund.id, 'FAILED', null);
      return;
    }
    if (result.status === 'PENDING') return; // charge.refunded settles it, or the sweep asks again
    await this.settle(refund.id, result.status, result.providerRef);
  }

  /**
   * PENDING → SUCCEEDED/FAILED once; a success adds to the payment's refunded amount and to the
   * ledger, and moves the sub-order to REFUNDED when its whole total has been refunded.
   */
  async settle(
    refundId: string,
    status: 'SUCCEEDED' | 'FAILED',
    providerRef: string | null,
  ): Promise<boolean> {
    return this.db.transaction(async () => {
      const current = await this.refunds.byId(refundId);
      if (!current) return false;
      const { subOrder } = await this.fulfilment.lockSubOrder(current.subOrderId);
      const settled = await this.refunds.settle(refundId, status, providerRef);
      if (!settled) return false;
      if (status === 'SUCCEEDED') {
        await this.payments.addRefunded(settled.paymentId, settled.amount);
        if (await this.ledger.hasSale(subOrder.id))
          await this.ledger.append([refundEntry(subOrder, settled.id, settled.amount)]);
        await this.mails.refunded(subOrder.id, settled.amount);
        // The whole of the part is back with the buyer: it moves to REFUNDED (state-checked).
        if ((await this.refunds.succeededOfSubOrder(subOrder.id)) >= subOrder.totalAmount)
          await this.fulfilment.markRefunded(subOrder.id);
      }
      return true;
    });
  }
}
