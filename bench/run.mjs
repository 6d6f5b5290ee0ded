#!/usr/bin/env node
// `npm run bench`: seeds a catalog, starts the API's production build and the floor (bench/floor.mjs)
// each in its own process, drives scenarios 1–9 of issue 13 from a separate load-generator process
// (bench/load.mjs, autocannon), grows the catalog for the scale curve, and writes
// <out>/<date>.json and <date>.md. See bench/README.md.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  catalogSize,
  checkoutPairs,
  raceOutcome,
  raceVariant,
  sampleSlugs,
  scratchDatabase,
  serverVersion,
  vacuumAnalyze,
} from './lib/database.mjs';
import { CATALOG_PAGE } from './lib/documents.mjs';
import { parseOptions, USAGE, UsageError } from './lib/options.mjs';
import { ROOT, runLoad, sampler, seed, startApi, startFloor } from './lib/processes.mjs';
import { curveVerdicts, judge, markdown } from './lib/report.mjs';
import { readScenario, SCENARIO_TITLES } from './lib/scenarios.mjs';

const log = (message) =>
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function gql(url, query, variables) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const json = await response.json();
  if (response.status !== 200 || json.errors)
    throw new Error(`HTTP ${response.status}: ${JSON.stringify(json.errors ?? json)}`);
  return json.data;
}

/** The cursor after `pages` pages of 20 (NEWEST), walked 100 products at a time. */
async function deepCursor(url, pages) {
  let after = null;
  for (let remaining = pages * 20; remaining > 0;) {
    const first = Math.min(100, remaining);
    const data = await gql(url, CATALOG_PAGE, { first, after });
    if (!data.products.pageInfo.hasNextPage)
      throw new Error(`deep paging: the catalog ends before page ${pages + 1}`);
    after = data.products.pageInfo.endCursor;
    remaining -= first;
  }
  return after;
}

