import { Inject, Injectable } from '@nestjs/common';
import type Stripe from 'stripe';
import {
  PaymentProvider,
  PaymentProviderRefusal,
  type RefundInput,
  type RefundResult,
  type StartedPayment,
  type StartPaymentInput,
} from '../providers/payment-provider.js';
import { STRIPE_CLIENT } from './stripe-client.js';

/**
 * Cards through Stripe: one PaymentIntent per order in MAD centimes (separate charges and
 * transfers: `transfer_group` is the order number, cooperatives are paid by transfers later).
 */
@Injectable()
export class StripeCardProvider extends PaymentProvider {
  readonly name = 'stripe';
  readonly method = 'CARD' as const;

  constructor(@Inject(STRIPE_CLIENT) private readonly stripe: Stripe | null) {
    super();
  }

  available(): boolean {
    return this.stripe !== null;
  }

  private client(): Stripe {
    if (!this.stripe) throw new Error('Stripe is not configured');
    return this.stripe;
  }

  async startPayment(input: StartPaymentInput): Promise<StartedPayment> {
    const intent = await this.client().paymentIntents.create(
      {
        amount: input.amount,
        currency: input.currency.toLowerCase(),
        transfer_group: input.orderNumber,
        receipt_email: input.email,
        automatic_payment_methods: { enabled: true },
        metadata: { orderId: input.orderId, orderNumber: input.orderNumber },
      },
      { idempotencyKey: input.idempotencyKey },
    );
    if (!intent.client_secret) throw new Error(`PaymentIntent ${intent.id} has no client secret`);
    return { providerRef: intent.id, clientSecret: intent.client_secret };
  }

  async refund(input: RefundInput): Promise<RefundResult> {
    try {
      const refund = await this.client().refunds.create(
        {
          payment_intent: input.paymentRef,
          amount: input.amount,
          metadata: { refundId: input.refundId },
        },
        { idempotencyKey: input.idempotencyKey },
      );
      const status =
        refund.status === 'succeeded'
          ? 'SUCCEEDED'
          : refund.status === 'failed' || refund.status === 'canceled'
            ? 'FAILED'
            : 'PENDING';
      return { providerRef: refund.id, status };
    } catch (error) {
      // The SDK is already loaded here (the client exists): this import resolves from the cache.
      const { default: sdk } = await import('stripe');
      if (error instanceof sdk.errors.StripeInvalidRequestError)
        throw new PaymentProviderRefusal(error.message);
      throw error;
    }
  }
}
