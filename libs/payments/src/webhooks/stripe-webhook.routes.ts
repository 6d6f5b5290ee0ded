import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { type StripeWebhookService, WebhookRefusal } from './stripe-webhook.service.js';

/** Raw bodies above this are not Stripe events (theirs are a few kB). */
const WEBHOOK_BODY_LIMIT = 256 * 1024;

/**
 * POST /webhooks/stripe in its own plugin scope: the JSON body is kept as the raw Buffer (the
 * signature covers the exact bytes), parsed only by the SDK once verified.
 */
export function stripeWebhookRoutes(
  fastify: FastifyInstance,
  deps: { webhooks: StripeWebhookService; log: Logger },
): Promise<void> {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT },
    (_req, body, done) => {
      done(null, body);
    },
  );
  fastify.post('/webhooks/stripe', async (request, reply) => {
    const body = request.body;
    if (!Buffer.isBuffer(body)) return reply.code(400).send({ error: 'Expected a body' });
    try {
      const fresh = await deps.webhooks.receive(body, request.headers['stripe-signature']);
      return reply.code(200).send({ received: true, duplicate: !fresh });
    } catch (error) {
      if (error instanceof WebhookRefusal) return reply.code(error.status).send({ error: error.message });
      deps.log.error({ err: error, reqId: request.id }, 'Stripe webhook failed');
      return reply.code(500).send({ error: 'Internal error' });
    }
  });
  return Promise.resolve();
}
