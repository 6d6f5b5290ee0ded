import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { Jobs, PROCESS_ROLE } from '@taawoun/core';
import { CooperativesModule } from '@taawoun/cooperatives';
import { ActorService } from '@taawoun/identity';
import { OrdersModule } from '@taawoun/orders';
import type { FastifyInstance } from 'fastify';
import type Stripe from 'stripe';
import { LedgerReadRepository } from '../ledger/ledger-read.repository.js';
import { LedgerEntryFieldsResolver, LedgerResolver } from '../ledger/ledger.resolver.js';
import { PaymentsModule } from '../payments.module.js';
import { StripeEventHandlers } from '../webhooks/stripe-event-handlers.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { PayoutAccountRepository } from './payout-account.repository.js';
import { PayoutRepository } from './payout.repository.js';
import { payoutRoutes } from './payout-routes.js';
import { CooperativePayoutAccountResolver, PayoutsResolver } from './payouts.resolver.js';
import { PayoutsService } from './payouts.service.js';
import { PayoutMails } from './payout-mails.js';
import { PAYOUT_TRANSFER_JOB, PayoutConnectService } from './payout-connect.service.js';
import { RibCipher } from './rib-cipher.js';

/** The daily payout run (05:00 Africa/Casablanca). */
export const RUN_PAYOUTS_JOB = 'payments.run-payouts';

/** Payout accounts, payouts, the ledger's read side, GET /admin/payouts.csv and the daily payout run. */
@Module({
  imports: [CooperativesModule, OrdersModule, PaymentsModule],
  providers: [
    RibCipher,
    PayoutAccountRepository,
    PayoutRepository,
    PayoutMails,
    PayoutConnectService,
    PayoutsService,
    PayoutsResolver,
    CooperativePayoutAccountResolver,
    LedgerReadRepository,
    LedgerService,
    LedgerResolver,
    LedgerEntryFieldsResolver,
  ],
  exports: [PayoutsService, PayoutConnectService, LedgerService],
})
export class PayoutsModule implements OnModuleInit {
  constructor(
    private readonly jobs: Jobs,
    private readonly payouts: PayoutsService,
    private readonly connect: PayoutConnectService,
    private readonly stripeEvents: StripeEventHandlers,
    private readonly actors: ActorService,
    private readonly adapterHost: HttpAdapterHost,
    @Inject(PROCESS_ROLE) private readonly role: 'api' | 'worker',
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.register(
      RUN_PAYOUTS_JOB,
      async () => {
        await this.payouts.run();
      },
      { cron: '0 5 * * *' },
    );
    await this.jobs.register<{ payoutId: string }>(PAYOUT_TRANSFER_JOB, async ({ payoutId }) => {
      await this.connect.transfer(payoutId);
    });
    // Applied by the payments core's event job, once per stored event.
    this.stripeEvents.on('account.updated', async (event) => {
      await this.connect.applyAccountUpdated(event.data.object as Stripe.Account);
    });
    this.stripeEvents.on('transfer.reversed', async (event) => {
      await this.connect.applyTransferReversed(event.data.object as Stripe.Transfer);
    });
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (this.role !== 'api' || !fastify) return;
    await fastify.register(payoutRoutes, {
      resolveActor: (rc) => this.actors.ensureResolved(rc),
      pendingBankCsv: () => this.payouts.pendingBankCsv(),
    });
  }
}
