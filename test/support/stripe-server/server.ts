import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { FormError, parseStripeForm, type FormObject, type FormValue } from './form.js';

/** Any object this server stores and answers (Stripe-shaped JSON). */
export type StripeObject = { id: string; object: string } & Record<string, unknown>;

/** A Stripe event as delivered to the webhook endpoint. */
export interface StripeTestEvent {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  type: string;
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  /** Set on Connect events about a connected account (`account.updated`), as Stripe does. */
  account?: string;
  data: { object: StripeObject; previous_attributes?: Record<string, unknown> };
}

/** The outcome of one webhook delivery attempt. */
export interface WebhookDelivery {
  eventId: string;
  type: string;
  /** HTTP status the endpoint answered, or null when the request failed (connection refused…). */
  status: number | null;
  body: string;
  error?: string;
}

/**
 * A failure injected into the next matching request(s):
 * - `server_error`: 500 `api_error`, nothing done, nothing stored under the idempotency key (so the
 *   SDK's automatic retry with the same key succeeds, as with a transient Stripe outage);
 * - `card_declined`: 402 `card_error` / `card_declined`, nothing done;
 * - `lost_response`: the request IS processed (and stored under its idempotency key), then the answer
 *   is held for `ms` — longer than the client's `timeout`, it models "Stripe did it, the caller
 *   never heard back";
 * - `connection_reset`: the request IS processed (and stored under its key), then the connection is
 *   destroyed without an answer (ECONNRESET at the caller) — the same case without timers. Note the SDK
 *   retries a reset connection once on its own (same Idempotency-Key), even with `maxNetworkRetries: 0`;
 *   (`lost_response` and `connection_reset` also lose the answer of an idempotent replay.)
 * - `delay`: waits `ms` before processing (the key is "in progress" meanwhile: a concurrent request
 *   with the same Idempotency-Key gets 409, as on Stripe).
 */
export type InjectedFailure =
  | { kind: 'server_error' }
  | { kind: 'card_declined'; declineCode?: string }
  | { kind: 'lost_response'; ms: number }
  | { kind: 'connection_reset' }
  | { kind: 'delay'; ms: number };

export interface FailureRule {
  /**
   * Endpoint key as counted by {@link StripeTestServer.calls}, e.g. `POST /v1/refunds`,
   * `POST /v1/transfers/:id/reversals`, or `*` for any API request.
   */
  endpoint: string;
  failure: InjectedFailure;
  /** How many matching requests fail (default 1). */
  times?: number;
}

export interface StripeTestServerOptions {
  /** Secret key clients must send as `Authorization: Bearer …` (default: a random `sk_test_…`). */
  secretKey?: string;
  /** Webhook signing secret (default: a random `whsec_…`). */
  webhookSecret?: string;
  /** Where events are POSTed; can be set later with {@link StripeTestServer.setWebhookUrl}. */
  webhookUrl?: string;
  /**
   * `auto` (default): every event is delivered once as soon as it happens (control methods await
   * their delivery; events caused by SDK calls are delivered in the background, see {@link StripeTestServer.idle}).
   * `manual`: events are only recorded; tests deliver them with {@link StripeTestServer.deliver} /
   * {@link StripeTestServer.deliverPending}, choosing duplicates and order.
   */
  webhookMode?: 'auto' | 'manual';
}

type Kind =
  'payment_intent' | 'charge' | 'refund' | 'transfer' | 'transfer_reversal' | 'account' | 'account_link';

const PREFIX: Record<Kind | 'event', string> = {
  payment_intent: 'pi',
  charge: 'ch',
  refund: 're',
  transfer: 'tr',
  transfer_reversal: 'trr',
  account: 'acct',
  account_link: 'al',
  event: 'evt',
};

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.message));
  }
}

function invalid(message: string, param?: string, code?: string): ApiError {
  return new ApiError(400, {
    type: 'invalid_request_error',
    message,
    ...(param ? { param } : {}),
    ...(code ? { code } : {}),
  });
}

function missing(id: string, param = 'id'): ApiError {
  return new ApiError(404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    param,
    message: `No such object: '${id}'`,
  });
}

function str(form: FormObject, key: string, required = false): string | undefined {
  const value = form[key];
  if (value === undefined || value === '') {
    if (required) throw invalid(`Missing required param: ${key}.`, key, 'parameter_missing');
    return undefined;
  }
  if (typeof value !== 'string') throw invalid(`Invalid string: ${key}`, key, 'parameter_invalid_string');
  return value;
}

function isDigits(value: string): boolean {
  if (value.length === 0 || value.length > 15) return false;
  for (const c of value) if (c < '0' || c > '9') return false;
  return true;
}

function int(form: FormObject, key: string, required = false): number | undefined {
  const value = str(form, key, required);
  if (value === undefined) return undefined;
  if (!isDigits(value)) throw invalid(`Invalid integer: ${value}`, key, 'parameter_invalid_integer');
  const n = Number(value);
  if (n < 1)
    throw invalid(`This value must be greater than or equal to 1.`, key, 'parameter_invalid_integer');
  return n;
}

function currency(form: FormObject): string {
  const value = str(form, 'currency', true)!.toLowerCase();
  if (value.length !== 3)
    throw invalid(`Invalid currency: ${value}.`, 'currency', 'parameter_invalid_string');
  return value;
}

function stringMap(form: FormObject, key: string): Record<string, string> | undefined {
  const value = form[key];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw invalid(`Invalid object: ${key}`, key);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw invalid(`Invalid ${key}[${k}]`, `${key}[${k}]`);
    if (v !== '') out[k] = v;
  }
  return out;
}

function checkKnown(form: FormObject, allowed: readonly string[]): void {
  for (const key of Object.keys(form)) {
    if (key !== 'expand' && !allowed.includes(key)) {
      throw invalid(`Received unknown parameter: ${key}`, key, 'parameter_unknown');
    }
  }
}

