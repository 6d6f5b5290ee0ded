import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { isUuid, LOGGER } from '@taawoun/core';
import { FulfilmentService, OrderMails } from '@taawoun/orders';
import type { Logger } from 'pino';
import type Stripe from 'stripe';
import { saleEntries } from '../ledger/ledger-effects.js';
import { LedgerRepository } from '../ledger/ledger.repository.js';
import { RefundService } from '../refunds/refund.service.js';
import { StripeEventHandlers } from '../webhooks/stripe-event-handlers.js';
import { PaymentRepository } from './payment.repository.js';

const STRIPE = 'stripe';

/**
 * The Stripe events of card payments, each applied inside the event's transaction and written
 * so that any number of deliveries in any order end in the same state:
 * - `payment_intent.succeeded`: the order's waiting parts go to fulfilment (one state-checked
 *   UPDATE in orders), the payment and attempt become SUCCEEDED, the ledger gets SALE/SHIPPING/
 *   COMMISSION per part (unique per effect); if the hold had expired and the order was cancelled,
 *   the money is refunded automatically instead.
 * - `payment_intent.payment_failed`: the attempt is FAILED unless it succeeded; the order stays
 *   payable until its hold expires.
 * - `charge.refunded`: the payment's PENDING refunds are sent again (same keys), which settles them.
 */
@Injectable()
export class PaymentEvents implements OnModuleInit {
  constructor(
    private readonly handlers: StripeEventHandlers,
    private readonly fulfilment: FulfilmentService,
    private readonly payments: PaymentRepository,
    private readonly ledger: LedgerRepository,
    private readonly refunds: RefundService,
    private readonly mails: OrderMails,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  onModuleInit(): void {
    this.handlers.on('payment_intent.succeeded', (e) =>
      this.succeeded(e.data.object as Stripe.PaymentIntent),
    );
    this.handlers.on('payment_intent.payment_failed', (e) =>
      this.failed(e.data.object as Stripe.PaymentIntent),
    );
    this.handlers.on('charge.refunded', (e) => this.chargeRefunded(e.data.object as Stripe.Charge));
  }

  private async succeeded(intent: Stripe.PaymentIntent): Promise<void> {
    const orderId = intent.metadata?.orderId;
    if (typeof orderId !== 'string' || !isUuid(orderId)) {
      this.log.warn({ paymentIntent: intent.id }, 'PaymentIntent without an order');
      return;
    }
    // Orders first (its lock serializes this with the hold expiry and cancellations), then the payment.
    const { outcome, subOrders } = await this.fulfilment.confirmPayment(orderId);
    if (outcome === 'NOT_FOUND') return;
    const payment = await this.payments.lockByOrder(orderId);
    if (!payment || payment.method !== 'CARD') return;
    if (intent.amount !== payment.amount)
      this.log.error(
        { paymentIntent: intent.id, orderId, amount: intent.amount, expected: payment.amount },
        'PaymentIntent amount differs from the order total',
      );
    await this.payments.insertAttempt({
      paymentId: payment.id,
      provider: STRIPE,
      providerRef: intent.id,
      idempotencyKey: `webhook:${intent.id}`,
      amount: intent.amount,
    });
    await this.payments.setAttemptStatus(STRIPE, intent.id, 'SUCCEEDED', null);
    const paid = await this.payments.markSucceeded(payment.id);
    if (outcome === 'CANCELLED') {
      // Paid after the hold expired and the stock went back: give all of it back.
      await this.refunds.refundRemaining(
        payment,
        await this.fulfilment.allSubOrders(orderId),
        'Paid after the order expired',
      );
      return;
    }
    await this.ledger.append(subOrders.flatMap(saleEntries));
    // The receipt once: only the delivery that moved the payment to SUCCEEDED sends it.
    if (paid) await this.mails.paymentReceived(orderId);
  }

  private async failed(intent: Stripe.PaymentIntent): Promise<void> {
    const code = intent.last_payment_error?.code ?? intent.last_payment_error?.decline_code ?? null;
    await this.payments.setAttemptStatus(
      STRIPE,
      intent.id,
      'FAILED',
      code ? String(code).slice(0, 100) : null,
    );
  }

  /**
   * Refunds settled at Stripe: the payment's PENDING refunds are sent again (same idempotency
   * keys), which settles them — for a refund whose own job was lost or whose answer never came.
   */
  private async chargeRefunded(charge: Stripe.Charge): Promise<void> {
    const intentId =
      typeof charge.payment_intent === 'string' ? charge.payment_intent : charge.payment_intent?.id;
    if (!intentId) return;
    const attempt = await this.payments.attemptByRef(STRIPE, intentId);
    if (attempt) await this.refunds.reconcile(attempt.paymentId);
  }
}
