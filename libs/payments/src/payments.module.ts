import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { LOGGER, PROCESS_ROLE } from '@taawoun/core';
import { OrdersModule } from '@taawoun/orders';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { LedgerRepository } from './ledger/ledger.repository.js';
import { PaymentEvents } from './payments/payment-events.js';
import { PaymentRepository } from './payments/payment.repository.js';
import { PaymentService } from './payments/payment.service.js';
import { CashOnDeliveryProvider } from './providers/cash-on-delivery.provider.js';
import { PaymentProviders } from './providers/payment-providers.js';
import { RefundRepository } from './refunds/refund.repository.js';
import { RefundResolver } from './refunds/refund.resolver.js';
import { RefundService } from './refunds/refund.service.js';
import { StripeCardProvider } from './stripe/stripe-card.provider.js';
import { STRIPE_CLIENT, STRIPE_CLIENT_PROVIDER } from './stripe/stripe-client.js';
import { StripeEventHandlers } from './webhooks/stripe-event-handlers.js';
import { StripeEventRepository } from './webhooks/stripe-event.repository.js';
import { stripeWebhookRoutes } from './webhooks/stripe-webhook.routes.js';
import { StripeWebhookService } from './webhooks/stripe-webhook.service.js';

/**
 * Payments: providers (Stripe cards, cash on delivery) behind the orders port, Stripe webhooks,
 * refunds and the cooperative ledger.
 */
@Module({
  imports: [OrdersModule],
  providers: [
    STRIPE_CLIENT_PROVIDER,
    StripeCardProvider,
    CashOnDeliveryProvider,
    PaymentProviders,
    PaymentRepository,
    PaymentService,
    PaymentEvents,
    LedgerRepository,
    RefundRepository,
    RefundService,
    RefundResolver,
    StripeEventRepository,
    StripeEventHandlers,
    StripeWebhookService,
  ],
  exports: [
    STRIPE_CLIENT,
    PaymentProviders,
    PaymentRepository,
    LedgerRepository,
    RefundService,
    StripeEventHandlers,
    StripeWebhookService,
  ],
})
export class PaymentsModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly webhooks: StripeWebhookService,
    @Inject(LOGGER) private readonly log: Logger,
    @Inject(PROCESS_ROLE) private readonly role: 'api' | 'worker',
  ) {}

  async onModuleInit(): Promise<void> {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    // The worker only runs jobs; scripts build the module without an HTTP server.
    if (this.role !== 'api' || !fastify) return;
    await fastify.register(stripeWebhookRoutes, { webhooks: this.webhooks, log: this.log });
  }
}