const now = (): number => Math.floor(Date.now() / 1000);

interface Stored {
  method: string;
  path: string;
  bodyHash: string;
  status: number;
  body: string;
}

interface Route {
  method: string;
  /** Segments after /v1, `:id` for an identifier. */
  pattern: string[];
  handle: (
    ids: string[],
    form: FormObject,
    ctx: { idempotencyKey: string | null },
  ) => { status?: number; body: unknown };
}

/**
 * A local, stateful, Stripe-compatible HTTP server for tests (node:http on 127.0.0.1, random port).
 *
 * It answers what the app's `stripe` SDK calls — PaymentIntents, Charges (read), Refunds, Transfers,
 * Transfer reversals, Accounts, Account Links, Events (read) — with Stripe-shaped JSON and errors,
 * checks the Bearer key, honours `Idempotency-Key`, counts calls per endpoint, fails on demand, and
 * sends signed webhook events.
 *
 * @example
 * ```ts
 * const stripe = await StripeTestServer.start({ webhookUrl: `${api.url}/webhooks/stripe` });
 * // the app: STRIPE_SECRET_KEY=stripe.secretKey, STRIPE_API_BASE=stripe.apiBase,
 * //          STRIPE_WEBHOOK_SECRET=stripe.webhookSecret
 * const client = stripe.client();                       // a real `Stripe` pointed here
 * const pi = await client.paymentIntents.create({ amount: 12000, currency: 'mad' });
 * await stripe.succeedPaymentIntent(pi.id);             // → payment_intent.succeeded, signed and POSTed
 * expect(stripe.callCount('POST /v1/refunds')).toBe(0);
 * stripe.failNext({ endpoint: 'POST /v1/refunds', failure: { kind: 'server_error' } });
 * await stripe.close();
 * ```
 */
export class StripeTestServer {
  readonly secretKey: string;
  webhookSecret: string;
  webhookUrl: string | null;
  webhookMode: 'auto' | 'manual';

  private readonly objects = new Map<string, StripeObject>();
  private readonly eventLog: StripeTestEvent[] = [];
  private readonly delivered = new Set<string>();
  private readonly deliveryLog: WebhookDelivery[] = [];
  private readonly counters = new Map<string, number>();
  private readonly idempotency = new Map<string, Stored | 'in_progress'>();
  private rules: { rule: FailureRule; left: number }[] = [];
  private readonly background = new Set<Promise<unknown>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly routes: Route[];
  private seq = 0;
  private server: http.Server | null = null;

  private constructor(options: StripeTestServerOptions) {
    this.secretKey = options.secretKey ?? `sk_test_${randomBytes(12).toString('hex')}`;
    this.webhookSecret = options.webhookSecret ?? `whsec_${randomBytes(16).toString('hex')}`;
    this.webhookUrl = options.webhookUrl ?? null;
    this.webhookMode = options.webhookMode ?? 'auto';
    this.routes = this.buildRoutes();
  }

