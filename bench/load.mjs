#!/usr/bin/env node
// The load generator: a child process of bench/run.mjs (never the server's process). It gets one
// job over IPC, drives it with autocannon (or, for the contention race, one burst of fetches),
// checks every answer and sends back the numbers.
import autocannon from 'autocannon';
import { ADD_TO_CART, ADDRESS, CHECKOUT } from './lib/documents.mjs';

const MAX_ERROR_SAMPLES = 5;

/** Counts answers that break the scenario's promise, with a few samples to print. */
function errorBook() {
  const book = { count: 0, samples: [] };
  book.add = (message) => {
    book.count += 1;
    if (book.samples.length < MAX_ERROR_SAMPLES) book.samples.push(message.slice(0, 300));
  };
  return book;
}

/** Statements per request, as the server counted them (x-sql-queries), by kind of request. */
function sqlBook() {
  const counts = {};
  return {
    add(kind, headers) {
      const n = Number(headers['x-sql-queries']);
      if (!Number.isFinite(n)) return;
      (counts[kind] ??= {})[n] = (counts[kind][n] ?? 0) + 1;
    },
    summary() {
      const out = {};
      for (const [kind, histogram] of Object.entries(counts)) {
        const values = Object.keys(histogram).map(Number);
        const total = Object.values(histogram).reduce((a, b) => a + b, 0);
        const sum = Object.entries(histogram).reduce((a, [v, c]) => a + Number(v) * c, 0);
        out[kind] = { min: Math.min(...values), max: Math.max(...values), mean: sum / total };
      }
      return out;
    },
  };
}

/** The GraphQL answer if it is HTTP 200 JSON without errors, else a message. */
function parse(status, text) {
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    return { problem: `HTTP ${status}, not JSON: ${text.slice(0, 200)}` };
  }
  if (json.errors?.length) {
    const e = json.errors[0];
    return { problem: `HTTP ${status}: ${e.extensions?.code ?? ''} ${e.message}`, json };
  }
  if (status !== 200) return { problem: `HTTP ${status}: ${text.slice(0, 200)}` };
  return { json };
}

function at(value, dotted) {
  return dotted.split('.').reduce((v, key) => (v == null ? v : v[key]), value);
}

function nonEmpty(value) {
  return Array.isArray(value) ? value.length > 0 : value != null;
}

function cannon(options) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { method: 'POST', headers: { 'content-type': 'application/json' }, timeout: 30, ...options },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on('error', reject);
  });
}

function numbers(result, errors, sql, extra = {}) {
  return {
    requests: result.requests.total,
    seconds: result.duration,
    reqPerSec: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: errors.count + result.errors + result.timeouts + result.non2xx,
    errorSamples: errors.samples,
    sql: sql.summary(),
    ...extra,
  };
}

/** Request bodies in turn, each answer checked: HTTP 200, no `errors`, `expect` non-empty. */
async function rotate(job, seconds) {
  const errors = errorBook();
  const sql = sqlBook();
  let next = 0;
  const result = await cannon({
    url: job.url,
    connections: job.connections,
    duration: seconds,
    requests: [
      {
        setupRequest: (request, context) => {
          context.body = job.bodies[next++ % job.bodies.length];
          return { ...request, body: context.body };
        },
        onResponse: (status, text, context, headers) => {
          sql.add('request', headers);
          const { problem, json } = parse(status, text);
          if (problem) errors.add(problem);
          else if (!nonEmpty(at(json.data, job.expect)))
            errors.add(`empty ${job.expect} for ${JSON.stringify(JSON.parse(context.body).variables ?? {})}`);
        },
      },
    ],
  });
  return numbers(result, errors, sql);
}

/**
 * Virtual buyers: each connection adds a variant of one cooperative to a new guest cart, one of
 * another cooperative, and checks out with cash on delivery; again and again.
 */
