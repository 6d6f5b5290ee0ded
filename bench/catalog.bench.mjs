#!/usr/bin/env node
// Catalog load benchmark: seeds a scratch database with N generated products, runs the built API
// in-process on it and measures representative `products` queries over real HTTP (127.0.0.1).
// See bench/README.md. Needs `npm run build` first and DATABASE_URL (a server where the URL's
// user may CREATE DATABASE); the scratch database is always dropped at the end.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS_DIR = path.join(ROOT, 'bench', 'results');
const DIST = {
  api: path.join(ROOT, 'dist/apps/api/src/create-api.js'),
  core: path.join(ROOT, 'dist/libs/core/src/index.js'),
  generator: path.join(ROOT, 'dist/apps/cli/src/seed/products.generator.js'),
};

const USAGE = `Usage: DATABASE_URL=postgres://user@127.0.0.1:5432/postgres node bench/catalog.bench.mjs [options]

  --products N      generated products to seed (default 20000)
  --requests N      measured requests per scenario (default 200)
  --concurrency N   requests in flight at once (default 8)
  --warmup N        warm-up requests per scenario, not measured (default 10)
  --max-seconds N   longest measured phase per scenario; it stops at whichever comes first (default 30)
  --scenarios a,b   run only these scenarios (default: all)
  --no-json         do not write bench/results/catalog-<date>.json
  --help

Run \`npm run build\` first: the benchmark runs the compiled code in dist/.`;

/** Thrown for a problem the user must fix (printed without a stack trace). */
class UsageError extends Error {}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      products: { type: 'string', default: '20000' },
      requests: { type: 'string', default: '200' },
      concurrency: { type: 'string', default: '8' },
      warmup: { type: 'string', default: '10' },
      'max-seconds': { type: 'string', default: '30' },
      scenarios: { type: 'string' },
      'no-json': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const int = (name, min, max) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new UsageError(`--${name} must be an integer between ${min} and ${max}, got "${values[name]}"`);
    return n;
  };
  return {
    products: int('products', 1, 5_000_000),
    requests: int('requests', 1, 1_000_000),
    concurrency: int('concurrency', 1, 256),
    warmup: int('warmup', 0, 10_000),
    maxSeconds: int('max-seconds', 1, 3600),
    scenarios: values.scenarios ? values.scenarios.split(',').map((s) => s.trim()) : null,
    json: !values['no-json'],
  };
}

// ---------------------------------------------------------------------------------------------
// GraphQL documents

const CARD = `
  id
  name
  priceRange { min { amount currency } max { amount currency } }
  cooperative { name }
  category { name }`;

const LIST = `query List($filter: ProductFilter, $sort: ProductSort, $first: Int, $after: String) {
  products(filter: $filter, sort: $sort, first: $first, after: $after) {
    edges { cursor node { ${CARD} } }
    pageInfo { endCursor hasNextPage }
  }
}`;

const FILTERED = `query Filtered($filter: ProductFilter, $first: Int) {
  products(filter: $filter, first: $first) {
    totalCount
    facets {
      categories { value count }
      regions { value count }
      certifications { value count }
    }
    edges { cursor node { ${CARD} } }
    pageInfo { endCursor hasNextPage }
  }
}`;

const DETAILED = `query Detailed($first: Int) {
  products(first: $first, sort: NEWEST) {
    edges {
      cursor
      node {
        ${CARD}
        slug
        description
        variants { id sku name inStock price { amount currency } options { name value } }
        certifications { id type reference issuedOn expiresOn verified valid }
      }
    }
    pageInfo { endCursor hasNextPage }
  }
}`;

const DEEP_PAGES = 10;

/**
 * Each scenario is an operation repeated until the request budget or the time limit runs out.
 * `send(query, variables, depth?)` is one timed HTTP request; it returns null when the budget
 * is spent, so an operation made of several requests (deep paging) stops mid-way cleanly.
 */
