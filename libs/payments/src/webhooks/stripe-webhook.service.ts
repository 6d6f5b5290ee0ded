import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { AppConfig, Db, Jobs, LOGGER } from '@taawoun/core';
import type { Logger } from 'pino';
import type Stripe from 'stripe';
import { StripeEventHandlers } from './stripe-event-handlers.js';
import { StripeEventRepository } from './stripe-event.repository.js';

/** The job applying one stored Stripe event (by Stripe event id). */
export const STRIPE_EVENT_JOB = 'payments.stripe-event';

/** Why a delivery was refused: 400 bad signature/payload, 503 webhooks not configured. */
export class WebhookRefusal extends Error {
  constructor(
    readonly status: 400 | 503,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Stripe webhooks: a delivery is verified on its raw bytes (signature, secret, timestamp
 * tolerance) before anything of it is read, stored once per event id with its job in one
 * transaction, and acknowledged; the job applies it later, once.
 */
@Injectable()
export class StripeWebhookService implements OnModuleInit {
  constructor(
    private readonly db: Db,
    private readonly config: AppConfig,
    private readonly jobs: Jobs,
    private readonly events: StripeEventRepository,
    private readonly handlers: StripeEventHandlers,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.register<{ eventId: string }>(STRIPE_EVENT_JOB, async ({ eventId }) => {
      await this.apply(eventId);
    });
  }

  /** Verifies and stores one delivery; answers whether it was new. */
  async receive(rawBody: Buffer, signature: string | string[] | undefined): Promise<boolean> {
    const secret = this.config.STRIPE_WEBHOOK_SECRET;
    if (!secret) throw new WebhookRefusal(503, 'Stripe webhooks are not configured');
    if (typeof signature !== 'string' || !signature)
      throw new WebhookRefusal(400, 'Missing Stripe-Signature');
    let event: Stripe.Event;
    // Imported on first delivery: the SDK is not loaded by an API that never receives one.
    const { default: sdk } = await import('stripe');
    try {
      // Default tolerance: 300 s between the signed timestamp and now.
      event = sdk.webhooks.constructEvent(rawBody, signature, secret);
    } catch {
      throw new WebhookRefusal(400, 'Invalid Stripe signature');
    }
    if (typeof event.id !== 'string' || typeof event.type !== 'string' || event.id.length > 255)
      throw new WebhookRefusal(400, 'Not a Stripe event');
    return this.db.transaction(async () => {
      const inserted = await this.events.insert(event.id, event.type, event);
      if (inserted) await this.jobs.send(STRIPE_EVENT_JOB, { eventId: event.id });
      return inserted;
    });
  }

  /**
   * Applies a stored event once: under its row lock, skipped when already processed; the
   * handler's changes and `processed_at` commit together. Unknown types are marked processed.
   */
  apply(eventId: string): Promise<void> {
    return this.db.transaction(async () => {
      const row = await this.events.lock(eventId);
      if (!row || row.processedAt) return;
      const handler = this.handlers.handlerOf(row.type);
      if (handler) await handler(row.payload as Stripe.Event);
      else this.log.debug({ eventId, type: row.type }, 'Stripe event without a handler');
      await this.events.markProcessed(eventId);
    });
  }
}
