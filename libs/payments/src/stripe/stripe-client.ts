import { AppConfig } from '@taawoun/core';
import type Stripe from 'stripe';

/** The injection token of the Stripe client (null when STRIPE_SECRET_KEY is unset). */
export const STRIPE_CLIENT = Symbol('STRIPE_CLIENT');

/**
 * The official SDK client from STRIPE_SECRET_KEY, pointed at STRIPE_API_BASE when set (its
 * protocol, host and port: a local Stripe-compatible server in tests), else at api.stripe.com.
 * The SDK (~21 MB of RSS) is imported only when a key is configured.
 */
export async function createStripeClient(config: AppConfig): Promise<Stripe | null> {
  if (!config.STRIPE_SECRET_KEY) return null;
  const { default: Stripe } = await import('stripe');
  const base = config.STRIPE_API_BASE ? new URL(config.STRIPE_API_BASE) : null;
  const protocol = base?.protocol === 'http:' ? 'http' : 'https';
  return new Stripe(config.STRIPE_SECRET_KEY, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    telemetry: false,
    ...(base
      ? {
          protocol,
          host: base.hostname,
          port: base.port ? Number(base.port) : protocol === 'http' ? 80 : 443,
        }
      : {}),
  });
}

export const STRIPE_CLIENT_PROVIDER = {
  provide: STRIPE_CLIENT,
  useFactory: createStripeClient,
  inject: [AppConfig],
};
