import { Injectable } from '@nestjs/common';
import { StripeCardProvider } from '../stripe/stripe-card.provider.js';
import { CashOnDeliveryProvider } from './cash-on-delivery.provider.js';
import type { PaymentProvider } from './payment-provider.js';

/** The provider of each payment method, and each provider by its stored name. */
@Injectable()
export class PaymentProviders {
  private readonly all: PaymentProvider[];

  constructor(card: StripeCardProvider, cash: CashOnDeliveryProvider) {
    this.all = [card, cash];
  }

  forMethod(method: string): PaymentProvider | null {
    return this.all.find((p) => p.method === method) ?? null;
  }

  byName(name: string): PaymentProvider | null {
    return this.all.find((p) => p.name === name) ?? null;
  }
}