const SCENARIOS = [
  {
    id: 'newest',
    title: 'first 20, NEWEST',
    async operation(send) {
      await send(LIST, { first: 20, sort: 'NEWEST' });
    },
  },
  {
    id: 'search',
    title: 'search "miel", RELEVANCE',
    async operation(send) {
      await send(LIST, { first: 20, sort: 'RELEVANCE', filter: { search: 'miel' } });
    },
  },
  {
    id: 'typo',
    title: 'typo search "djelaba"',
    async operation(send) {
      await send(LIST, { first: 20, filter: { search: 'djelaba' } });
    },
  },
  {
    id: 'arabic',
    title: 'Arabic search "عسل"',
    async operation(send) {
      await send(LIST, { first: 20, filter: { search: 'عسل' } });
    },
  },
  {
    id: 'filtered',
    title: 'category+minPrice+inStock, total+facets',
    async operation(send) {
      await send(FILTERED, {
        first: 20,
        filter: { categoryCode: 'honey-hive-products', minPrice: 50_000, inStock: true },
      });
    },
  },
  {
    id: 'page100',
    title: '100 with variants+certifications',
    async operation(send) {
      await send(DETAILED, { first: 100 });
    },
  },
  {
    id: 'deep',
    title: `PRICE_ASC, ${DEEP_PAGES} pages of 20 via after`,
    async operation(send) {
      let after = null;
      for (let depth = 1; depth <= DEEP_PAGES; depth += 1) {
        const data = await send(LIST, { first: 20, sort: 'PRICE_ASC', after }, depth);
        if (!data) return;
        const { pageInfo } = data.products;
        if (!pageInfo.hasNextPage) {
          if (depth < DEEP_PAGES)
            throw new Error(`deep paging: only ${depth} pages of 20; seed more products (--products)`);
          return;
        }
        after = pageInfo.endCursor;
      }
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Load runner

async function graphql(url, query, variables, timeoutMs) {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`HTTP ${response.status}, not JSON: ${text.slice(0, 300)}`);
  }
  if (body.errors?.length) {
    const e = body.errors[0];
    throw new Error(
      `GraphQL error (HTTP ${response.status}, ${body.errors.length} error(s)): ${e.message}` +
        (e.extensions?.code ? ` [${e.extensions.code}]` : '') +
        (e.path ? ` at ${e.path.join('.')}` : ''),
    );
  }
  if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${text.slice(0, 300)}`);
  if (!body.data?.products?.edges?.length)
    throw new Error(`no products in the response: ${text.slice(0, 300)}`);
  const sql = Number(response.headers.get('x-sql-queries'));
  return { ms, sql: Number.isFinite(sql) ? sql : null, data: body.data };
}

/**
 * Runs `scenario.operation` from `concurrency` workers until `requests` requests have been
 * sent or `maxMs` has passed, whichever comes first. The first failure stops every worker.
 */
async function drive(scenario, url, { requests, concurrency, maxMs }) {
  const samples = [];
  let issued = 0;
  let failure = null;
  const started = performance.now();
  const deadline = started + maxMs;
  let stoppedBy = 'count';
  const send = async (query, variables, depth = null) => {
    if (failure) return null;
    if (issued >= requests) return null;
    if (performance.now() >= deadline) {
      stoppedBy = 'time';
      return null;
    }
    issued += 1;
    const result = await graphql(url, query, variables, Math.max(maxMs, 10_000));
    samples.push({ ms: result.ms, sql: result.sql, depth });
    return result.data;
  };
  const worker = async () => {
    while (!failure && issued < requests && performance.now() < deadline) {
      try {
        await scenario.operation(send);
      } catch (error) {
        failure ??= error;
      }
    }
    if (!failure && issued < requests) stoppedBy = 'time';
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  if (failure) throw new Error(`scenario "${scenario.id}" (${scenario.title}) failed: ${failure.message}`);
  return { samples, seconds, stoppedBy };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

const round = (n, digits = 1) => (n == null ? null : Number(n.toFixed(digits)));

function summarise(scenario, concurrency, { samples, seconds, stoppedBy }) {
  const latencies = samples.map((s) => s.ms).sort((a, b) => a - b);
  const sqlCounts = [...new Set(samples.map((s) => s.sql))].sort((a, b) => a - b);
  const result = {
    id: scenario.id,
    scenario: scenario.title,
    requests: samples.length,
    concurrency,
    seconds: round(seconds, 2),
    stoppedBy,
    reqPerSec: round(samples.length / seconds),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies.at(-1)),
    // Statements of one request; a range if requests of the scenario differ (e.g. the last page).
    sqlQueries: sqlCounts.length === 1 ? sqlCounts[0] : sqlCounts,
  };
  if (samples.some((s) => s.depth != null)) {
    result.p50ByPage = {};
    for (let depth = 1; depth <= DEEP_PAGES; depth += 1) {
      const at = samples
        .filter((s) => s.depth === depth)
        .map((s) => s.ms)
        .sort((a, b) => a - b);
      if (at.length) result.p50ByPage[depth] = round(percentile(at, 50));
    }
  }
  return result;
}

function table(rows) {
  const columns = [
    ['scenario', (r) => r.scenario, 'left'],
    ['requests', (r) => `${r.requests}${r.stoppedBy === 'time' ? '*' : ''}`],
    ['conc.', (r) => r.concurrency],
    ['req/s', (r) => r.reqPerSec.toFixed(1)],
    ['p50 ms', (r) => r.p50.toFixed(1)],
    ['p95 ms', (r) => r.p95.toFixed(1)],
    ['p99 ms', (r) => r.p99.toFixed(1)],
    ['max ms', (r) => r.max.toFixed(1)],
    ['SQL/req', (r) => (Array.isArray(r.sqlQueries) ? r.sqlQueries.join('-') : String(r.sqlQueries))],
  ];
  const cells = rows.map((r) => columns.map(([, get]) => String(get(r))));
  const widths = columns.map(([title], i) => Math.max(title.length, ...cells.map((c) => c[i].length)));
  const line = (values) =>
    values
      .map((v, i) => (columns[i][2] === 'left' ? v.padEnd(widths[i]) : v.padStart(widths[i])))
      .join(' | ');
  return [
    line(columns.map(([title]) => title)),
    widths.map((w) => '-'.repeat(w)).join('-|-'),
    ...cells.map(line),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Scratch database

function scratchUrls(databaseUrl) {
  let url;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new UsageError(`DATABASE_URL is not a URL: ${databaseUrl}`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')
    throw new UsageError(`DATABASE_URL must be a postgres:// URL, got ${url.protocol}//...`);
  const maintenance = new URL(url);
  if (maintenance.pathname === '' || maintenance.pathname === '/') maintenance.pathname = '/postgres';
  const name = `taawoun_bench_${randomBytes(5).toString('hex')}`;
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  return { name, maintenanceUrl: maintenance.toString(), scratchUrl: scratch.toString() };
}

async function onMaintenanceDb(url, statement) {
  const client = new pg.Client({ connectionString: url, application_name: 'taawoun-bench' });
  await client.connect();
  try {
    return await client.query(statement);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------

const log = (message) => process.stderr.write(`${message}\n`);

async function main() {
  const options = parseOptions();
  if (!process.env.DATABASE_URL)
    throw new UsageError(
      'DATABASE_URL is required: the benchmark creates (and drops) a scratch database ' +
        'taawoun_bench_<random> on that PostgreSQL server; its user needs CREATEDB.\n' +
        'Example: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/catalog.bench.mjs',
    );
  const missing = Object.values(DIST).filter((file) => !existsSync(file));
  if (missing.length)
    throw new UsageError(`Not built (missing ${missing.join(', ')}): run \`npm run build\` first.`);
  const scenarios = options.scenarios
    ? options.scenarios.map((id) => {
        const s = SCENARIOS.find((x) => x.id === id);
        if (!s)
          throw new UsageError(`unknown scenario "${id}"; known: ${SCENARIOS.map((x) => x.id).join(', ')}`);
        return s;
      })
    : SCENARIOS;

  const { createApi } = await import(pathToFileURL(DIST.api).href);
  const { loadConfig } = await import(pathToFileURL(DIST.core).href);
  const { generateProducts } = await import(pathToFileURL(DIST.generator).href);
  const { DataSource } = await import('typeorm');

  const db = scratchUrls(process.env.DATABASE_URL);
  let api = null;
  let created = false;
  let cleaning = null;
  const cleanup = () =>
    (cleaning ??= (async () => {
      if (api) {
        try {
          await api.close();
        } catch (error) {
          log(`closing the API failed: ${error.message}`);
        }
      }
      if (created) {
        try {
          await onMaintenanceDb(db.maintenanceUrl, `DROP DATABASE IF EXISTS "${db.name}" WITH (FORCE)`);
          log(`dropped scratch database ${db.name}`);
        } catch (error) {
          log(`DROPPING THE SCRATCH DATABASE ${db.name} FAILED, drop it by hand: ${error.message}`);
        }
      }
    })());
  const interrupted = (signal) => {
    log(`\n${signal}: cleaning up...`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  try {
    log(`creating scratch database ${db.name}`);
    await onMaintenanceDb(db.maintenanceUrl, `CREATE DATABASE "${db.name}"`);
    created = true;

    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      PORT: '0',
      RUN_JOBS: 'false',
      JWT_SECRET: randomBytes(36).toString('base64'), // 48 characters
      DATABASE_URL: db.scratchUrl,
      ...(process.env.DATABASE_POOL_SIZE ? { DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE } : {}),
    });
    log('starting the API (migrations run at start)');
    const startedApi = performance.now();
    api = await createApi(config, { host: '127.0.0.1' });
    const startSeconds = (performance.now() - startedApi) / 1000;
    const dataSource = api.app.get(DataSource);

    log(`seeding ${options.products} products`);
    const report = [];
    const seedStarted = performance.now();
    await generateProducts({ dataSource, config, logger: api.logger, report }, options.products);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    // Bulk-loaded tables have no statistics or visibility map until autovacuum gets to them;
    // do it now so every run plans the same way.
    const analyzeStarted = performance.now();
    await dataSource.query('VACUUM ANALYZE');
    const analyzeSeconds = (performance.now() - analyzeStarted) / 1000;
    const [{ version: postgres }] = await dataSource.query('SELECT version()');
    const [{ products, variants }] = await dataSource.query(
      `SELECT (SELECT count(*)::int FROM products) AS products, (SELECT count(*)::int FROM product_variants) AS variants`,
    );

    const machine = {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGiB: round(os.totalmem() / 2 ** 30),
      platform: `${os.platform()} ${os.release()}`,
      node: process.version,
      postgres,
    };
    const header = [
      `machine:   ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, ${machine.platform}`,
      `node:      ${machine.node}`,
      `postgres:  ${postgres}`,
      `catalog:   ${products} products, ${variants} variants (requested ${options.products})`,
      `seeding:   ${seedSeconds.toFixed(1)} s (${Math.round(options.products / seedSeconds)} products/s), ` +
        `then VACUUM ANALYZE ${analyzeSeconds.toFixed(1)} s; API start with migrations ${startSeconds.toFixed(1)} s`,
      `load:      ${options.requests} requests per scenario (at most ${options.maxSeconds} s), ` +
        `concurrency ${options.concurrency}, ${options.warmup} warm-up requests`,
    ].join('\n');

    const url = `${api.url}/graphql`;
    const results = [];
    for (const scenario of scenarios) {
      log(`running ${scenario.id}: ${scenario.title}`);
      if (options.warmup > 0)
        await drive(scenario, url, {
          requests: options.warmup,
          concurrency: 1,
          maxMs: options.maxSeconds * 1000,
        });
      const run = await drive(scenario, url, {
        requests: options.requests,
        concurrency: options.concurrency,
        maxMs: options.maxSeconds * 1000,
      });
      results.push(summarise(scenario, options.concurrency, run));
    }

    const out = [`\n${header}\n`, table(results)];
    if (results.some((r) => r.stoppedBy === 'time'))
      out.push(`* stopped by the ${options.maxSeconds} s limit before the request count`);
    for (const r of results)
      if (r.p50ByPage)
        out.push(
          `${r.id}: p50 by page depth (ms): ${Object.entries(r.p50ByPage)
            .map(([d, ms]) => `${d}:${ms}`)
            .join(' ')}`,
        );
    process.stdout.write(`${out.join('\n')}\n`);

    if (options.json) {
      const date = new Date();
      const stamp = date
        .toISOString()
        .replace(/:/g, '-')
        .replace(/\.\d+Z$/, 'Z');
      await mkdir(RESULTS_DIR, { recursive: true });
      const file = path.join(RESULTS_DIR, `catalog-${stamp}.json`);
      const json = {
        date: date.toISOString(),
        machine,
        options: {
          products: options.products,
          requests: options.requests,
          concurrency: options.concurrency,
          warmup: options.warmup,
          maxSeconds: options.maxSeconds,
        },
        catalog: { products, variants },
        seeding: {
          seconds: round(seedSeconds, 2),
          productsPerSecond: Math.round(options.products / seedSeconds),
          vacuumAnalyzeSeconds: round(analyzeSeconds, 2),
          apiStartSeconds: round(startSeconds, 2),
          report,
        },
        latencyUnit: 'ms',
        scenarios: results,
      };
      await writeFile(file, `${JSON.stringify(json, null, 2)}\n`);
      log(`\nwrote ${path.relative(ROOT, file)}`);
    }
  } finally {
    await cleanup();
  }
}

try {
  await main();
  process.exit(0);
} catch (error) {
  if (error instanceof UsageError) log(error.message);
  else if (error?.code?.startsWith?.('ERR_PARSE_ARGS')) log(`${error.message}\n\n${USAGE}`);
  else log(`benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
}
