import { Injectable } from '@nestjs/common';
import type Stripe from 'stripe';

/** Applies one verified event, inside the transaction that marks it processed. */
export type StripeEventHandler = (event: Stripe.Event) => Promise<void>;

/**
 * Who applies which Stripe event type. Payments registers the payment and refund events; payouts
 * registers `account.updated` (and transfer events) the same way, from its own files.
 */
@Injectable()
export class StripeEventHandlers {
  private readonly handlers = new Map<string, StripeEventHandler>();

  on(type: string, handler: StripeEventHandler): void {
    if (this.handlers.has(type)) throw new Error(`A handler for ${type} is already registered`);
    this.handlers.set(type, handler);
  }

  handlerOf(type: string): StripeEventHandler | undefined {
    return this.handlers.get(type);
  }
}
