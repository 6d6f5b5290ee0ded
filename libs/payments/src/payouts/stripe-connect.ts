import type { Provider } from '@nestjs/common';
import { AppConfig } from '@taawoun/core';
import Stripe from 'stripe';

/**
 * The Stripe client payouts use for Connect (accounts, account links, transfers), or null when
 * STRIPE_SECRET_KEY is unset. STRIPE_API_BASE points it at another Stripe-compatible server
 * (host, port and protocol of the URL), as the tests do.
 */
export const STRIPE_CONNECT = Symbol('STRIPE_CONNECT');

export function stripeConnectClient(config: AppConfig): Stripe | null {
  if (!config.STRIPE_SECRET_KEY) return null;
  const options: Stripe.StripeConfig = { telemetry: false, maxNetworkRetries: 2 };
  if (config.STRIPE_API_BASE) {
    const url = new URL(config.STRIPE_API_BASE);
    const protocol = url.protocol === 'http:' ? 'http' : 'https';
    Object.assign(options, {
      host: url.hostname,
      port: Number(url.port || (protocol === 'http' ? 80 : 443)),
      protocol,
    });
  }
  return new Stripe(config.STRIPE_SECRET_KEY, options);
}

export const STRIPE_CONNECT_PROVIDER: Provider = {
  provide: STRIPE_CONNECT,
  inject: [AppConfig],
  useFactory: stripeConnectClient,
};
