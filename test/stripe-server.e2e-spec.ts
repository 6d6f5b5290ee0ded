// Self-tests of the local Stripe-compatible test server (test/support/stripe-server/) with the real
// `stripe` SDK: what the payments tests rely on must behave like Stripe, or they prove nothing.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import Stripe from 'stripe';
import { parseStripeForm, StripeTestServer, stripeClientFromBase } from './support/stripe-server/index.js';

/** A webhook endpoint that verifies signatures with the SDK, like the app's. */
interface Receiver {
  url: string;
  received: { id: string; type: string; object: Record<string, unknown> }[];
  rejected: number;
  close(): Promise<void>;
}

async function startReceiver(secret: () => string, verifier: Stripe): Promise<Receiver> {
  const receiver: Omit<Receiver, 'url' | 'close'> = { received: [], rejected: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        const event = verifier.webhooks.constructEvent(
          Buffer.concat(chunks),
          String(req.headers['stripe-signature']),
          secret(),
        );
        receiver.received.push({
          id: event.id,
          type: event.type,
          object: event.data.object as unknown as Record<string, unknown>,
        });
        res.writeHead(200).end('{}');
      } catch {
        receiver.rejected += 1;
        res.writeHead(400).end('bad signature');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/stripe`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

async function expectStripeError(
  promise: Promise<unknown>,
  expected: { statusCode: number; type: string; code?: string; param?: string },
): Promise<Stripe.errors.StripeError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Stripe.errors.StripeError);
  const stripeError = error as Stripe.errors.StripeError;
  expect({
    statusCode: stripeError.statusCode,
    type: stripeError.type,
    ...(expected.code ? { code: stripeError.code } : {}),
    ...(expected.param ? { param: stripeError.param } : {}),
  }).toEqual(expected);
  return stripeError;
}

let stripe: StripeTestServer;
let client: Stripe;
let receiver: Receiver;

beforeAll(async () => {
  stripe = await StripeTestServer.start();
  client = stripe.client();
  receiver = await startReceiver(() => stripe.webhookSecret, client);
  stripe.setWebhookUrl(receiver.url);
});

afterAll(async () => {
  await stripe.close();
  await receiver.close();
});

beforeEach(() => {
  stripe.reset();
  stripe.setWebhookUrl(receiver.url, { mode: 'auto' });
  receiver.received.length = 0;
  receiver.rejected = 0;
});

describe('form bodies', () => {
  it('parses the nesting the SDK sends', () => {
    expect(
      parseStripeForm(
        'amount=100&metadata[order_id]=42&capabilities[transfers][requested]=true&expand[0]=a&expand[1]=b&d=x%20y%5B',
      ),
    ).toEqual({
      amount: '100',
      metadata: { order_id: '42' },
      capabilities: { transfers: { requested: 'true' } },
      expand: ['a', 'b'],
      d: 'x y[',
    });
  });

  it('keeps numeric metadata keys as an object and rejects malformed or oversized input', () => {
    expect(parseStripeForm('metadata[0]=a')).toEqual({ metadata: { '0': 'a' } });
    expect(() => parseStripeForm('a[b=1')).toThrow('Invalid parameter name');
    expect(() => parseStripeForm('a=1&a[b]=2')).toThrow('Invalid parameter');
    expect(() => parseStripeForm('a[b][c][d][e][f][g]=1')).toThrow('nested too deeply');
    expect(() => parseStripeForm(Array.from({ length: 501 }, (_, i) => `k${i}=1`).join('&'))).toThrow(
      'Too many',
    );
  });
});

describe('PaymentIntents', () => {
  it('creates and retrieves one with the fields the app sends, as the SDK types describe it', async () => {
    const created = await client.paymentIntents.create(
      { amount: 12_345, currency: 'mad', metadata: { order_id: 'o-1' }, transfer_group: 'TW-0001' },
      { idempotencyKey: 'order-o-1' },
    );
    expect(created).toMatchObject({
      object: 'payment_intent',
      amount: 12_345,
      amount_received: 0,
      currency: 'mad',
      status: 'requires_payment_method',
      metadata: { order_id: 'o-1' },
      transfer_group: 'TW-0001',
      livemode: false,
    });
    expect(created.id.startsWith('pi_')).toBe(true);
    expect(created.client_secret?.startsWith(`${created.id}_secret_`)).toBe(true);
    const retrieved = await client.paymentIntents.retrieve(created.id);
    expect(retrieved).toEqual(created);
    expect(stripe.callCount('POST /v1/payment_intents')).toBe(1);
    expect(stripe.callCount('GET /v1/payment_intents/:id')).toBe(1);
  });

  it('succeeds by test control: a captured charge and a signed payment_intent.succeeded the SDK verifies', async () => {
    const pi = await client.paymentIntents.create({ amount: 5_000, currency: 'mad' });
    const { event, delivery } = await stripe.succeedPaymentIntent(pi.id);
    expect(delivery?.status).toBe(200);
    expect(receiver.received).toEqual([
      {
        id: event.id,
        type: 'payment_intent.succeeded',
        object: expect.objectContaining({ id: pi.id, status: 'succeeded', amount_received: 5_000 }),
      },
    ]);
    const after = await client.paymentIntents.retrieve(pi.id);
    expect(after.status).toBe('succeeded');
    const charge = await client.charges.retrieve(after.latest_charge as string);
    expect(charge).toMatchObject({
      amount: 5_000,
      amount_captured: 5_000,
      amount_refunded: 0,
      payment_intent: pi.id,
      paid: true,
    });
    expect(await client.events.retrieve(event.id)).toMatchObject({
      id: event.id,
      type: 'payment_intent.succeeded',
    });
    const expanded = await client.paymentIntents.retrieve(pi.id, { expand: ['latest_charge'] });
    expect(expanded.latest_charge).toEqual(charge);
    await expect(stripe.succeedPaymentIntent(pi.id)).rejects.toThrow('already succeeded');
  });

  it('fails by test control: requires_payment_method with a decline, payment_intent.payment_failed sent', async () => {
    const pi = await client.paymentIntents.create({ amount: 5_000, currency: 'mad' });
    await stripe.failPaymentIntent(pi.id, 'insufficient_funds');
    expect(receiver.received.map((e) => e.type)).toEqual(['payment_intent.payment_failed']);
    const after = await client.paymentIntents.retrieve(pi.id);
    expect(after.status).toBe('requires_payment_method');
    expect(after.last_payment_error).toMatchObject({
      code: 'card_declined',
      decline_code: 'insufficient_funds',
    });
    await stripe.succeedPaymentIntent(pi.id); // the buyer retries with another card
    expect((await client.paymentIntents.retrieve(pi.id)).status).toBe('succeeded');
  });

  it('cancels one (payment_intent.canceled) and refuses to cancel a succeeded one', async () => {
    const pi = await client.paymentIntents.create({ amount: 700, currency: 'mad' });
    expect((await client.paymentIntents.cancel(pi.id)).status).toBe('canceled');
    const paid = await client.paymentIntents.create({ amount: 700, currency: 'mad' });
    await stripe.succeedPaymentIntent(paid.id);
    await expectStripeError(client.paymentIntents.cancel(paid.id), {
      statusCode: 400,
      type: 'StripeInvalidRequestError',
      code: 'payment_intent_unexpected_state',
    });
    await stripe.idle();
    expect(receiver.received.map((e) => e.type).sort()).toEqual([
      'payment_intent.canceled',
      'payment_intent.succeeded',
    ]);
  });

  it('answers Stripe-shaped errors: missing/invalid/unknown params, unknown ids, wrong key', async () => {
    await expectStripeError(
      client.paymentIntents.create({ currency: 'mad' } as Stripe.PaymentIntentCreateParams),
      {
        statusCode: 400,
        type: 'StripeInvalidRequestError',
        code: 'parameter_missing',
        param: 'amount',
      },
    );
    await expectStripeError(client.paymentIntents.create({ amount: 10.5, currency: 'mad' }), {
      statusCode: 400,
      type: 'StripeInvalidRequestError',
      code: 'parameter_invalid_integer',
      param: 'amount',
    });
    await expectStripeError(
      client.paymentIntents.create({
        amount: 10,
        currency: 'mad',
        bogus: 1,
      } as Stripe.PaymentIntentCreateParams),
      { statusCode: 400, type: 'StripeInvalidRequestError', code: 'parameter_unknown', param: 'bogus' },
    );
    await expectStripeError(client.paymentIntents.retrieve('pi_nope'), {
      statusCode: 404,
      type: 'StripeInvalidRequestError',
      code: 'resource_missing',
    });
    const wrong = stripeClientFromBase(stripe.apiBase, 'sk_test_wrong', { maxNetworkRetries: 0 });
    await expectStripeError(wrong.paymentIntents.create({ amount: 10, currency: 'mad' }), {
      statusCode: 401,
      type: 'StripeAuthenticationError',
    });
    expect(stripe.created('payment_intent')).toHaveLength(0);
  });
});

describe('idempotency keys', () => {
  it('same key and body → the same answer, one object; another body → 400 idempotency error', async () => {
    const params = { amount: 9_900, currency: 'mad', metadata: { order_id: 'o-9' } };
    const [a, b] = await Promise.all([
      client.paymentIntents.create(params, { idempotencyKey: 'k-1' }),
      client.paymentIntents.create(params, { idempotencyKey: 'k-1' }),
    ]);
    expect(b).toEqual(a);
    expect(
      b.lastResponse.headers['idempotent-replayed'] ?? a.lastResponse.headers['idempotent-replayed'],
    ).toBe('true');
    await expectStripeError(
      client.paymentIntents.create({ ...params, amount: 9_901 }, { idempotencyKey: 'k-1' }),
      {
        statusCode: 400,
        type: 'StripeIdempotencyError',
      },
    );
    expect(stripe.created('payment_intent')).toHaveLength(1);
    expect(stripe.callCount('POST /v1/payment_intents')).toBe(3);
  });

  it('replays a stored error too (a refund above the paid amount stays refused under its key)', async () => {
    const pi = await client.paymentIntents.create({ amount: 1_000, currency: 'mad' });
    await stripe.succeedPaymentIntent(pi.id);
    for (let i = 0; i < 2; i++) {
      await expectStripeError(
        client.refunds.create({ payment_intent: pi.id, amount: 1_001 }, { idempotencyKey: 'refund-1' }),
        { statusCode: 400, type: 'StripeInvalidRequestError', code: 'amount_too_large', param: 'amount' },
      );
    }
    expect(stripe.created('refund')).toHaveLength(0);
  });
});

describe('Refunds', () => {
  it('partial then full refunds, never above the captured amount, each sending charge.refunded', async () => {
    const pi = await client.paymentIntents.create({ amount: 10_000, currency: 'mad' });
    await expectStripeError(client.refunds.create({ payment_intent: pi.id }), {
      statusCode: 400,
      type: 'StripeInvalidRequestError',
      code: 'charge_not_refundable',
    });
    await stripe.succeedPaymentIntent(pi.id);
    const first = await client.refunds.create(
      { payment_intent: pi.id, amount: 3_000, metadata: { refund_id: 'r1' } },
      { idempotencyKey: 'refund-r1' },
    );
    expect(first).toMatchObject({
      object: 'refund',
      amount: 3_000,
      currency: 'mad',
      payment_intent: pi.id,
      status: 'succeeded',
      metadata: { refund_id: 'r1' },
    });
    await expectStripeError(client.refunds.create({ payment_intent: pi.id, amount: 7_001 }), {
      statusCode: 400,
      type: 'StripeInvalidRequestError',
      code: 'amount_too_large',
      param: 'amount',
    });
    const rest = await client.refunds.create({ payment_intent: pi.id });
    expect(rest.amount).toBe(7_000);
    await expectStripeError(client.refunds.create({ payment_intent: pi.id, amount: 1 }), {
      statusCode: 400,
      type: 'StripeInvalidRequestError',
      code: 'charge_already_refunded',
    });
    expect(await client.refunds.retrieve(first.id)).toEqual(first);
    expect((await client.refunds.list({ payment_intent: pi.id })).data.map((r) => r.id)).toEqual([
      rest.id,
      first.id,
    ]);
    await stripe.idle();
    const refunded = receiver.received.filter((e) => e.type === 'charge.refunded').map((e) => e.object);
    expect(refunded.map((c) => [c.amount_refunded, c.refunded])).toEqual([
      [3_000, false],
      [10_000, true],
    ]);
  });
});

describe('failure injection and counters', () => {
  it('a 500 stores nothing under the key: the SDK retry with the same key creates exactly one refund', async () => {
    const pi = await client.paymentIntents.create({ amount: 2_000, currency: 'mad' });
    await stripe.succeedPaymentIntent(pi.id);
    stripe.failNext({ endpoint: 'POST /v1/refunds', failure: { kind: 'server_error' } });
    const retrying = stripe.client({ maxNetworkRetries: 2 });
    const refund = await retrying.refunds.create(
      { payment_intent: pi.id, amount: 500 },
      { idempotencyKey: 'rf-500' },
    );
    expect(refund.amount).toBe(500);
    expect(stripe.callCount('POST /v1/refunds')).toBe(2);
    expect(stripe.created('refund')).toHaveLength(1);
  });

  it('a 500 surfaces as StripeAPIError without retries', async () => {
    stripe.failNext({ endpoint: 'POST /v1/payment_intents', failure: { kind: 'server_error' }, times: 2 });
    for (let i = 0; i < 2; i++) {
      await expectStripeError(client.paymentIntents.create({ amount: 10, currency: 'mad' }), {
        statusCode: 500,
        type: 'StripeAPIError',
      });
    }
    await client.paymentIntents.create({ amount: 10, currency: 'mad' });
    expect(stripe.created('payment_intent')).toHaveLength(1);
  });

  it('card declined on demand: 402 StripeCardError, nothing created', async () => {
    stripe.failNext({
      endpoint: 'POST /v1/payment_intents',
      failure: { kind: 'card_declined', declineCode: 'stolen_card' },
    });
    const error = await expectStripeError(client.paymentIntents.create({ amount: 10, currency: 'mad' }), {
      statusCode: 402,
      type: 'StripeCardError',
      code: 'card_declined',
    });
    expect(error.decline_code).toBe('stolen_card');
    expect(stripe.created('payment_intent')).toHaveLength(0);
  });

  it('a lost response: done on the server, the caller times out, and the retry with the same key is a replay', async () => {
    const pi = await client.paymentIntents.create({ amount: 3_000, currency: 'mad' });
    await stripe.succeedPaymentIntent(pi.id);
    stripe.failNext({ endpoint: 'POST /v1/refunds', failure: { kind: 'lost_response', ms: 1_500 } });
    const impatient = stripe.client({ timeout: 200 });
    await expectStripeError(
      impatient.refunds.create({ payment_intent: pi.id }, { idempotencyKey: 'rf-lost' }),
      {
        statusCode: undefined as unknown as number,
        type: 'StripeConnectionError',
      },
    );
    expect(stripe.created('refund')).toHaveLength(1); // Stripe did refund
    const again = await client.refunds.create({ payment_intent: pi.id }, { idempotencyKey: 'rf-lost' });
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(again.id).toBe(stripe.created('refund')[0].id);
    expect(stripe.created('refund')).toHaveLength(1);
  });

  it('a connection reset after the refund: with retries off and its own key, a second call is a replay', async () => {
    const pi = await client.paymentIntents.create({ amount: 3_000, currency: 'mad' });
    await stripe.succeedPaymentIntent(pi.id);
    stripe.failNext({ endpoint: 'POST /v1/refunds', failure: { kind: 'connection_reset' }, times: 2 });
    await expectStripeError(
      client.refunds.create({ payment_intent: pi.id }, { idempotencyKey: 'rf-reset' }),
      {
        statusCode: undefined as unknown as number,
        type: 'StripeConnectionError',
      },
    );
    expect(stripe.callCount('POST /v1/refunds')).toBe(2); // the SDK retried the reset once by itself
    expect(stripe.created('refund')).toHaveLength(1);
    const again = await client.refunds.create({ payment_intent: pi.id }, { idempotencyKey: 'rf-reset' });
    expect(again.id).toBe(stripe.created('refund')[0].id);
    expect(stripe.created('refund')).toHaveLength(1);
  });

  it('a delayed request keeps its key in progress: a concurrent one with the same key gets 409', async () => {
    stripe.failNext({ endpoint: 'POST /v1/payment_intents', failure: { kind: 'delay', ms: 1_500 } });
    const params = { amount: 10, currency: 'mad' };
    const slow = client.paymentIntents.create(params, { idempotencyKey: 'k-slow' });
    while (stripe.callCount('POST /v1/payment_intents') === 0)
      await new Promise((resolve) => setTimeout(resolve, 5));
    await expectStripeError(client.paymentIntents.create(params, { idempotencyKey: 'k-slow' }), {
      statusCode: 409,
      type: 'StripeAPIError', // the SDK's class for a 409
      code: 'idempotency_key_in_use',
    });
    await slow;
    expect(stripe.created('payment_intent')).toHaveLength(1);
  });
});

describe('webhooks', () => {
  it('manual mode: events wait; delivered 5 times each in a random order, all verified by the SDK', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.infiniteStream(fc.double({ min: 0, max: 0.999999, noNaN: true })),
        async (count, randoms) => {
          stripe.reset();
          stripe.setWebhookUrl(receiver.url, { mode: 'manual' });
          receiver.received.length = 0;
          for (let i = 0; i < count; i++) {
            const pi = await client.paymentIntents.create({ amount: 100 + i, currency: 'mad' });
            await stripe.succeedPaymentIntent(pi.id);
          }
          expect(receiver.received).toHaveLength(0);
          expect(stripe.pendingEvents()).toHaveLength(count);
          const deliveries = await stripe.deliverPending({
            times: 5,
            order: 'shuffled',
            random: () => randoms.next().value,
          });
          expect(deliveries.every((d) => d.status === 200)).toBe(true);
          expect(receiver.received).toHaveLength(5 * count);
          const ids = stripe.events().map((e) => e.id);
          for (const id of ids) expect(receiver.received.filter((e) => e.id === id)).toHaveLength(5);
          expect(stripe.pendingEvents()).toHaveLength(0);
        },
      ),
      { numRuns: 10 },
    );
  });

  it('wrong secret, old timestamp or a tampered body are rejected by the SDK verification', async () => {
    stripe.setWebhookUrl(receiver.url, { mode: 'manual' });
    const pi = await client.paymentIntents.create({ amount: 100, currency: 'mad' });
    const { event } = await stripe.succeedPaymentIntent(pi.id);
    const bad = [
      await stripe.deliver(event, { secret: 'whsec_wrong' }),
      await stripe.deliver(event, { timestamp: Math.floor(Date.now() / 1000) - 3_600 }),
      await stripe.deliver(event, { tamper: (body) => body.replace('"amount": 100', '"amount": 1') }),
    ];
    expect(bad.map((d) => d.status)).toEqual([400, 400, 400]);
    expect(receiver.rejected).toBe(3);
    expect(stripe.pendingEvents().map((e) => e.id)).toEqual([event.id]); // still to deliver, as Stripe retries
    expect((await stripe.deliver(event)).status).toBe(200);
    expect(receiver.received.map((e) => e.id)).toEqual([event.id]);
  });

  it('reports a refused connection instead of throwing', async () => {
    stripe.setWebhookUrl('http://127.0.0.1:9/webhooks/stripe', { mode: 'manual' });
    const pi = await client.paymentIntents.create({ amount: 100, currency: 'mad' });
    const { event } = await stripe.succeedPaymentIntent(pi.id);
    const delivery = await stripe.deliver(event);
    expect(delivery.status).toBeNull();
    expect(stripe.deliveries()).toEqual([delivery]);
    stripe.setWebhookUrl(receiver.url);
    expect((await stripe.deliverPending()).map((d) => [d.eventId, d.status])).toEqual([[event.id, 200]]);
    expect(stripe.pendingEvents()).toEqual([]);
  });
});

describe('Connect: Accounts, Account Links, Transfers, Transfer reversals', () => {
  async function activeAccount(): Promise<Stripe.Account> {
    const account = await client.accounts.create({
      type: 'express',
      country: 'FR',
      email: 'coop@example.test',
      capabilities: { transfers: { requested: true } },
      metadata: { cooperative_id: 'c-1' },
    });
    await stripe.setAccountStatus(account.id, 'active');
    return client.accounts.retrieve(account.id);
  }

  it('creates an express account (onboarding pending), links it, and activates it with account.updated', async () => {
    const account = await client.accounts.create(
      {
        type: 'express',
        country: 'FR',
        capabilities: { transfers: { requested: true } },
        metadata: { cooperative_id: 'c-1' },
      },
      { idempotencyKey: 'coop-c-1-account' },
    );
    expect(account).toMatchObject({
      object: 'account',
      type: 'express',
      charges_enabled: false,
      payouts_enabled: false,
      details_submitted: false,
      capabilities: { transfers: 'inactive' },
      metadata: { cooperative_id: 'c-1' },
    });
    expect(account.id.startsWith('acct_')).toBe(true);
    expect(account.requirements?.currently_due?.length).toBeGreaterThan(0);

    const link = await client.accountLinks.create({
      account: account.id,
      type: 'account_onboarding',
      refresh_url: 'https://taawoun.test/payouts/refresh',
      return_url: 'https://taawoun.test/payouts/done',
    });
    expect(link).toMatchObject({ object: 'account_link', url: expect.stringContaining(account.id) });
    expect(link.expires_at).toBeGreaterThan(link.created);
    expect(stripe.created('account_link')).toHaveLength(1);

    const { event } = await stripe.setAccountStatus(account.id, 'active');
    expect(event.account).toBe(account.id); // a Connect event names its account
    expect(receiver.received).toEqual([
      {
        id: event.id,
        type: 'account.updated',
        object: expect.objectContaining({
          id: account.id,
          charges_enabled: true,
          payouts_enabled: true,
          details_submitted: true,
        }),
      },
    ]);
    const after = await client.accounts.retrieve(account.id);
    expect(after.capabilities).toEqual({ transfers: 'active' });
    expect(after.requirements?.currently_due).toEqual([]);
  });

  it('custom accounts need capabilities; updates request more; bad links and unknown accounts are refused', async () => {
    await expectStripeError(client.accounts.create({ type: 'custom', country: 'FR' }), {
      statusCode: 400,
      type: 'StripeInvalidRequestError',
      param: 'capabilities',
    });
    const custom = await client.accounts.create({
      type: 'custom',
      country: 'FR',
      capabilities: { transfers: { requested: true } },
    });
    const updated = await client.accounts.update(custom.id, {
      capabilities: { card_payments: { requested: true } },
      metadata: { a: 'b' },
    });
    expect(updated.capabilities).toEqual({ transfers: 'inactive', card_payments: 'inactive' });
    expect(updated.metadata).toEqual({ a: 'b' });
    await expectStripeError(
      client.accountLinks.create({
        account: custom.id,
        type: 'account_onboarding',
        return_url: 'https://x.test/',
      }),
      { statusCode: 400, type: 'StripeInvalidRequestError', code: 'parameter_missing', param: 'refresh_url' },
    );
    await expectStripeError(
      client.accountLinks.create({
        account: 'acct_nope',
        type: 'account_onboarding',
        refresh_url: 'https://x.test/',
        return_url: 'https://x.test/',
      }),
      { statusCode: 404, type: 'StripeInvalidRequestError', code: 'resource_missing', param: 'account' },
    );
    await expectStripeError(client.accounts.retrieve('acct_nope'), {
      statusCode: 404,
      type: 'StripeInvalidRequestError',
    });
  });

  it('transfers to an active account with a transfer group; reversals never above what is left', async () => {
    const account = await activeAccount();
    const transfer = await client.transfers.create(
      {
        amount: 8_000,
        currency: 'mad',
        destination: account.id,
        transfer_group: 'TW-0001',
        metadata: { payout_id: 'p-1' },
      },
      { idempotencyKey: 'payout-p-1' },
    );
    expect(transfer).toMatchObject({
      object: 'transfer',
      amount: 8_000,
      amount_reversed: 0,
      currency: 'mad',
      destination: account.id,
      transfer_group: 'TW-0001',
      reversed: false,
      metadata: { payout_id: 'p-1' },
    });
    const again = await client.transfers.create(
      {
        amount: 8_000,
        currency: 'mad',
        destination: account.id,
        transfer_group: 'TW-0001',
        metadata: { payout_id: 'p-1' },
      },
      { idempotencyKey: 'payout-p-1' },
    );
    expect(again.id).toBe(transfer.id);
    expect(stripe.created('transfer')).toHaveLength(1);

    const part = await client.transfers.createReversal(transfer.id, { amount: 3_000 });
    expect(part).toMatchObject({
      object: 'transfer_reversal',
      amount: 3_000,
      transfer: transfer.id,
      currency: 'mad',
    });
    await expectStripeError(client.transfers.createReversal(transfer.id, { amount: 5_001 }), {
      statusCode: 400,
      type: 'StripeInvalidRequestError',
      code: 'amount_too_large',
      param: 'amount',
    });
    const rest = await client.transfers.createReversal(transfer.id);
    expect(rest.amount).toBe(5_000);
    const after = await client.transfers.retrieve(transfer.id);
    expect(after).toMatchObject({ amount_reversed: 8_000, reversed: true });
    expect(after.reversals.data.map((r) => r.id)).toEqual([part.id, rest.id]);
    expect((await client.transfers.listReversals(transfer.id)).data).toHaveLength(2);
    expect((await client.transfers.list({ transfer_group: 'TW-0001' })).data.map((t) => t.id)).toEqual([
      transfer.id,
    ]);
    expect(stripe.callCount('POST /v1/transfers')).toBe(2);
    expect(stripe.callCount('POST /v1/transfers/:id/reversals')).toBe(3);
  });

  it('refuses transfers to an account without the transfers capability, or to an unknown one', async () => {
    const pending = await client.accounts.create({
      type: 'express',
      capabilities: { transfers: { requested: true } },
    });
    await expectStripeError(
      client.transfers.create({ amount: 100, currency: 'mad', destination: pending.id }),
      {
        statusCode: 400,
        type: 'StripeInvalidRequestError',
        code: 'insufficient_capabilities_for_transfer',
        param: 'destination',
      },
    );
    await expectStripeError(
      client.transfers.create({ amount: 100, currency: 'mad', destination: 'acct_nope' }),
      {
        statusCode: 404,
        type: 'StripeInvalidRequestError',
        param: 'destination',
      },
    );
    expect(stripe.created('transfer')).toHaveLength(0);
  });

  it('a transfer whose answer was lost (connection reset) and retried with its key (payout id) exists once', async () => {
    const account = await activeAccount();
    stripe.failNext({ endpoint: 'POST /v1/transfers', failure: { kind: 'connection_reset' } });
    const transfer = await client.transfers.create(
      { amount: 4_200, currency: 'mad', destination: account.id },
      { idempotencyKey: 'payout-p-2' },
    );
    expect(transfer.amount).toBe(4_200);
    expect(transfer.lastResponse.headers['idempotent-replayed']).toBe('true'); // the SDK's own retry
    expect(stripe.callCount('POST /v1/transfers')).toBe(2);
    expect(stripe.created('transfer')).toHaveLength(1);
  });
});

describe('test controls over HTTP and the app environment', () => {
  it('succeeds a PaymentIntent through POST /_test/… with the Bearer key, refusing without it', async () => {
    const pi = await client.paymentIntents.create({ amount: 1_500, currency: 'mad' });
    const url = `${stripe.apiBase}/_test/payment_intents/${pi.id}/succeed`;
    expect((await fetch(url, { method: 'POST' })).status).toBe(401);
    const response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${stripe.secretKey}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      type: 'payment_intent.succeeded',
      data: { object: { id: pi.id } },
    });
    expect(receiver.received.map((e) => e.type)).toEqual(['payment_intent.succeeded']);
    const unknown = await fetch(`${stripe.apiBase}/_test/payment_intents/pi_nope/succeed`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stripe.secretKey}` },
    });
    expect(unknown.status).toBe(404);
  });

  it('env() gives what the app needs; a client built from STRIPE_API_BASE reaches the server', async () => {
    const env = stripe.env();
    expect(env).toEqual({
      STRIPE_SECRET_KEY: stripe.secretKey,
      STRIPE_API_BASE: `http://127.0.0.1:${stripe.port}`,
      STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
    });
    const fromEnv = stripeClientFromBase(env.STRIPE_API_BASE, env.STRIPE_SECRET_KEY);
    await fromEnv.paymentIntents.create({ amount: 10, currency: 'mad' });
    expect(stripe.created('payment_intent')).toHaveLength(1);
  });

  it("failNext('*') fails whatever comes next, once", async () => {
    stripe.failNext({ endpoint: '*', failure: { kind: 'server_error' } });
    await expectStripeError(client.accounts.create({ type: 'express' }), {
      statusCode: 500,
      type: 'StripeAPIError',
    });
    await client.accounts.create({ type: 'express' });
    expect(stripe.calls()).toEqual({ 'POST /v1/accounts': 2 });
  });
});
