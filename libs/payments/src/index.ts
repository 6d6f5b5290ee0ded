import { PaymentEntity } from './payments/payment.entity.js';
import { PaymentAttemptEntity } from './payments/payment-attempt.entity.js';
import { StripeEventEntity } from './webhooks/stripe-event.entity.js';
import { RefundEntity } from './refunds/refund.entity.js';
import { PayoutAccountEntity } from './payouts/payout-account.entity.js';
import { PayoutEntity } from './payouts/payout.entity.js';
import { LedgerEntryEntity } from './ledger/ledger-entry.entity.js';

export * from './payments/payment.entity.js';
export * from './payments/payment-attempt.entity.js';
export * from './webhooks/stripe-event.entity.js';
export * from './refunds/refund.entity.js';
export * from './payouts/payout-account.entity.js';
export * from './payouts/payout.entity.js';
export * from './ledger/ledger-entry.entity.js';
export * from './ledger/ledger.repository.js';
export * from './ledger/ledger-effects.js';
export * from './payments.module.js';
export * from './payments/payment.repository.js';
export { PaymentService, paymentIdempotencyKey } from './payments/payment.service.js';
export * from './providers/payment-provider.js';
export { PaymentProviders } from './providers/payment-providers.js';
export * from './refunds/refund.repository.js';
export { RefundService, PAYMENT_REFUND_JOB, PAYMENT_REFUND_SWEEP_JOB } from './refunds/refund.service.js';
export { STRIPE_CLIENT, createStripeClient } from './stripe/stripe-client.js';
export * from './webhooks/stripe-event-handlers.js';
export * from './webhooks/stripe-event.repository.js';
export { StripeWebhookService, STRIPE_EVENT_JOB } from './webhooks/stripe-webhook.service.js';
export { PayoutsModule, RUN_PAYOUTS_JOB } from './payouts/payouts.module.js';
export { PayoutsService } from './payouts/payouts.service.js';
export { PayoutConnectService, PAYOUT_TRANSFER_JOB } from './payouts/payout-connect.service.js';
export { LedgerService } from './ledger/ledger.service.js';
export { checkRib, ribKey } from './payouts/rib.js';

/** The TypeORM entities of this lib, for the data source. */
export const PAYMENTS_ENTITIES = [
  PaymentEntity,
  PaymentAttemptEntity,
  StripeEventEntity,
  RefundEntity,
  PayoutAccountEntity,
  PayoutEntity,
  LedgerEntryEntity,
];