  /** Starts a server on 127.0.0.1 with a random free port. Close it in `afterAll`. */
  static async start(options: StripeTestServerOptions = {}): Promise<StripeTestServer> {
    const instance = new StripeTestServer(options);
    const server = http.createServer((req, res) => {
      instance.onRequest(req, res).catch((error: unknown) => {
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { type: 'api_error', message: String(error) } }));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    instance.server = server;
    return instance;
  }

  /** The port the server listens on. */
  get port(): number {
    return (this.server!.address() as AddressInfo).port;
  }

  /** `http://127.0.0.1:<port>`: the value for the app's STRIPE_API_BASE. */
  get apiBase(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /**
   * The app's environment for this server, for `startTestApi(stripe.env())`: STRIPE_SECRET_KEY,
   * STRIPE_API_BASE and STRIPE_WEBHOOK_SECRET (names as in the payments brief; rename here if the
   * app's config uses others).
   */
  env(): Record<string, string> {
    return {
      STRIPE_SECRET_KEY: this.secretKey,
      STRIPE_API_BASE: this.apiBase,
      STRIPE_WEBHOOK_SECRET: this.webhookSecret,
    };
  }

  /**
   * A real `Stripe` client pointed at this server, built from {@link apiBase} the way the app
   * builds its client from STRIPE_API_BASE (see `stripeClientFromBase`). Retries are off unless
   * `overrides.maxNetworkRetries` is given.
   */
  client(overrides: Partial<Stripe.StripeConfig> = {}): Stripe {
    return stripeClientFromBase(this.apiBase, this.secretKey, { maxNetworkRetries: 0, ...overrides });
  }

  /** Stops listening, drops open connections and pending timers; awaits background deliveries. */
  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.idle();
    const server = this.server;
    if (!server) return;
    this.server = null;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Clears all objects, events, counters, idempotency keys and injected failures. */
  reset(): void {
    this.objects.clear();
    this.eventLog.length = 0;
    this.delivered.clear();
    this.deliveryLog.length = 0;
    this.counters.clear();
    this.idempotency.clear();
    this.rules = [];
  }

  // ── counters and state ──────────────────────────────────────────────────────────────────────

  /** Requests received for one endpoint key (e.g. `POST /v1/refunds`), idempotent replays and failures included. */
  callCount(endpoint: string): number {
    return this.counters.get(endpoint) ?? 0;
  }

  /** All request counters by endpoint key. */
  calls(): Record<string, number> {
    return Object.fromEntries(this.counters);
  }

  /**
   * The objects of one kind actually created (one per effect: an idempotent replay creates none).
   * Use it for "no duplicate charge/refund/transfer" assertions.
   */
  created(kind: Kind): StripeObject[] {
    return structuredClone(this.all(kind));
  }

  private all(kind: Kind): StripeObject[] {
    return [...this.objects.values()].filter((o) => o.object === kind);
  }

  /** One stored object by id (a copy), or undefined. */
  get(id: string): StripeObject | undefined {
    const found = this.objects.get(id);
    return found ? structuredClone(found) : undefined;
  }

  // ── failure injection ───────────────────────────────────────────────────────────────────────

  /** Makes the next `times` (default 1) requests to `endpoint` fail as described by {@link InjectedFailure}. */
  failNext(rule: FailureRule): void {
    this.rules.push({ rule, left: rule.times ?? 1 });
  }

  /** Removes all injected failures not used yet. */
  clearFailures(): void {
    this.rules = [];
  }

  // ── test controls ───────────────────────────────────────────────────────────────────────────

  /**
   * The buyer's payment succeeds: the PaymentIntent becomes `succeeded` with a captured charge,
   * and `payment_intent.succeeded` is recorded (and delivered once, awaited, in `auto` mode).
   */
  async succeedPaymentIntent(
    id: string,
  ): Promise<{ event: StripeTestEvent; delivery: WebhookDelivery | null }> {
    const pi = this.mustGet(id, 'payment_intent');
    if (pi.status === 'succeeded' || pi.status === 'canceled') {
      throw new Error(`PaymentIntent ${id} is already ${String(pi.status)}`);
    }
    const charge = this.store('charge', {
      amount: pi.amount,
      amount_captured: pi.amount,
      amount_refunded: 0,
      captured: true,
      currency: pi.currency,
      paid: true,
      payment_intent: pi.id,
      refunded: false,
      status: 'succeeded',
      transfer_group: pi.transfer_group,
      metadata: { ...(pi.metadata as Record<string, string>) },
    });
    Object.assign(pi, {
      status: 'succeeded',
      amount_received: pi.amount,
      latest_charge: charge.id,
      last_payment_error: null,
    });
    return this.emitAndDeliver('payment_intent.succeeded', pi);
  }

  /**
   * The buyer's card is declined: the PaymentIntent goes back to `requires_payment_method` with a
   * `last_payment_error`, and `payment_intent.payment_failed` is recorded (and delivered in `auto` mode).
   */
  async failPaymentIntent(
    id: string,
    declineCode = 'generic_decline',
  ): Promise<{ event: StripeTestEvent; delivery: WebhookDelivery | null }> {
    const pi = this.mustGet(id, 'payment_intent');
    if (pi.status === 'succeeded' || pi.status === 'canceled') {
      throw new Error(`PaymentIntent ${id} is already ${String(pi.status)}`);
    }
    Object.assign(pi, {
      status: 'requires_payment_method',
      last_payment_error: {
        type: 'card_error',
        code: 'card_declined',
        decline_code: declineCode,
        message: 'Your card was declined.',
      },
    });
    return this.emitAndDeliver('payment_intent.payment_failed', pi);
  }

  /**
   * The connected account finishes (or loses) onboarding: sets details_submitted, charges/payouts
   * enabled and the `transfers` capability, then records `account.updated` (delivered in `auto` mode).
   */
  async setAccountStatus(
    id: string,
    status: 'active' | 'restricted' = 'active',
  ): Promise<{ event: StripeTestEvent; delivery: WebhookDelivery | null }> {
    const account = this.mustGet(id, 'account');
    const active = status === 'active';
    const previous = {
      charges_enabled: account.charges_enabled,
      payouts_enabled: account.payouts_enabled,
      details_submitted: account.details_submitted,
    };
    const capabilities = { ...(account.capabilities as Record<string, string>) };
    for (const name of Object.keys(capabilities)) capabilities[name] = active ? 'active' : 'inactive';
    Object.assign(account, {
      charges_enabled: active,
      payouts_enabled: active,
      details_submitted: active,
      capabilities,
      requirements: requirements(active),
    });
    return this.emitAndDeliver('account.updated', account, previous);
  }

  // ── webhooks ────────────────────────────────────────────────────────────────────────────────

  /** Sets (or clears) where events are POSTed, and optionally the signing secret and mode. */
  setWebhookUrl(url: string | null, options: { secret?: string; mode?: 'auto' | 'manual' } = {}): void {
    this.webhookUrl = url;
    if (options.secret) this.webhookSecret = options.secret;
    if (options.mode) this.webhookMode = options.mode;
  }

  /** Records an event of any type about `object` (a copy is taken now); delivers it in `auto` mode. */
  async emit(
    type: string,
    object: StripeObject,
    previousAttributes?: Record<string, unknown>,
  ): Promise<StripeTestEvent> {
    return (await this.emitAndDeliver(type, object, previousAttributes)).event;
  }

  /** Every event recorded so far (optionally of one type), oldest first. */
  events(type?: string): StripeTestEvent[] {
    return this.eventLog.filter((e) => type === undefined || e.type === type);
  }

  /**
   * Events no delivery has had a 2xx answer for yet (`manual` mode, no webhook URL set, or the
   * endpoint refused/failed): {@link deliverPending} sends them again, as Stripe retries.
   */
  pendingEvents(): StripeTestEvent[] {
    return this.eventLog.filter((e) => !this.delivered.has(e.id));
  }

  /** Every delivery attempt so far, in order. */
  deliveries(): WebhookDelivery[] {
    return [...this.deliveryLog];
  }

  /**
   * The body and `Stripe-Signature` header of one event, signed with
   * `Stripe.webhooks.generateTestHeaderString`. `secret` and `timestamp` (seconds) override the
   * defaults to build wrongly signed or stale deliveries.
   */
  signedPayload(
    event: StripeTestEvent,
    options: { secret?: string; timestamp?: number } = {},
  ): { payload: string; header: string } {
    const payload = JSON.stringify(event, null, 2);
    const header = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: options.secret ?? this.webhookSecret,
      timestamp: options.timestamp ?? now(),
    });
    return { payload, header };
  }

