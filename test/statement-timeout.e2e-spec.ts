import pg from 'pg';
import { FACET_SUMMARY_REFRESH_JOB } from '@taawoun/catalog';
import { Db, Jobs, loadConfig } from '@taawoun/core';
import { startTestApi, type TestApi } from './support/test-api.js';

// Issue 8, item 3: every statement of the API has a time limit (DATABASE_STATEMENT_TIMEOUT_MS),
// and a statement cancelled by it answers QUERY_TIMEOUT, not INTERNAL_SERVER_ERROR.

let t: TestApi;

beforeAll(async () => {
  t = await startTestApi({ DATABASE_STATEMENT_TIMEOUT_MS: '100' });
});
afterAll(() => t.close());

it('sets statement_timeout on the pooled connections of the API', async () => {
  const [row] = await t.api.app.get(Db).query<{ statement_timeout: string }>(`SHOW statement_timeout`);
  expect(row.statement_timeout).toBe('100ms');
});

it('answers QUERY_TIMEOUT when a statement runs past the limit (here: it waits for a lock)', async () => {
  // Another connection holds the products table: the API's statement waits, deterministically,
  // until the timeout cancels it (SQLSTATE 57014). The lock is released after the answer, or
  // after 5 s so the old code (no timeout) answers and fails the assertions instead of hanging.
  const holder = new pg.Client({ connectionString: t.databaseUrl });
  await holder.connect();
  await holder.query(`BEGIN`);
  await holder.query(`LOCK TABLE products IN ACCESS EXCLUSIVE MODE`);
  const release = setTimeout(() => void holder.query(`ROLLBACK`), 5000);
  try {
    const res = await t.gql(`{ products(first: 1) { edges { node { id } } } }`);
    expect(res.data).toBeNull();
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['QUERY_TIMEOUT']);
    expect(res.errors?.[0].message).toMatch(/took too long/);
  } finally {
    clearTimeout(release);
    await holder.query(`ROLLBACK`);
    await holder.end();
  }
  // The pool is healthy afterwards.
  const after = await t.gql(`{ products(first: 1) { edges { node { id } } } }`);
  expect(after.errors).toBeUndefined();
});

it('answers QUERY_TIMEOUT when the totals/facets statement of a list runs past the limit', async () => {
  // Only the totals statement reads product_certifications (the certification facet); the page
  // itself does not. totalCount and facets are field resolvers of ProductConnection, which Nest's
  // exception filters do not wrap: their cancelled statement must still answer QUERY_TIMEOUT.
  const holder = new pg.Client({ connectionString: t.databaseUrl });
  await holder.connect();
  await holder.query(`BEGIN`);
  await holder.query(`LOCK TABLE product_certifications IN ACCESS EXCLUSIVE MODE`);
  const release = setTimeout(() => void holder.query(`ROLLBACK`), 5000);
  try {
    const total = await t.gql(`{ products(first: 1) { edges { node { id } } totalCount } }`);
    expect(total.errors?.map((e) => [e.extensions?.code, e.path?.join('.')])).toEqual([
      ['QUERY_TIMEOUT', 'products.totalCount'],
    ]);
    expect(total.errors?.[0].message).toMatch(/took too long/);
    const facets = await t.gql(`{ products(first: 1) { edges { node { id } } facets { countsAreExact } } }`);
    expect(facets.errors?.map((e) => [e.extensions?.code, e.path?.join('.')])).toEqual([
      ['QUERY_TIMEOUT', 'products.facets'],
    ]);
    // facets is nullable: the page itself is still answered.
    expect(facets.data).toEqual({ products: { edges: [], facets: null } });
  } finally {
    clearTimeout(release);
    await holder.query(`ROLLBACK`);
    await holder.end();
  }
});

it('lets the facet summary refresh (a job reading the whole catalogue) run past the request limit', async () => {
  // The refresh waits 400 ms for a lock, 4× the 100 ms every request statement gets: it must
  // still complete (its transaction has its own, longer limit).
  const holder = new pg.Client({ connectionString: t.databaseUrl });
  await holder.connect();
  await holder.query(`BEGIN`);
  await holder.query(`LOCK TABLE product_certifications IN ACCESS EXCLUSIVE MODE`);
  const release = setTimeout(() => void holder.query(`ROLLBACK`), 400);
  try {
    await t.api.app.get(Jobs).runNow(FACET_SUMMARY_REFRESH_JOB, {});
  } finally {
    clearTimeout(release);
    await holder.query(`ROLLBACK`);
    await holder.end();
  }
  expect(await t.sql(`SELECT 1 FROM catalog_facet_refresh`)).toHaveLength(1);
});

it('refuses a negative setting', () => {
  expect(() => loadConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '-1' })).toThrow(/DATABASE_STATEMENT_TIMEOUT_MS/);
});
