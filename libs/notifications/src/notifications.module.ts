import { Global, Module, type OnModuleInit } from '@nestjs/common';
import { Jobs } from '@taawoun/core';
import { EmailOutboxRepository } from './email-outbox.repository.js';
import { MailTransport } from './mail-transport.js';
import { DELIVER_EMAIL_JOB, EMAIL_RETRY_LIMIT, Outbox } from './outbox.service.js';

/** The nightly clean-up of sent messages. */
export const PRUNE_OUTBOX_JOB = 'notifications.prune';
/** Days a sent message stays in the outbox (for support questions), then it is deleted. */
export const SENT_EMAIL_RETENTION_DAYS = 30;

/** The e-mail outbox, for every lib: inject {@link Outbox} and call `enqueue`. */
@Global()
@Module({
  providers: [EmailOutboxRepository, MailTransport, Outbox],
  exports: [Outbox],
})
export class NotificationsModule implements OnModuleInit {
  constructor(
    private readonly jobs: Jobs,
    private readonly outbox: Outbox,
    private readonly repository: EmailOutboxRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.register<{ id: string }>(
      DELIVER_EMAIL_JOB,
      async ({ id }) => {
        await this.outbox.deliver(id);
      },
      { retryLimit: EMAIL_RETRY_LIMIT },
    );
    await this.jobs.register(
      PRUNE_OUTBOX_JOB,
      async () => {
        await this.repository.pruneSent(SENT_EMAIL_RETENTION_DAYS);
      },
      { cron: '45 3 * * *' },
    );
  }
}
