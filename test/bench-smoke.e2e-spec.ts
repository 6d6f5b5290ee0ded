import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testServerUrl } from './support/test-database.js';

/**
 * `npm run bench -- --smoke` in CI, so the benchmark cannot rot: the harness (bench/run.mjs) runs
 * as a child process on the suite's PostgreSQL server against the production build in dist/ (Jest's
 * global setup builds it when stale: test/support/server-build.ts), with its results in a temporary folder. Speed is not asserted here:
 * only that every scenario ran, answered without errors, and the race sold exactly the stock.
 */
const root = path.resolve(import.meta.dirname, '..');

interface BenchRow {
  id: string;
  key: string;
  requests: number;
  errors: number;
  errorSamples?: string[];
  orders?: number;
  dbOrders?: number;
  dbStock?: number;
  units?: number;
  ratio?: number | null;
  sql?: Record<string, { min: number; max: number }>;
}

function runSmoke(out: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bench/run.mjs', '--smoke', '--out', out], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: testServerUrl() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

let out: string;
let code: number | null;
let output: string;
let rows: BenchRow[];

beforeAll(async () => {
  if (!existsSync(path.join(root, 'dist/apps/api/src/main.js')))
    throw new Error('bench smoke needs the production build: run `npm run build` first');
  out = mkdtempSync(path.join(os.tmpdir(), 'taawoun-bench-smoke-test-'));
  ({ code, output } = await runSmoke(out));
  const files = readdirSync(out).filter((f) => f.endsWith('.json'));
  rows =
    files.length === 1
      ? (JSON.parse(readFileSync(path.join(out, files[0]), 'utf8')) as { rows: BenchRow[] }).rows
      : [];
}, 240_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

it('exits 0 and writes one parseable result with its markdown table', () => {
  expect({ code, tail: code === 0 ? '' : output.slice(-3000) }).toEqual({ code: 0, tail: '' });
  expect(readdirSync(out).filter((f) => f.endsWith('.md'))).toHaveLength(1);
});

it('measures the floor and every scenario 1 to 9, each with requests answered', () => {
  expect([...new Set(rows.map((r) => r.id))].sort()).toEqual([
    '0',
    '1',
    '2',
    '3',
    '4',
    '5',
    '6',
    '7',
    '8',
    '9',
  ]);
  for (const row of rows)
    expect({ key: row.key, answered: row.requests > 0 }).toEqual({ key: row.key, answered: true });
  expect(rows.filter((r) => r.id === '5').map((r) => r.key)).toEqual(['deep-first', 'deep-after']);
});

it('counts no errors in any scenario', () => {
  const withErrors = rows
    .filter((r) => r.errors > 0)
    .map((r) => ({ key: r.key, errors: r.errors, samples: r.errorSamples }));
  expect(withErrors).toEqual([]);
});

it('sells exactly the raced units: as many orders as units, in the answers and in the database', () => {
  const race = rows.find((r) => r.key === 'contention');
  expect(race).toMatchObject({ orders: 10, dbOrders: 10, dbStock: 0, units: 10 });
});

it('reports SQL statements per request from the server, and ratios to the floor', () => {
  const catalog = rows.find((r) => r.key === 'catalog20');
  expect(catalog?.sql?.request?.min).toBeGreaterThan(0);
  expect(catalog?.ratio).toBeGreaterThan(0);
  const checkout = rows.find((r) => r.key === 'checkout');
  expect(checkout?.sql?.checkout?.min).toBeGreaterThan(0);
  expect(checkout?.orders).toBeGreaterThan(0);
});