async function checkout(job, seconds) {
  const errors = errorBook();
  const sql = sqlBook();
  let next = 0;
  let orders = 0;
  const expectCart = (kind) => (status, text, ctx, headers) => {
    sql.add(kind, headers);
    const { problem, json } = parse(status, text);
    if (problem) errors.add(`${kind}: ${problem}`);
    else if (!json.data?.addToCart?.id) errors.add(`${kind}: no cart in ${text.slice(0, 200)}`);
    else ctx.cartId = json.data.addToCart.id;
  };
  const result = await cannon({
    url: job.url,
    connections: job.connections,
    duration: seconds,
    requests: [
      {
        setupRequest: (request, context) => {
          context.pair = job.pairs[next++ % job.pairs.length];
          context.cartId = null;
          return {
            ...request,
            body: JSON.stringify({ query: ADD_TO_CART, variables: { variantId: context.pair[0] } }),
          };
        },
        onResponse: expectCart('addToCart'),
      },
      {
        setupRequest: (request, context) =>
          context.cartId && {
            ...request,
            body: JSON.stringify({
              query: ADD_TO_CART,
              variables: { cartId: context.cartId, variantId: context.pair[1] },
            }),
          },
        onResponse: expectCart('addToCart'),
      },
      {
        setupRequest: (request, context) =>
          context.cartId && {
            ...request,
            body: JSON.stringify({
              query: CHECKOUT,
              variables: {
                input: {
                  cartId: context.cartId,
                  email: `buyer-${next}@bench.example`,
                  paymentMethod: 'CASH_ON_DELIVERY',
                  shippingAddress: ADDRESS,
                },
              },
            }),
          },
        onResponse: (status, text, _context, headers) => {
          sql.add('checkout', headers);
          const { problem, json } = parse(status, text);
          if (problem) errors.add(`checkout: ${problem}`);
          else if (!json.data?.checkout?.order?.number)
            errors.add(`checkout: no order in ${text.slice(0, 200)}`);
          else orders += 1;
        },
      },
    ],
  });
  return numbers(result, errors, sql, { orders, ordersPerSec: orders / result.duration });
}

async function post(url, query, variables) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, text: await response.text() };
}

/**
 * The race: `buyers` guest carts each hold one unit of the same variant (filled first, not
 * timed), then every buyer checks out at once. Exactly `units` must succeed; the others must be
 * refused with OUT_OF_STOCK.
 */
async function contention(job) {
  const errors = errorBook();
  const carts = [];
  for (let i = 0; i < job.buyers; i += 1) {
    const { status, text } = await post(job.url, ADD_TO_CART, { variantId: job.variantId });
    const { problem, json } = parse(status, text);
    if (problem) errors.add(`addToCart: ${problem}`);
    else carts.push(json.data.addToCart.id);
  }
  const started = performance.now();
  const answers = await Promise.all(
    carts.map((cartId, i) =>
      post(job.url, CHECKOUT, {
        input: {
          cartId,
          email: `racer-${i}@bench.example`,
          paymentMethod: 'CASH_ON_DELIVERY',
          shippingAddress: ADDRESS,
        },
      }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  let orders = 0;
  let refused = 0;
  for (const { status, text } of answers) {
    const { problem, json } = parse(status, text);
    if (!problem && json.data?.checkout?.order?.number) orders += 1;
    else if (json?.errors?.[0]?.extensions?.code === 'OUT_OF_STOCK') refused += 1;
    else errors.add(`checkout: ${problem ?? text.slice(0, 200)}`);
  }
  return {
    requests: answers.length,
    seconds,
    reqPerSec: answers.length / seconds,
    errors: errors.count,
    errorSamples: errors.samples,
    orders,
    refused,
  };
}

const RUNNERS = { rotate, checkout };

process.once('message', async (job) => {
  try {
    let result;
    if (job.kind === 'contention') result = await contention(job);
    else {
      const run = RUNNERS[job.kind];
      if (!run) throw new Error(`unknown job kind ${job.kind}`);
      if (job.warmup > 0) await run(job, job.warmup);
      result = await run(job, job.duration);
    }
    process.send({ ok: true, result }, () => process.exit(0));
  } catch (error) {
    process.send({ ok: false, error: error?.stack ?? String(error) }, () => process.exit(1));
  }
});
