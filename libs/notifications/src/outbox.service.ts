import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { AppConfig, Db, Jobs, LOGGER, type LanguageCode } from '@taawoun/core';
import { EmailOutboxRepository } from './email-outbox.repository.js';
import { MailTransport } from './mail-transport.js';
import { renderTemplate, type TemplateName, type TemplateParams } from './templates/templates.js';

/** The job delivering one outbox message. */
export const DELIVER_EMAIL_JOB = 'notifications.deliver-email';

/** Attempts pg-boss makes after the first failure (with exponential backoff). */
export const EMAIL_RETRY_LIMIT = 8;

/** An e-mail to send: one template, in the recipient's language. */
export interface EmailRequest<T extends TemplateName = TemplateName> {
  to: string;
  language: LanguageCode;
  template: T;
  params: TemplateParams[T];
}

/**
 * The e-mail outbox. {@link enqueue} writes the message and its delivery job in the caller's
 * transaction, so a message exists exactly when the change that caused it commits; a job then
 * renders and sends it, with retries, at most once per message.
 */
@Injectable()
export class Outbox {
  constructor(
    private readonly db: Db,
    private readonly jobs: Jobs,
    private readonly repository: EmailOutboxRepository,
    private readonly transport: MailTransport,
    private readonly config: AppConfig,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  /**
   * Queues many e-mails in the current transaction (or its own) with a fixed number of statements
   * whatever their number: one insert of the messages, one of their delivery jobs.
   */
  enqueueMany(requests: readonly EmailRequest<TemplateName>[]): Promise<string[]> {
    if (requests.length === 0) return Promise.resolve([]);
    return this.db.transaction(async () => {
      const ids = await this.repository.insertMany(
        requests.map((r) => ({
          toAddress: r.to,
          language: r.language,
          template: r.template,
          params: r.params as unknown as Record<string, unknown>,
        })),
      );
      await this.jobs.sendMany(
        DELIVER_EMAIL_JOB,
        ids.map((id) => ({ id })),
      );
      return ids;
    });
  }

  /** Queues one e-mail in the current transaction (or its own, outside one); answers its id. */
  enqueue<T extends TemplateName>(request: EmailRequest<T>): Promise<string> {
    return this.db.transaction(async () => {
      const id = await this.repository.insert({
        toAddress: request.to,
        language: request.language,
        template: request.template,
        params: request.params as unknown as Record<string, unknown>,
      });
      await this.jobs.send(DELIVER_EMAIL_JOB, { id });
      return id;
    });
  }

  /**
   * Sends one message unless it was already sent. The row stays locked while sending, so a
   * duplicate delivery of the job waits and then skips it. A failure is recorded on the row
   * (committed) and rethrown, so pg-boss retries later.
   */
  async deliver(id: string): Promise<'sent' | 'skipped'> {
    const outcome = await this.db.transaction(async () => {
      const row = await this.repository.lockPending(id);
      if (!row) return 'skipped' as const;
      try {
        const rendered = renderTemplate(
          row.template as TemplateName,
          row.language,
          row.params as never,
          this.config.publicUrl,
        );
        await this.transport.send({
          id: row.id,
          to: row.toAddress,
          language: row.language,
          template: row.template,
          ...rendered,
        });
        await this.repository.markSent(row.id);
        return 'sent' as const;
      } catch (error) {
        await this.repository.markFailed(row.id, error instanceof Error ? error.message : String(error));
        return { error };
      }
    });
    if (typeof outcome === 'object') {
      this.log.warn({ err: outcome.error, emailId: id }, 'e-mail delivery failed; will retry');
      throw outcome.error;
    }
    return outcome;
  }
}