async function main() {
  const o = parseOptions(process.argv.slice(2));
  if (!o) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  for (const file of ['dist/apps/api/src/main.js', 'dist/apps/cli/src/seed.js'])
    if (!existsSync(path.join(ROOT, file)))
      throw new UsageError(`Not built (missing ${file}): run \`npm run build\` first.`);
  mkdirSync(o.out, { recursive: true });
  const logDir = mkdtempSync(path.join(os.tmpdir(), 'taawoun-bench-logs-'));
  log(`logs of the server, floor and seeder in ${logDir}`);
  const date = new Date();
  const db = await scratchDatabase(log);
  const running = new Set();
  const stopAll = () => Promise.all([...running].map((p) => p.stop()));
  const interrupted = (signal) => {
    log(`${signal}: cleaning up`);
    void stopAll()
      .then(() => db.drop())
      .finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  const rows = [];
  const catalogs = [];
  let failed = false;
  try {
    log(`scratch database ${db.name}`);
    const sizes = [...new Set([...o.curve, o.products])].sort((a, b) => a - b);
    let have = 0;
    for (const size of sizes) {
      const isMain = size === o.products;
      const isCurve = o.curve.includes(size);
      log(`catalog: growing to ${size} products`);
      const seeded = performance.now();
      await seed({
        databaseUrl: db.url,
        products: size - have,
        cooperatives: o.cooperatives,
        logFile: path.join(logDir, 'seed.log'),
      });
      const seedSeconds = (performance.now() - seeded) / 1000;
      const vacuumed = performance.now();
      await vacuumAnalyze(db.url);
      const vacuumSeconds = (performance.now() - vacuumed) / 1000;
      have = size;
      catalogs.push({ ...(await catalogSize(db.url)), seedSeconds, vacuumSeconds });

      const api = await startApi({
        databaseUrl: db.url,
        port: await freePort(),
        logFile: path.join(logDir, `api-${size}.log`),
      });
      running.add(api);
      const floor = await startFloor({
        databaseUrl: db.url,
        logFile: path.join(logDir, `floor-${size}.log`),
      });
      running.add(floor);
      const apiSampler = sampler(api.child.pid);
      const floorSampler = sampler(floor.child.pid);

      const measure = async (row, job, probe) => {
        log(`${size}: ${row.id} ${row.title}`);
        probe.start();
        const result = await runLoad(job);
        const usage = probe.stop();
        const done = { ...row, size, ...result, ...usage };
        rows.push(done);
        return done;
      };
      const floorRow = await measure(
        { id: '0', key: 'floor', title: 'floor: node:http + 1 SQL (scenario 1 data)' },
        {
          kind: 'rotate',
          url: floor.url,
          bodies: ['{}'],
          expect: 'products.edges',
          connections: o.concurrency,
          duration: o.duration,
          warmup: o.warmup,
        },
        floorSampler,
      );
      const ratio = (r) => (r.ratio = floorRow.reqPerSec > 0 ? r.reqPerSec / floorRow.reqPerSec : null);

      const wanted = isMain ? o.scenarios : [];
      const list = [...new Set([...wanted, ...(isCurve ? [1, 3, 4] : [])])].sort((a, b) => a - b);
      // Inputs of scenarios 5 and 6, read just before they run (walking to the deep cursor would
      // otherwise sit in the RSS of the scenarios before it).
      const data = {};
      const prepare = async (n) => {
        if (n === 5) {
          const pages = Math.min(o.deepPages, Math.floor((have - 1) / 20) - 1);
          data.deepPage = pages + 1;
          data.deepCursor = await deepCursor(api.url, pages);
        }
        if (n === 6) data.slugs = await sampleSlugs(db.url, o.smoke ? 20 : 500);
      };
      for (const n of list.filter((x) => x <= 7)) {
        await prepare(n);
        for (const spec of readScenario(n, data, o)) {
          const long = isMain && spec.key === 'catalog20';
          const row = await measure(
            {
              id: String(n),
              key: spec.key,
              title: spec.title,
              curve: isCurve && [1, 3, 4].includes(n),
              long,
            },
            { ...spec, url: api.url, duration: long ? o.longDuration : o.duration, warmup: o.warmup },
            apiSampler,
          );
          ratio(row);
        }
      }
      if (list.includes(8)) {
        const pairs = await checkoutPairs(db.url, o.smoke ? 20 : 500);
        const row = await measure(
          { id: '8', key: 'checkout', title: SCENARIO_TITLES[8] },
          // A checkout is three requests in a row: at least 3 s, so even a smoke run completes some.
          {
            kind: 'checkout',
            url: api.url,
            pairs,
            connections: o.checkoutConcurrency,
            duration: Math.max(3, o.duration),
            warmup: o.warmup,
          },
          apiSampler,
        );
        ratio(row);
      }
      if (list.includes(9)) {
        const variantId = await raceVariant(db.url, o.units);
        const row = await measure(
          {
            id: '9',
            key: 'contention',
            title: `${o.buyers} buyers race for ${o.units} units`,
            units: o.units,
          },
          { kind: 'contention', url: api.url, variantId, buyers: o.buyers },
          apiSampler,
        );
        const outcome = await raceOutcome(db.url, variantId);
        row.dbOrders = outcome.orders;
        row.dbStock = outcome.stock;
        if (row.orders !== o.units || outcome.orders !== o.units || outcome.stock !== 0) {
          failed = true;
          log(
            `CONTENTION FAILED: ${row.orders} orders answered, ${outcome.orders} in the database, stock ${outcome.stock}`,
          );
        }
      }
      await api.stop();
      running.delete(api);
      await floor.stop();
      running.delete(floor);
    }

    const misses = judge(rows);
    if (rows.some((r) => r.errors > 0)) failed = true;
    const cpus = os.cpus();
    const doc = {
      date: date.toISOString(),
      smoke: o.smoke,
      machine: {
        cpus: cpus.length,
        cpuModel: cpus[0]?.model ?? 'unknown',
        memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
        platform: `${os.platform()} ${os.release()}`,
        node: process.version,
        postgres: await serverVersion(db.url),
      },
      database: { embedded: db.embedded },
      options: { ...o, out: undefined },
      catalogs,
      rows,
      curve: curveVerdicts(rows, o.curve),
      misses: [],
    };
    doc.misses = [
      ...misses,
      ...doc.curve
        .filter((c) => !c.met)
        .map((c) => `scale curve ${c.key}: ×${c.factor?.toFixed(2)} from ${c.small} to ${c.large}`),
    ];
    const stamp = date
      .toISOString()
      .replace(/:/g, '-')
      .replace(/\.\d+Z$/, 'Z');
    const jsonFile = path.join(o.out, `${stamp}.json`);
    writeFileSync(jsonFile, `${JSON.stringify(doc, null, 2)}\n`);
    const table = markdown(doc);
    writeFileSync(path.join(o.out, `${stamp}.md`), table);
    process.stdout.write(`\n${table}\nwrote ${path.relative(ROOT, jsonFile)} and .md\n`);
  } finally {
    await stopAll();
    await db.drop().catch((error) => log(`DROPPING ${db.name} FAILED, drop it by hand: ${error.message}`));
  }
  return failed ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (error instanceof UsageError || error?.code?.startsWith?.('ERR_PARSE_ARGS'))
    log(`${error.message}\n\n${USAGE}`);
  else log(`bench failed: ${error?.stack ?? error}`);
  process.exitCode = 1;
}
