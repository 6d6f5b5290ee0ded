import { Global, Module, type OnModuleInit } from '@nestjs/common';
import { Jobs } from '@taawoun/core';
import { EmailOutboxRepository } from './email-outbox.repository.js';
import { MailTransport } from './mail-transport.js';
import { DELIVER_EMAIL_JOB, EMAIL_RETRY_LIMIT, Outbox } from './outbox.service.js';

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
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.register<{ id: string }>(
      DELIVER_EMAIL_JOB,
      async ({ id }) => {
        await this.outbox.deliver(id);
      },
      { retryLimit: EMAIL_RETRY_LIMIT },
    );
  }
}
