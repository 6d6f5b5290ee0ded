import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AppConfig, Db, Jobs } from '@taawoun/core';
import {
  OrderPayments,
  PaymentMethodUnavailableError,
  type CancelledSubOrder,
  type OrderPaymentsHandler,
  type OrderPaymentView,
  type PlacedOrderRef,
  type SubOrderRow,
} from '@taawoun/orders';
import { cashCollectedEntry, saleEntries } from '../ledger/ledger-effects.js';
import { LedgerRepository } from '../ledger/ledger.repository.js';
import { PaymentProviders } from '../providers/payment-providers.js';
import { RefundService } from '../refunds/refund.service.js';
import { PaymentRepository } from './payment.repository.js';

/** The idempotency key of an order's card payment: the same order is the same PaymentIntent. */
export function paymentIdempotencyKey(orderId: string): string {
  return `order-payment:${orderId}`;
}

/**
 * Payments as orders sees them (the {@link OrderPayments} port): the payment row at checkout, the
 * card payment started after it, refunds of cancelled paid parts, the cash collected at delivery.
 */
@Injectable()
export class PaymentService implements OrderPaymentsHandler, OnModuleInit {
  constructor(
    private readonly db: Db,
    private readonly config: AppConfig,
    private readonly jobs: Jobs,
    private readonly port: OrderPayments,
    private readonly providers: PaymentProviders,
    private readonly payments: PaymentRepository,
    private readonly ledger: LedgerRepository,
    private readonly refunds: RefundService,
  ) {}

  onModuleInit(): void {
    this.port.provide(this);
  }

  cardAvailable(): boolean {
    return this.providers.forMethod('CARD')?.available() ?? false;
  }

  async placed(order: PlacedOrderRef): Promise<void> {
    const provider = this.providers.forMethod(order.paymentMethod);
    if (!provider) throw new PaymentMethodUnavailableError(order.paymentMethod);
    await this.payments.insert({
      orderId: order.id,
      provider: provider.name,
      method: order.paymentMethod,
      status: order.paymentMethod === 'CARD' ? 'PENDING' : 'NOT_REQUIRED',
      amount: order.totalAmount,
      currency: order.currency,
    });
  }

  async startCard(order: PlacedOrderRef): Promise<{ clientSecret: string }> {
    const provider = this.providers.forMethod('CARD');
    const payment = await this.payments.byOrder(order.id);
    if (!provider?.available() || !payment) throw new PaymentMethodUnavailableError('CARD');
    const idempotencyKey = paymentIdempotencyKey(order.id);
    let started;
    try {
      started = await provider.startPayment({
        orderId: order.id,
        orderNumber: order.number,
        email: order.email,
        amount: payment.amount,
        currency: payment.currency,
        idempotencyKey,
      });
    } catch {
      // The order stays PENDING_PAYMENT with its hold: checking the same cart out again retries.
      throw new PaymentMethodUnavailableError('CARD', 'Card payments are unavailable right now, try again');
    }
    await this.payments.insertAttempt({
      paymentId: payment.id,
      provider: provider.name,
      providerRef: started.providerRef,
      idempotencyKey,
      amount: payment.amount,
    });
    if (!started.clientSecret) throw new PaymentMethodUnavailableError('CARD');
    return { clientSecret: started.clientSecret };
  }

  /** Paid card parts that were awaiting fulfilment are refunded in full (what is left of them). */
  async cancelled(orderId: string, parts: readonly CancelledSubOrder[]): Promise<void> {
    const payment = await this.payments.lockByOrder(orderId);
    if (!payment || payment.method !== 'CARD') return;
    if (!['SUCCEEDED', 'PARTIALLY_REFUNDED'].includes(payment.status)) return;
    const paid = parts.filter((p) => p.previousStatus === 'AWAITING_FULFILMENT').map((p) => p.subOrder);
    await this.refunds.refundRemaining(payment, paid, 'Order cancelled');
  }

  async paymentsOf(orderIds: readonly string[]): Promise<OrderPaymentView[]> {
    return this.payments.byOrders(orderIds);
  }

  /** Cash on delivery: the sale and the cash the cooperative collected, at delivery. */
  async delivered(_orderId: string, paymentMethod: string, subOrder: SubOrderRow): Promise<void> {
    if (paymentMethod !== 'CASH_ON_DELIVERY') return;
    await this.ledger.append([...saleEntries(subOrder), cashCollectedEntry(subOrder)]);
  }
}
