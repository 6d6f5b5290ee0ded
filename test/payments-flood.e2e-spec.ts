import { Writable } from 'node:stream';
import { pino } from 'pino';
import { STRIPE_EVENT_JOB } from '@taawoun/payments';
import { cardOrder, ledgerOf } from './support/payments-fixtures.js';
import { StripeTestServer, type StripeTestEvent } from './support/stripe-server/index.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/**
 * Issue 11: two API processes (HTTP only, RUN_JOBS=false) and two worker processes (the worker
 * app's role, RUN_JOBS=true, pg-boss polling) on one database take the same flood of Stripe
 * deliveries — every payment_intent.succeeded 4 times, shuffled, alternating between the two
 * APIs' webhook URLs — and end in the state of one in-order delivery: every order placed once,
 * one SALE/SHIPPING/COMMISSION per sub-order, one stored event per event id, each member told
 * once, nothing refunded or transferred at Stripe. Both workers must have run jobs (their logs).
 */
const ORDERS = 10;
const DELIVERIES_PER_EVENT = 4;

/** A deterministic [0, 1) generator (mulberry32) so a failing order can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

/** A pino logger writing its JSON lines to memory. */
function memoryLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: pino({ level: 'info' }, sink) };
}

let stripe: StripeTestServer;
let apis: TestApi[] = [];
let workers: TestApi[] = [];
const workerLogs: Record<string, unknown>[][] = [];

beforeAll(async () => {
  stripe = await StripeTestServer.start({ webhookMode: 'manual' });
  const env = { ...stripe.env(), SHIPPING_FLAT_FEE_CENTIMES: '3000' };
  const first = await startTestApi(env);
  const second = await startTestApi(env, first.databaseUrl);
  apis = [first, second];
  for (let i = 0; i < 2; i++) {
    const { lines, logger } = memoryLogger();
    workerLogs.push(lines);
    workers.push(
      await startTestApi(
        { ...env, RUN_JOBS: 'true', JOB_POLL_INTERVAL_SECONDS: '0.5' },
        first.databaseUrl,
        'worker',
        logger,
      ),
    );
  }
}, 30_000);

afterAll(async () => {
  for (const w of workers) await w.close();
  // The first API created the database and drops it: it closes last.
  for (const a of [...apis].reverse()) await a.close();
  await stripe.close();
  workers = [];
  apis = [];
}, 30_000);

it('two APIs and two workers on one database: the same final state, no duplicates', async () => {
  const [first] = apis;
  const orders = [];
  for (let i = 0; i < ORDERS; i++) orders.push(await cardOrder(apis[i % 2], { quantity: 1 }));
  for (const o of orders) await stripe.succeedPaymentIntent(o.intentId);

  const events = stripe.events('payment_intent.succeeded');
  expect(events).toHaveLength(ORDERS);
  // Every event several times, shuffled, alternating between the two APIs, all at once.
  const random = seeded(20261130);
  const queue: StripeTestEvent[] = events.flatMap((e) =>
    Array<StripeTestEvent>(DELIVERIES_PER_EVENT).fill(e),
  );
  for (let i = queue.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [queue[i], queue[j]] = [queue[j], queue[i]];
  }
  const deliveries = await Promise.all(
    queue.map((e, i) => stripe.deliver(e, { url: `${apis[i % 2].url}/webhooks/stripe` })),
  );
  expect(deliveries.map((d) => d.status)).toEqual(queue.map(() => 200));

  // The workers drain the queue by themselves; wait (bounded) until no event job is left to run.
  const jobsDone = async () => {
    const [row] = await first.sql<{ total: number; open: number }>(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE state NOT IN ('completed', 'failed', 'cancelled'))::int AS open
         FROM pgboss.job WHERE name = $1`,
      [STRIPE_EVENT_JOB],
    );
    return row.total >= ORDERS && row.open === 0;
  };
  for (let i = 0; i < 150 && !(await jobsDone()); i++) await new Promise((r) => setTimeout(r, 100));

  const jobs = await first.sql<{ id: string; state: string }>(
    `SELECT id, state FROM pgboss.job WHERE name = $1`,
    [STRIPE_EVENT_JOB],
  );
  expect(jobs).toHaveLength(ORDERS); // one job per event, whatever the deliveries
  expect(jobs.every((j) => j.state === 'completed')).toBe(true);

  // One stored event per event id, each processed.
  expect(
    await first.sql(
      `SELECT event_id, processed_at IS NOT NULL AS processed FROM stripe_events ORDER BY event_id`,
    ),
  ).toEqual(
    events
      .map((e) => e.id)
      .sort()
      .map((id) => ({ event_id: id, processed: true })),
  );

  for (const { result } of orders) {
    expect(await first.sql(`SELECT status FROM orders WHERE id = $1`, [result.order.id])).toEqual([
      { status: 'PLACED' },
    ]);
    const expected = result.order.subOrders.flatMap((s) =>
      [
        { type: 'COMMISSION', amount: -s.commission.amount, subOrderId: s.id },
        { type: 'SALE', amount: s.subtotal.amount, subOrderId: s.id },
        { type: 'SHIPPING', amount: s.shippingFee.amount, subOrderId: s.id },
      ].filter((e) => e.amount !== 0),
    );
    const ledger = await ledgerOf(first, result.order.id);
    expect(ledger).toHaveLength(expected.length);
    expect(ledger).toEqual(expect.arrayContaining(expected));
    // Every member of each cooperative told once about this order.
    const received = await first.sql<{ to: string; n: number }>(
      `SELECT to_address AS "to", count(*)::int AS n FROM email_outbox
        WHERE template = 'order-received' AND params->>'orderNumber' = $1 GROUP BY to_address`,
      [result.order.number],
    );
    expect(received.length).toBeGreaterThanOrEqual(result.order.subOrders.length);
    expect(received.every((r) => r.n === 1)).toBe(true);
  }
  // One SALE/SHIPPING/COMMISSION per sub-order across the whole ledger.
  expect(
    await first.sql(
      `SELECT sub_order_id, type FROM ledger_entries GROUP BY sub_order_id, type HAVING count(*) > 1`,
    ),
  ).toEqual([]);
  expect((await first.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ledger_entries`))[0].n).toBe(
    orders
      .flatMap((o) => o.result.order.subOrders)
      .flatMap((s) => [s.subtotal.amount, s.shippingFee.amount, s.commission.amount])
      .filter((a) => a !== 0).length,
  );

  // Stripe saw one PaymentIntent per order and no money moved back or out.
  expect(stripe.created('payment_intent')).toHaveLength(ORDERS);
  expect(stripe.created('refund')).toHaveLength(0);
  expect(stripe.created('transfer')).toHaveLength(0);
  expect(stripe.callCount('POST /v1/refunds')).toBe(0);

  // Both workers ran event jobs, and together exactly the stored ones (none run twice).
  const started = workerLogs.map((lines) =>
    lines.filter((l) => l.msg === 'job started' && l.job === STRIPE_EVENT_JOB).map((l) => String(l.id)),
  );
  expect(started[0].length).toBeGreaterThan(0);
  expect(started[1].length).toBeGreaterThan(0);
  expect([...started[0], ...started[1]].sort()).toEqual(jobs.map((j) => j.id).sort());
}, 30_000);