  /**
   * POSTs one event (again) to the webhook URL, signed. Options: another `secret` or `timestamp`
   * (bad signature / replay tests), `tamper` to change the body after signing.
   */
  async deliver(
    eventOrId: StripeTestEvent | string,
    options: { secret?: string; timestamp?: number; tamper?: (payload: string) => string; url?: string } = {},
  ): Promise<WebhookDelivery> {
    const event = typeof eventOrId === 'string' ? this.eventLog.find((e) => e.id === eventOrId) : eventOrId;
    if (!event) throw new Error(`No such event: ${typeof eventOrId === 'string' ? eventOrId : eventOrId.id}`);
    const url = options.url ?? this.webhookUrl;
    if (!url) throw new Error('No webhook URL: pass webhookUrl to start() or call setWebhookUrl()');
    const signed = this.signedPayload(event, options);
    const body = options.tamper ? options.tamper(signed.payload) : signed.payload;
    let delivery: WebhookDelivery;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'stripe-signature': signed.header,
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        },
        body,
      });
      delivery = {
        eventId: event.id,
        type: event.type,
        status: response.status,
        body: await response.text(),
      };
    } catch (error) {
      delivery = { eventId: event.id, type: event.type, status: null, body: '', error: String(error) };
    }
    // Like Stripe, an event stays pending until some delivery got a 2xx answer.
    if (delivery.status !== null && delivery.status >= 200 && delivery.status < 300)
      this.delivered.add(event.id);
    this.deliveryLog.push(delivery);
    return delivery;
  }

  /**
   * Delivers the pending events (or `events`), each `times` times (default 1), in the given order:
   * `in-order` (default), `reversed`, or `shuffled` with `random` (a `() => number` in [0,1), e.g.
   * from fast-check's seeded generator, default Math.random). Deliveries run one after the other
   * unless `concurrent` is set (all at once, as Stripe may do).
   */
  async deliverPending(
    options: {
      events?: StripeTestEvent[];
      times?: number;
      order?: 'in-order' | 'reversed' | 'shuffled';
      random?: () => number;
      concurrent?: boolean;
    } = {},
  ): Promise<WebhookDelivery[]> {
    const base = options.events ?? this.pendingEvents();
    let queue: StripeTestEvent[] = [];
    for (let i = 0; i < (options.times ?? 1); i++) queue.push(...base);
    if (options.order === 'reversed') queue = queue.reverse();
    if (options.order === 'shuffled') {
      const random = options.random ?? Math.random;
      for (let i = queue.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [queue[i], queue[j]] = [queue[j], queue[i]];
      }
    }
    if (options.concurrent) return Promise.all(queue.map((e) => this.deliver(e)));
    const results: WebhookDelivery[] = [];
    for (const event of queue) results.push(await this.deliver(event));
    return results;
  }

  /** Resolves once every background (auto-mode) delivery has finished. */
  async idle(): Promise<void> {
    while (this.background.size > 0) await Promise.allSettled([...this.background]);
  }

  // ── internals ───────────────────────────────────────────────────────────────────────────────

  private newId(kind: Kind | 'event'): string {
    this.seq += 1;
    return `${PREFIX[kind]}_test${this.seq.toString(36).padStart(6, '0')}${randomBytes(6).toString('hex')}`;
  }

  private store(kind: Kind, fields: Record<string, unknown>): StripeObject {
    const object: StripeObject = {
      id: this.newId(kind),
      object: kind,
      created: now(),
      livemode: false,
      ...fields,
    };
    this.objects.set(object.id, object);
    return object;
  }

  private mustGet(id: string, kind: Kind, param = 'id'): StripeObject {
    const found = this.objects.get(id);
    if (!found || found.object !== kind) throw missing(id, param);
    return found;
  }

  private record(type: string, object: StripeObject, previous?: Record<string, unknown>): StripeTestEvent {
    const event: StripeTestEvent = {
      id: this.newId('event'),
      object: 'event',
      api_version: Stripe.API_VERSION,
      created: now(),
      type,
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      ...(object.object === 'account' ? { account: object.id } : {}),
      data: { object: structuredClone(object), ...(previous ? { previous_attributes: previous } : {}) },
    };
    this.eventLog.push(event);
    return event;
  }

  private async emitAndDeliver(
    type: string,
    object: StripeObject,
    previous?: Record<string, unknown>,
  ): Promise<{ event: StripeTestEvent; delivery: WebhookDelivery | null }> {
    const event = this.record(type, object, previous);
    if (this.webhookMode !== 'auto' || !this.webhookUrl) return { event, delivery: null };
    return { event, delivery: await this.deliver(event) };
  }

  /** An event caused by an API call: recorded now, delivered after the answer in `auto` mode. */
  private emitInBackground(type: string, object: StripeObject): void {
    const event = this.record(type, object);
    if (this.webhookMode !== 'auto' || !this.webhookUrl) return;
    // Tracked from now (not from when it starts) so idle() cannot miss it; sent just after the answer.
    const p: Promise<unknown> = new Promise((resolve) => setTimeout(resolve, 5))
      .then(() => this.deliver(event))
      .finally(() => this.background.delete(p));
    this.background.add(p);
  }

  private endpointKey(method: string, segments: string[]): { key: string; route?: Route; ids: string[] } {
    for (const route of this.routes) {
      if (route.method !== method || route.pattern.length !== segments.length) continue;
      const ids: string[] = [];
      let ok = true;
      for (let i = 0; i < segments.length; i++) {
        if (route.pattern[i] === ':id') ids.push(segments[i]);
        else if (route.pattern[i] !== segments[i]) ok = false;
      }
      if (ok) return { key: `${method} /v1/${route.pattern.join('/')}`, route, ids };
    }
    return { key: `${method} /v1/${segments.join('/')}`, ids: [] };
  }

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const requestId = `req_${randomBytes(8).toString('hex')}`;
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'request-id': requestId,
      'stripe-version': Stripe.API_VERSION,
    };
    const send = (status: number, body: string, extra: Record<string, string> = {}): void => {
      if (res.writableEnded) return;
      res.writeHead(status, { ...headers, ...extra });
      res.end(body);
    };
    const sendError = (error: ApiError, extra: Record<string, string> = {}): void =>
      send(error.status, JSON.stringify({ error: { ...error.body, request_log_url: null } }, null, 2), extra);

    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > 1_000_000) return sendError(invalid('Request body too large.'));
      chunks.push(chunk as Buffer);
    }
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const segments = url.pathname.split('/').filter((s) => s.length > 0);
    if (segments[0] === '_test') return this.onControl(method, segments.slice(1), req, send, sendError);
    if (segments[0] !== 'v1') {
      return sendError(
        new ApiError(404, {
          type: 'invalid_request_error',
          message: `Unrecognized request URL (${method}: ${url.pathname}).`,
        }),
      );
    }
    const { key, route, ids } = this.endpointKey(method, segments.slice(1));
    this.counters.set(key, (this.counters.get(key) ?? 0) + 1);

    const auth = req.headers.authorization ?? '';
    if (auth !== `Bearer ${this.secretKey}`) {
      const shown = auth.startsWith('Bearer ') ? auth.slice(7, 15) : '';
      return sendError(
        new ApiError(401, {
          type: 'invalid_request_error',
          message: shown ? `Invalid API Key provided: ${shown}****` : 'You did not provide an API key.',
        }),
      );
    }
    if (!route) {
      return sendError(
        new ApiError(404, {
          type: 'invalid_request_error',
          message: `Unrecognized request URL (${method}: ${url.pathname}).`,
        }),
      );
    }

    const ruleIndex = this.rules.findIndex(
      (r) => (r.rule.endpoint === key || r.rule.endpoint === '*') && r.left > 0,
    );
    const failure = ruleIndex === -1 ? undefined : this.rules[ruleIndex].rule.failure;
    if (ruleIndex !== -1) {
      this.rules[ruleIndex].left -= 1;
      if (this.rules[ruleIndex].left === 0) this.rules.splice(ruleIndex, 1);
    }
    if (failure?.kind === 'server_error') {
      return sendError(
        new ApiError(500, {
          type: 'api_error',
          message: 'An unknown error occurred (injected by the test server).',
        }),
      );
    }
    if (failure?.kind === 'card_declined') {
      return sendError(
        new ApiError(402, {
          type: 'card_error',
          code: 'card_declined',
          decline_code: failure.declineCode ?? 'generic_decline',
          message: 'Your card was declined.',
        }),
      );
    }

    // Answers done (or replayed) work, unless an injected failure loses the answer.
    const finish = async (status: number, body: string, extra: Record<string, string>): Promise<void> => {
      if (failure?.kind === 'lost_response') await this.sleep(failure.ms);
      if (failure?.kind === 'connection_reset') {
        req.socket.destroy();
        return;
      }
      send(status, body, extra);
    };

    const idempotencyKey =
      typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : null;
    const bodyHash = createHash('sha256').update(raw).digest('hex');
    if (idempotencyKey && method === 'POST') {
      const stored = this.idempotency.get(idempotencyKey);
      if (stored === 'in_progress') {
        return sendError(
          new ApiError(409, {
            type: 'idempotency_error',
            code: 'idempotency_key_in_use',
            message:
              'There is currently another in-progress request using this Idempotency Key. Please try again later.',
          }),
        );
      }
      if (stored) {
        if (stored.method !== method || stored.path !== url.pathname || stored.bodyHash !== bodyHash) {
          return sendError(
            new ApiError(400, {
              type: 'idempotency_error',
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
            }),
          );
        }
        return finish(stored.status, stored.body, {
          'idempotency-key': idempotencyKey,
          'idempotent-replayed': 'true',
        });
      }
      this.idempotency.set(idempotencyKey, 'in_progress');
    }

    if (failure?.kind === 'delay') await this.sleep(failure.ms);

    let status: number;
    let body: string;
    try {
      const form = parseStripeForm(method === 'GET' ? url.search.slice(1) : raw);
      const result = route.handle(ids, form, { idempotencyKey });
      status = result.status ?? 200;
      body = JSON.stringify(this.expand(result.body, form.expand), null, 2);
    } catch (error) {
      const apiError =
        error instanceof ApiError
          ? error
          : error instanceof FormError
            ? invalid(error.message, error.param)
            : null;
      if (!apiError) {
        if (idempotencyKey && method === 'POST') this.idempotency.delete(idempotencyKey);
        throw error;
      }
      status = apiError.status;
      body = JSON.stringify({ error: { ...apiError.body, request_log_url: null } }, null, 2);
    }
    if (idempotencyKey && method === 'POST') {
      this.idempotency.set(idempotencyKey, { method, path: url.pathname, bodyHash, status, body });
    }
    return finish(status, body, idempotencyKey ? { 'idempotency-key': idempotencyKey } : {});
  }

  /**
   * The test controls over HTTP, for an app or demo in another process (same Bearer key):
   * `POST /_test/payment_intents/:id/succeed`, `POST /_test/payment_intents/:id/fail`,
   * `POST /_test/accounts/:id/activate`, `POST /_test/accounts/:id/restrict`. Answers the event.
   */
  private async onControl(
    method: string,
    segments: string[],
    req: http.IncomingMessage,
    send: (status: number, body: string) => void,
    sendError: (error: ApiError) => void,
  ): Promise<void> {
    if (req.headers.authorization !== `Bearer ${this.secretKey}`) {
      return sendError(
        new ApiError(401, { type: 'invalid_request_error', message: 'You did not provide an API key.' }),
      );
    }
    const [collection, id, action] = segments;
    const run = async (): Promise<{ event: StripeTestEvent }> => {
      if (method === 'POST' && segments.length === 3 && collection === 'payment_intents') {
        if (action === 'succeed') return this.succeedPaymentIntent(id);
        if (action === 'fail') return this.failPaymentIntent(id);
      }
      if (method === 'POST' && segments.length === 3 && collection === 'accounts') {
        if (action === 'activate') return this.setAccountStatus(id, 'active');
        if (action === 'restrict') return this.setAccountStatus(id, 'restricted');
      }
      throw new ApiError(404, {
        type: 'invalid_request_error',
        message: `Unrecognized test control (${method}: /_test/${segments.join('/')}).`,
      });
    };
    try {
      const { event } = await run();
      send(200, JSON.stringify(event, null, 2));
    } catch (error) {
      if (error instanceof ApiError) return sendError(error);
      sendError(invalid(error instanceof Error ? error.message : String(error)));
    }
  }

  /** `expand[]=field` of one level: an id in `field` becomes the stored object (e.g. a PaymentIntent's `latest_charge`). */
  private expand(body: unknown, expand: FormValue | undefined): unknown {
    if (!Array.isArray(expand) || typeof body !== 'object' || body === null) return body;
    const out = { ...(body as Record<string, unknown>) };
    for (const field of expand) {
      if (typeof field !== 'string') continue;
      const value = out[field];
      const found = typeof value === 'string' ? this.objects.get(value) : undefined;
      if (found) out[field] = structuredClone(found);
    }
    return out;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  private list(kind: Kind, filter: (o: StripeObject) => boolean, url: string, form: FormObject): unknown {
    const all = this.all(kind).filter(filter).reverse();
    const limit = Math.min(int(form, 'limit') ?? 10, 100);
    const data = all.slice(0, limit);
    return { object: 'list', data, has_more: all.length > limit, url };
  }

  // ── endpoints ───────────────────────────────────────────────────────────────────────────────

  private buildRoutes(): Route[] {
    const r = (method: string, path: string, handle: Route['handle']): Route => ({
      method,
      pattern: path.split('/'),
      handle,
    });
    return [
      r('POST', 'payment_intents', (_ids, form) => this.createPaymentIntent(form)),
      r('GET', 'payment_intents', (_ids, form) => ({
        body: this.list('payment_intent', () => true, '/v1/payment_intents', form),
      })),
      r('GET', 'payment_intents/:id', ([id]) => ({ body: this.mustGet(id, 'payment_intent') })),
      r('POST', 'payment_intents/:id', ([id], form) => this.updatePaymentIntent(id, form)),
      r('POST', 'payment_intents/:id/cancel', ([id], form) => this.cancelPaymentIntent(id, form)),
      r('GET', 'charges/:id', ([id]) => ({ body: this.mustGet(id, 'charge') })),
      r('POST', 'refunds', (_ids, form) => this.createRefund(form)),
      r('GET', 'refunds', (_ids, form) => {
        const pi = str(form, 'payment_intent');
        const charge = str(form, 'charge');
        return {
          body: this.list(
            'refund',
            (o) => (!pi || o.payment_intent === pi) && (!charge || o.charge === charge),
            '/v1/refunds',
            form,
          ),
        };
      }),
      r('GET', 'refunds/:id', ([id]) => ({ body: this.mustGet(id, 'refund') })),
      r('POST', 'transfers', (_ids, form) => this.createTransfer(form)),
      r('GET', 'transfers', (_ids, form) => {
        const group = str(form, 'transfer_group');
        const destination = str(form, 'destination');
        return {
          body: this.list(
            'transfer',
            (o) => (!group || o.transfer_group === group) && (!destination || o.destination === destination),
            '/v1/transfers',
            form,
          ),
        };
      }),
      r('GET', 'transfers/:id', ([id]) => ({ body: this.transferView(this.mustGet(id, 'transfer')) })),
      r('POST', 'transfers/:id/reversals', ([id], form) => this.createReversal(id, form)),
      r('GET', 'transfers/:id/reversals', ([id], form) => {
        this.mustGet(id, 'transfer');
        return {
          body: this.list(
            'transfer_reversal',
            (o) => o.transfer === id,
            `/v1/transfers/${id}/reversals`,
            form,
          ),
        };
      }),
      r('POST', 'accounts', (_ids, form) => this.createAccount(form)),
      r('GET', 'accounts/:id', ([id]) => ({ body: this.mustGet(id, 'account', 'account') })),
      r('POST', 'accounts/:id', ([id], form) => this.updateAccount(id, form)),
      r('POST', 'account_links', (_ids, form) => this.createAccountLink(form)),
      r('GET', 'events/:id', ([id]) => {
        const event = this.eventLog.find((e) => e.id === id);
        if (!event) throw missing(id);
        return { body: event };
      }),
    ];
  }

  private createPaymentIntent(form: FormObject): { body: unknown } {
    checkKnown(form, [
      'amount',
      'currency',
      'metadata',
      'transfer_group',
      'description',
      'receipt_email',
      'payment_method_types',
      'automatic_payment_methods',
      'capture_method',
      'statement_descriptor_suffix',
      'customer',
    ]);
    const amount = int(form, 'amount', true)!;
    const cur = currency(form);
    const methods = form.payment_method_types;
    const pi = this.store('payment_intent', {
      amount,
      amount_capturable: 0,
      amount_received: 0,
      currency: cur,
      status: 'requires_payment_method',
      capture_method: str(form, 'capture_method') ?? 'automatic',
      client_secret: '',
      description: str(form, 'description') ?? null,
      receipt_email: str(form, 'receipt_email') ?? null,
      metadata: stringMap(form, 'metadata') ?? {},
      transfer_group: str(form, 'transfer_group') ?? null,
      latest_charge: null,
      last_payment_error: null,
      canceled_at: null,
      cancellation_reason: null,
      payment_method: null,
      payment_method_types: Array.isArray(methods) ? methods : ['card'],
    });
    pi.client_secret = `${pi.id}_secret_${randomBytes(12).toString('hex')}`;
    return { body: pi };
  }

  private updatePaymentIntent(id: string, form: FormObject): { body: unknown } {
    const pi = this.mustGet(id, 'payment_intent');
    checkKnown(form, ['amount', 'metadata', 'description', 'receipt_email', 'transfer_group']);
    if (pi.status === 'succeeded' || pi.status === 'canceled') {
      throw invalid(
        `This PaymentIntent's status is ${String(pi.status)}, it cannot be updated.`,
        undefined,
        'payment_intent_unexpected_state',
      );
    }
    const amount = int(form, 'amount');
    if (amount !== undefined) pi.amount = amount;
    const metadata = stringMap(form, 'metadata');
    if (metadata) pi.metadata = { ...(pi.metadata as Record<string, string>), ...metadata };
    for (const key of ['description', 'receipt_email', 'transfer_group']) {
      const value = str(form, key);
      if (value !== undefined) pi[key] = value;
    }
    return { body: pi };
  }

  private cancelPaymentIntent(id: string, form: FormObject): { body: unknown } {
    const pi = this.mustGet(id, 'payment_intent');
    checkKnown(form, ['cancellation_reason']);
    if (pi.status === 'succeeded' || pi.status === 'canceled') {
      throw invalid(
        `You cannot cancel this PaymentIntent because it has a status of ${String(pi.status)}.`,
        undefined,
        'payment_intent_unexpected_state',
      );
    }
    Object.assign(pi, {
      status: 'canceled',
      canceled_at: now(),
      cancellation_reason: str(form, 'cancellation_reason') ?? null,
    });
    this.emitInBackground('payment_intent.canceled', pi);
    return { body: pi };
  }

  private createRefund(form: FormObject): { body: unknown } {
    checkKnown(form, ['payment_intent', 'charge', 'amount', 'reason', 'metadata']);
    const piId = str(form, 'payment_intent');
    const chargeId = str(form, 'charge');
    if (!piId && !chargeId)
      throw invalid(
        'One of the following params should be provided for this request: payment_intent or charge.',
        'payment_intent',
        'parameter_missing',
      );
    let charge: StripeObject;
    if (piId) {
      const pi = this.mustGet(piId, 'payment_intent', 'payment_intent');
      if (pi.status !== 'succeeded' || typeof pi.latest_charge !== 'string') {
        throw invalid(
          `This PaymentIntent (${piId}) does not have a successful charge to refund.`,
          'payment_intent',
          'charge_not_refundable',
        );
      }
      charge = this.mustGet(pi.latest_charge, 'charge');
    } else {
      charge = this.mustGet(chargeId!, 'charge', 'charge');
    }
    const captured = charge.amount_captured as number;
    const already = charge.amount_refunded as number;
    const remaining = captured - already;
    if (remaining <= 0)
      throw invalid(`Charge ${charge.id} has already been refunded.`, undefined, 'charge_already_refunded');
    const amount = int(form, 'amount') ?? remaining;
    if (amount > remaining) {
      throw invalid(
        `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining}).`,
        'amount',
        'amount_too_large',
      );
    }
    const reason = str(form, 'reason');
    if (reason && !['duplicate', 'fraudulent', 'requested_by_customer'].includes(reason)) {
      throw invalid(
        `Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer`,
        'reason',
        'parameter_invalid_string',
      );
    }
    const refund = this.store('refund', {
      amount,
      currency: charge.currency,
      charge: charge.id,
      payment_intent: charge.payment_intent,
      reason: reason ?? null,
      status: 'succeeded',
      metadata: stringMap(form, 'metadata') ?? {},
    });
    charge.amount_refunded = already + amount;
    charge.refunded = already + amount === captured;
    this.emitInBackground('charge.refunded', charge);
    return { body: refund };
  }

  private transferView(transfer: StripeObject): StripeObject {
    const reversals = this.all('transfer_reversal').filter((o) => o.transfer === transfer.id);
    return {
      ...transfer,
      reversals: {
        object: 'list',
        data: reversals,
        has_more: false,
        total_count: reversals.length,
        url: `/v1/transfers/${transfer.id}/reversals`,
      },
    };
  }

  private createTransfer(form: FormObject): { body: unknown } {
    checkKnown(form, [
      'amount',
      'currency',
      'destination',
      'transfer_group',
      'metadata',
      'description',
      'source_transaction',
    ]);
    const amount = int(form, 'amount', true)!;
    const cur = currency(form);
    const destination = str(form, 'destination', true)!;
    const account = this.mustGet(destination, 'account', 'destination');
    const capabilities = account.capabilities as Record<string, string>;
    if (capabilities.transfers !== 'active') {
      throw invalid(
        'Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments',
        'destination',
        'insufficient_capabilities_for_transfer',
      );
    }
    const transfer = this.store('transfer', {
      amount,
      amount_reversed: 0,
      currency: cur,
      description: str(form, 'description') ?? null,
      destination,
      metadata: stringMap(form, 'metadata') ?? {},
      reversed: false,
      source_transaction: str(form, 'source_transaction') ?? null,
      transfer_group: str(form, 'transfer_group') ?? null,
    });
    this.emitInBackground('transfer.created', this.transferView(transfer));
    return { body: this.transferView(transfer) };
  }

  private createReversal(id: string, form: FormObject): { body: unknown } {
    const transfer = this.mustGet(id, 'transfer');
    checkKnown(form, ['amount', 'metadata', 'description', 'refund_application_fee']);
    const remaining = (transfer.amount as number) - (transfer.amount_reversed as number);
    if (remaining <= 0)
      throw invalid(
        `Transfer ${id} has already been fully reversed.`,
        undefined,
        'transfer_already_reversed',
      );
    const amount = int(form, 'amount') ?? remaining;
    if (amount > remaining) {
      throw invalid(
        `Reversal amount (${amount}) is greater than the unreversed amount on the transfer (${remaining}).`,
        'amount',
        'amount_too_large',
      );
    }
    const reversal = this.store('transfer_reversal', {
      amount,
      currency: transfer.currency,
      transfer: transfer.id,
      metadata: stringMap(form, 'metadata') ?? {},
    });
    transfer.amount_reversed = (transfer.amount_reversed as number) + amount;
    transfer.reversed = transfer.amount_reversed === transfer.amount;
    this.emitInBackground('transfer.reversed', this.transferView(transfer));
    return { body: reversal };
  }

  private capabilities(form: FormObject, current: Record<string, string>): Record<string, string> {
    const requested = form.capabilities;
    if (requested === undefined) return current;
    if (typeof requested !== 'object' || Array.isArray(requested))
      throw invalid('Invalid object', 'capabilities');
    const out = { ...current };
    for (const [name, value] of Object.entries(requested)) {
      const flag = typeof value === 'object' && !Array.isArray(value) ? value.requested : undefined;
      if (flag !== 'true' && flag !== 'false')
        throw invalid(`Invalid capabilities[${name}][requested]`, `capabilities[${name}][requested]`);
      if (flag === 'true') out[name] = out[name] ?? 'inactive';
      else delete out[name];
    }
    return out;
  }

  private createAccount(form: FormObject): { body: unknown } {
    checkKnown(form, [
      'type',
      'country',
      'email',
      'capabilities',
      'business_type',
      'metadata',
      'controller',
      'business_profile',
      'default_currency',
      'settings',
      'tos_acceptance',
    ]);
    const type = str(form, 'type') ?? (form.controller ? 'none' : undefined);
    if (!type) throw invalid('Missing required param: type.', 'type', 'parameter_missing');
    if (!['express', 'custom', 'standard', 'none'].includes(type))
      throw invalid(`Invalid type: ${type}`, 'type', 'parameter_invalid_string');
    if (type === 'custom' && form.capabilities === undefined) {
      throw invalid(
        'You must request at least one capability for custom accounts.',
        'capabilities',
        'parameter_missing',
      );
    }
    const country = str(form, 'country') ?? 'US';
    const account = this.store('account', {
      type,
      country,
      email: str(form, 'email') ?? null,
      business_type: str(form, 'business_type') ?? null,
      default_currency: str(form, 'default_currency') ?? null,
      charges_enabled: false,
      payouts_enabled: false,
      details_submitted: false,
      capabilities: this.capabilities(form, {}),
      requirements: requirements(false),
      metadata: stringMap(form, 'metadata') ?? {},
    });
    return { body: account };
  }

  private updateAccount(id: string, form: FormObject): { body: unknown } {
    const account = this.mustGet(id, 'account', 'account');
    checkKnown(form, [
      'email',
      'capabilities',
      'business_type',
      'metadata',
      'business_profile',
      'default_currency',
      'settings',
      'tos_acceptance',
    ]);
    account.capabilities = this.capabilities(form, account.capabilities as Record<string, string>);
    const metadata = stringMap(form, 'metadata');
    if (metadata) account.metadata = { ...(account.metadata as Record<string, string>), ...metadata };
    for (const key of ['email', 'business_type', 'default_currency']) {
      const value = str(form, key);
      if (value !== undefined) account[key] = value;
    }
    this.emitInBackground('account.updated', account);
    return { body: account };
  }

  private createAccountLink(form: FormObject): { body: unknown } {
    checkKnown(form, ['account', 'refresh_url', 'return_url', 'type', 'collect', 'collection_options']);
    const accountId = str(form, 'account', true)!;
    const type = str(form, 'type', true)!;
    if (type !== 'account_onboarding' && type !== 'account_update')
      throw invalid(`Invalid type: ${type}`, 'type', 'parameter_invalid_string');
    for (const key of ['refresh_url', 'return_url']) {
      const value = str(form, key, type === 'account_onboarding')!;
      if (value !== undefined && !value.startsWith('http://') && !value.startsWith('https://')) {
        throw invalid(`Not a valid URL`, key, 'url_invalid');
      }
    }
    this.mustGet(accountId, 'account', 'account');
    const created = now();
    const link = {
      object: 'account_link',
      created,
      expires_at: created + 300,
      url: `${this.apiBase}/setup/e/${accountId}/${randomBytes(8).toString('hex')}`,
    };
    // Account links have no id on Stripe; kept under a synthetic id so tests can count them.
    const synthetic = this.newId('account_link');
    this.objects.set(synthetic, { ...link, id: synthetic, account: accountId });
    return { body: link };
  }
}

function requirements(complete: boolean): Record<string, unknown> {
  const due = complete
    ? []
    : ['business_profile.url', 'external_account', 'tos_acceptance.date', 'tos_acceptance.ip'];
  return {
    currently_due: due,
    eventually_due: due,
    past_due: due,
    pending_verification: [],
    disabled_reason: complete ? null : 'requirements.past_due',
    errors: [],
  };
}

/**
 * Builds a `Stripe` client from an API base URL the way the app does from STRIPE_API_BASE:
 * `http://127.0.0.1:4010` → `{ host: '127.0.0.1', port: 4010, protocol: 'http' }` (the SDK adds `/v1`).
 */
export function stripeClientFromBase(
  base: string,
  secretKey: string,
  overrides: Partial<Stripe.StripeConfig> = {},
): Stripe {
  const url = new URL(base);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return new Stripe(secretKey, {
    host: url.hostname,
    port: Number(url.port || (protocol === 'http' ? 80 : 443)),
    protocol,
    telemetry: false,
    ...overrides,
  });
}

export type { FormObject, FormValue };
