import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@taawoun/core';
import type { SubOrderRow } from '../orders/order.repository.js';

/** A card payment can't be taken: no provider configured (no Stripe keys), or the provider is down. */
export class PaymentMethodUnavailableError extends DomainError {
  readonly code = ErrorCode.PAYMENT_METHOD_UNAVAILABLE;
  constructor(method: string, message = `${method} payments are not available`) {
    super(message);
    this.extensions.paymentMethod = method;
  }
}

/** What a payment provider needs to know of a placed order. */
export interface PlacedOrderRef {
  id: string;
  number: string;
  email: string;
  paymentMethod: string;
  totalAmount: number;
  currency: string;
}

/** An order's payment as payments records it (amounts in centimes). */
export interface OrderPaymentView {
  orderId: string;
  status: string;
  amount: number;
  refundedAmount: number;
  currency: string;
}

/** A cancelled sub-order and the state it left (a paid card part that was AWAITING_FULFILMENT is refunded). */
export interface CancelledSubOrder {
  subOrder: SubOrderRow;
  previousStatus: string;
}

/**
 * What orders asks of payments, implemented by libs/payments (which depends on orders, never
 * the reverse). Every method except {@link startCard} runs inside the orders transaction that
 * made the change, so its effects (rows, ledger entries, jobs) commit with it.
 */
export interface OrderPaymentsHandler {
  /** Whether card payments can be taken at all (a provider is configured). */
  cardAvailable(): boolean;
  /** In the checkout transaction: the payment row of a new order. */
  placed(order: PlacedOrderRef): Promise<void>;
  /**
   * After the checkout committed: starts (or finds again: the same order gives the same attempt)
   * the card payment and answers the client secret the buyer's browser confirms.
   */
  startCard(order: PlacedOrderRef): Promise<{ clientSecret: string }>;
  /** In the cancelling transaction: the cancelled parts; paid card parts are refunded. */
  cancelled(orderId: string, parts: readonly CancelledSubOrder[]): Promise<void>;
  /** In the delivering transaction: cash on delivery records the cash the cooperative collected. */
  delivered(orderId: string, paymentMethod: string, subOrder: SubOrderRow): Promise<void>;
  /** The recorded payments of these orders (one statement), for Order.payment. */
  paymentsOf(orderIds: readonly string[]): Promise<OrderPaymentView[]>;
}

/**
 * The port through which orders reaches payments. libs/payments registers its handler at start;
 * without it (no payments module) CARD answers PAYMENT_METHOD_UNAVAILABLE and cash on delivery works.
 */
@Injectable()
export class OrderPayments {
  private handler: OrderPaymentsHandler | null = null;

  /** Called once by the payments module. */
  provide(handler: OrderPaymentsHandler): void {
    this.handler = handler;
  }

  /** Whether CARD checkouts are possible (a payments module with a configured provider). */
  cardAvailable(): boolean {
    return this.handler?.cardAvailable() ?? false;
  }

  /** Refuses CARD when no provider is configured (before anything is written). */
  requireAvailable(paymentMethod: string): void {
    if (paymentMethod === 'CARD' && !this.handler?.cardAvailable())
      throw new PaymentMethodUnavailableError('CARD');
  }

  async placed(order: PlacedOrderRef): Promise<void> {
    await this.handler?.placed(order);
  }

  async startCard(order: PlacedOrderRef): Promise<{ clientSecret: string }> {
    if (!this.handler?.cardAvailable()) throw new PaymentMethodUnavailableError('CARD');
    return this.handler.startCard(order);
  }

  async cancelled(orderId: string, parts: readonly CancelledSubOrder[]): Promise<void> {
    if (parts.length > 0) await this.handler?.cancelled(orderId, parts);
  }

  /** Recorded payments (none without the payments module: Order.payment is then derived from the order). */
  async paymentsOf(orderIds: readonly string[]): Promise<OrderPaymentView[]> {
    return this.handler ? this.handler.paymentsOf(orderIds) : [];
  }

  async delivered(orderId: string, paymentMethod: string, subOrder: SubOrderRow): Promise<void> {
    await this.handler?.delivered(orderId, paymentMethod, subOrder);
  }
}
