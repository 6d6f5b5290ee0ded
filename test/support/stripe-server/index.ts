/**
 * A local Stripe-compatible test server (see {@link StripeTestServer}) and the helper that points a
 * real `stripe` SDK client at it ({@link stripeClientFromBase}, the same mapping the app applies to
 * STRIPE_API_BASE).
 *
 * Typical test:
 * ```ts
 * import { StripeTestServer } from './support/stripe-server/index.js';
 *
 * let stripe: StripeTestServer;
 * beforeAll(async () => {
 *   stripe = await StripeTestServer.start({ webhookMode: 'manual' });
 *   api = await startTestApi(stripe.env()); // STRIPE_SECRET_KEY, STRIPE_API_BASE, STRIPE_WEBHOOK_SECRET
 *   stripe.setWebhookUrl(`${api.url}/webhooks/stripe`);
 * });
 * afterAll(() => stripe.close());
 *
 * // trigger events:      await stripe.succeedPaymentIntent(piId) / failPaymentIntent / setAccountStatus
 * // replay/reorder:      await stripe.deliverPending({ times: 5, order: 'shuffled', random })
 * // bad signatures:      await stripe.deliver(event, { secret: 'whsec_wrong' | timestamp | tamper })
 * // read counters:       stripe.callCount('POST /v1/refunds'), stripe.created('refund').length
 * // another process:    POST {apiBase}/_test/payment_intents/:id/succeed (Bearer secretKey)
 * // inject failures:     stripe.failNext({ endpoint: 'POST /v1/transfers', failure: { kind: 'server_error' } })
 * ```
 */
export {
  StripeTestServer,
  stripeClientFromBase,
  type FailureRule,
  type InjectedFailure,
  type StripeObject,
  type StripeTestEvent,
  type StripeTestServerOptions,
  type WebhookDelivery,
} from './server.js';
export { parseStripeForm, FormError, MAX_FORM_DEPTH, MAX_FORM_FIELDS } from './form.js';
