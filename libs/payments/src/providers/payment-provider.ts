/** What a provider is asked to charge: integer centimes, with the idempotency key derived from the order. */
export interface StartPaymentInput {
  orderId: string;
  orderNumber: string;
  email: string;
  amount: number;
  currency: string;
  idempotencyKey: string;
}

export interface StartedPayment {
  /** The provider's id of the attempt (a Stripe PaymentIntent id). */
  providerRef: string;
  /** What the buyer's browser confirms (Stripe: the PaymentIntent client secret); null for cash. */
  clientSecret: string | null;
}

export interface RefundInput {
  /** The provider's id of the paid attempt. */
  paymentRef: string;
  amount: number;
  /** The refund row's id: the same refund retried is the same refund at the provider. */
  idempotencyKey: string;
  refundId: string;
}

export interface RefundResult {
  providerRef: string;
  status: 'SUCCEEDED' | 'PENDING' | 'FAILED';
}

/** The provider refused for good (not worth retrying): invalid request, above the captured amount... */
export class PaymentProviderRefusal extends Error {}

/**
 * A way to take payments. Orders know nothing of providers: payments picks one by the order's
 * payment method, so another provider (a local card processor) is one more implementation.
 */
export abstract class PaymentProvider {
  abstract readonly name: string;
  abstract readonly method: 'CARD' | 'CASH_ON_DELIVERY';
  /** Configured and usable (Stripe: a secret key is set). */
  abstract available(): boolean;
  abstract startPayment(input: StartPaymentInput): Promise<StartedPayment>;
  abstract refund(input: RefundInput): Promise<RefundResult>;
}
