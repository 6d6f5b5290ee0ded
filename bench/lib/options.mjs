// Command-line options of `npm run bench` (bench/run.mjs).
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

export const USAGE = `Usage: npm run bench -- [options]      (builds, then node bench/run.mjs [options])

  --smoke                 tiny data, a few seconds per scenario, every scenario (CI runs it)
  --products N            catalog size of the main run, all scenarios (default 50000; smoke 300)
  --cooperatives N        cooperatives the products are spread over (default 2000; smoke 20)
  --curve a,b,c           catalog sizes of the scale curve, scenarios 1, 3 and 4
                          (default 1000,10000,100000; smoke: none; "none" for no curve)
  --duration S            measured seconds per scenario (default 12; smoke 2)
  --long-duration S       measured seconds of scenario 1 at the main size, for RSS flatness (default 60; smoke 2)
  --warmup S              unmeasured seconds before each scenario (default 2; smoke 1)
  --concurrency N         connections of the read scenarios (default 8; smoke 2)
  --checkout-concurrency N  connections of the checkout scenario (default 20; smoke 4)
  --buyers N              buyers racing in the contention scenario (default 100)
  --units N               units they race for (default 10)
  --deep-pages N          scenario 5 measures the page after N pages of 20 (default 1000; smoke 10)
  --scenarios 1,3,...     only these scenarios at the main size (default all)
  --out DIR               where the result files go (default bench/results; smoke: a temporary folder)
  --help

DATABASE_URL: a PostgreSQL server whose user may CREATE DATABASE; a scratch database is created on
it and dropped at the end. Unset: an embedded PostgreSQL in a temporary folder, removed at the end.`;

export class UsageError extends Error {}

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      smoke: { type: 'boolean', default: false },
      products: { type: 'string' },
      cooperatives: { type: 'string' },
      curve: { type: 'string' },
      duration: { type: 'string' },
      'long-duration': { type: 'string' },
      warmup: { type: 'string' },
      concurrency: { type: 'string' },
      'checkout-concurrency': { type: 'string' },
      buyers: { type: 'string', default: '100' },
      units: { type: 'string', default: '10' },
      'deep-pages': { type: 'string' },
      scenarios: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) return null;
  const smoke = values.smoke;
  const number = (name, fallback, min, max, integer = true) => {
    const raw = values[name] ?? String(fallback);
    const n = Number(raw);
    if (!Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min || n > max)
      throw new UsageError(
        `--${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, got "${raw}"`,
      );
    return n;
  };
  const curveText = values.curve ?? (smoke ? 'none' : '1000,10000,100000');
  const curve =
    curveText === 'none'
      ? []
      : curveText.split(',').map((part) => {
          const n = Number(part.trim());
          if (!Number.isInteger(n) || n < 20 || n > 2_000_000)
            throw new UsageError(`--curve sizes must be integers from 20 to 2000000, got "${part}"`);
          return n;
        });
  const scenarios = values.scenarios
    ? values.scenarios.split(',').map((part) => {
        const n = Number(part.trim());
        if (!Number.isInteger(n) || n < 1 || n > 9)
          throw new UsageError(`--scenarios lists scenario numbers 1 to 9, got "${part}"`);
        return n;
      })
    : [1, 2, 3, 4, 5, 6, 7, 8, 9];
  const buyers = number('buyers', 100, 2, 1000);
  const units = number('units', 10, 1, buyers - 1);
  return {
    smoke,
    products: number('products', smoke ? 300 : 50_000, 20, 2_000_000),
    cooperatives: number('cooperatives', smoke ? 20 : 2000, 2, 100_000),
    curve: [...new Set(curve)].sort((a, b) => a - b),
    duration: number('duration', smoke ? 2 : 12, 1, 3600),
    longDuration: number('long-duration', smoke ? 2 : 60, 1, 3600),
    warmup: number('warmup', smoke ? 1 : 2, 0, 600, false),
    concurrency: number('concurrency', smoke ? 2 : 8, 1, 1000),
    checkoutConcurrency: number('checkout-concurrency', smoke ? 4 : 20, 1, 1000),
    buyers,
    units,
    deepPages: number('deep-pages', smoke ? 10 : 1000, 1, 100_000),
    scenarios,
    out: path.resolve(
      values.out ??
        (smoke
          ? path.join(os.tmpdir(), `taawoun-bench-smoke-${process.pid}`)
          : path.join(ROOT, 'bench', 'results')),
    ),
  };
}
