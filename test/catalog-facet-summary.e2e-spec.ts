import fc from 'fast-check';
import { Jobs } from '@taawoun/core';
import { FACET_SUMMARY_REFRESH_JOB } from '@taawoun/catalog';
import { insertCooperative } from './support/actors.js';
import { insertCertification, moroccoDate } from './support/catalog-fixtures.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/**
 * Issue 13: exact totals and facets of the common catalogue pages from the facet summary. `a`
 * reads the summary (its exact-count limit lowered to 5, so without the summary its broad
 * answers would be flagged inexact); `b`, on the same database, never does and counts every
 * match (limit 100,000): the exact computation the summary must equal, after each refresh.
 */
let a: TestApi;
let b: TestApi;

const TOTALS = `query Totals($filter: ProductFilter) {
  products(filter: $filter, first: 1) {
    totalCount
    totalCountIsExact
    totalsAsOf
    facets { countsAreExact categories { value count } regions { value count } certifications { value count } }
  }
}`;

interface Totals {
  totalCount: number;
  totalCountIsExact: boolean;
  totalsAsOf: string | null;
  facets: { countsAreExact: boolean } & Record<'categories' | 'regions' | 'certifications', unknown[]>;
}

async function totals(t: TestApi, filter: Record<string, unknown>): Promise<Totals> {
  const res = await t.gql<{ products: Totals }>(TOTALS, { filter });
  expect(res.errors).toBeUndefined();
  return res.data!.products;
}

/** The summary's answer must be the exact one, flagged exact, with its time. */
async function expectSummaryEqualsExact(filter: Record<string, unknown>): Promise<void> {
  const [summary, exact] = await Promise.all([totals(a, filter), totals(b, filter)]);
  expect(exact.totalCountIsExact).toBe(true);
  expect(exact.totalsAsOf).toBeNull();
  expect(summary.totalsAsOf).not.toBeNull();
  expect(summary).toEqual({ ...exact, totalsAsOf: summary.totalsAsOf });
}

const refresh = (t: TestApi) => t.api.app.get(Jobs).runNow(FACET_SUMMARY_REFRESH_JOB, {});

const CATEGORIES = ['honey', 'beeswax', 'propolis', 'djellabas'];
const filterArb = fc.record(
  {
    categoryCode: fc.constantFrom(
      'honey-hive-products',
      'honey',
      'beeswax',
      'djellabas',
      'textile-clothing',
      'argan-oil',
    ),
    regionCode: fc.constantFrom('MA-01', 'MA-02', 'MA-03'),
    womenLed: fc.boolean(),
    certified: fc.boolean(),
    inStock: fc.boolean(),
  },
  { requiredKeys: [] },
);

const coops: string[] = [];
const products: string[] = [];
let organic: string;
let expiring: string;

beforeAll(async () => {
  a = await startTestApi({ CATALOG_EXACT_COUNT_LIMIT: '5' });
  b = await startTestApi(
    { CATALOG_FACET_SUMMARY: 'false', CATALOG_EXACT_COUNT_LIMIT: '100000' },
    a.databaseUrl,
  );
  // Four approved cooperatives over two regions, two of them women-led.
  const provinces = await a.sql<{ code: string; region_code: string }>(
    `SELECT DISTINCT ON (region_code) code, region_code FROM provinces WHERE region_code IN ('MA-01', 'MA-02') ORDER BY region_code, code`,
  );
  expect(provinces).toHaveLength(2);
  for (let i = 0; i < 4; i += 1)
    coops.push(await insertCooperative(a, { provinceCode: provinces[i % 2].code, womenLed: i < 2 }));
  const yesterday = await moroccoDate(a, -1);
  const lastYear = await moroccoDate(a, -365);
  organic = await insertCertification(a, coops[0], { type: 'ORGANIC' });
  expiring = await insertCertification(a, coops[1], {
    type: 'NATIONAL_STANDARD',
    expiresOn: await moroccoDate(a, 30),
  });
  const expired = await insertCertification(a, coops[2], {
    type: 'ORGANIC',
    issuedOn: lastYear,
    expiresOn: yesterday,
  });
  const unverified = await insertCertification(a, coops[3], {
    type: 'GEOGRAPHICAL_INDICATION',
    verified: false,
  });
  const certs = [organic, expiring, expired, unverified];
  // 48 products: every cooperative × category × (published or draft) × (in stock or not), some certified.
  let n = 0;
  for (const [ci, coop] of coops.entries())
    for (const category of CATEGORIES)
      for (const status of ['PUBLISHED', 'PUBLISHED', 'DRAFT'])
        for (const stock of [0, 4]) {
          n += 1;
          if (status === 'DRAFT' && stock === 0) continue;
          const [row] = await a.sql<{ id: string }>(
            `INSERT INTO products (cooperative_id, category_code, slug, status, default_language, name_fr, published_at)
             VALUES ($1, $2, 'summary-' || $3, $4, 'fr', 'Produit ' || $3, now()) RETURNING id`,
            [coop, category, n, status],
          );
          await a.sql(
            `INSERT INTO product_variants (product_id, cooperative_id, sku, price_amount, stock, position)
             VALUES ($1, $2, 'SUM-' || $3, 5000, $4, 0)`,
            [row.id, coop, n, stock],
          );
          if (n % 3 !== 0)
            await a.sql(`INSERT INTO product_certifications (product_id, certification_id) VALUES ($1, $2)`, [
              row.id,
              certs[ci],
            ]);
          products.push(row.id);
        }
}, 60_000);
afterAll(async () => {
  await b?.close();
  await a?.close();
});

it('is not used before its first refresh: the bounded path answers (here inexact)', async () => {
  const broad = await totals(a, {});
  expect(broad.totalsAsOf).toBeNull();
  expect(broad.totalCountIsExact).toBe(false);
  expect(broad.totalCount).toBe(5);
});

it('answers exactly what counting every match answers, for any combination of the common filters', async () => {
  await refresh(a);
  const all = await totals(a, {});
  expect(all.totalCountIsExact).toBe(true);
  expect(all.facets.countsAreExact).toBe(true);
  expect(all.totalCount).toBeGreaterThan(5);
  await fc.assert(fc.asyncProperty(filterArb, expectSummaryEqualsExact), { numRuns: 80 });
}, 120_000);

it('shows unpublishing, a suspended cooperative, stock to zero and an expired certificate after the next refresh', async () => {
  const before = await totals(a, {});
  await a.sql(`UPDATE products SET status = 'DRAFT' WHERE id = $1`, [products[0]]);
  await a.sql(`UPDATE cooperatives SET status = 'SUSPENDED' WHERE id = $1`, [coops[3]]);
  await a.sql(`UPDATE product_variants SET stock = 0 WHERE product_id = ANY($1::uuid[])`, [
    products.slice(20, 26),
  ]);
  // The certificate expired yesterday (issued before, so the row stays valid).
  await a.sql(`UPDATE certifications SET issued_on = $2, expires_on = $3 WHERE id = $1`, [
    expiring,
    await moroccoDate(a, -365),
    await moroccoDate(a, -1),
  ]);
  // Until the refresh, the summary answers as of its time: the same counts.
  expect(await totals(a, {})).toEqual(before);
  const exactNow = await totals(b, {});
  expect(exactNow.totalCount).toBeLessThan(before.totalCount);
  await refresh(a);
  const after = await totals(a, {});
  expect(Date.parse(after.totalsAsOf!)).toBeGreaterThan(Date.parse(before.totalsAsOf!));
  for (const filter of [
    {},
    { certified: true },
    { certified: false },
    { inStock: true },
    { inStock: false },
    { womenLed: true },
    { womenLed: false, regionCode: 'MA-02' },
    { categoryCode: 'honey-hive-products', certified: true, inStock: true },
  ])
    await expectSummaryEqualsExact(filter);
  const certified = await totals(a, { certified: true });
  expect(certified.facets.certifications).toEqual([{ value: 'ORGANIC', count: expect.any(Number) }]);
}, 60_000);

it('is right after concurrent refreshes by two processes (no deadlock, no duplicate, no stale cell)', async () => {
  await a.sql(`UPDATE products SET status = 'PUBLISHED' WHERE id = $1`, [products[0]]);
  await a.sql(`UPDATE cooperatives SET status = 'APPROVED' WHERE id = $1`, [coops[3]]);
  await a.sql(`UPDATE product_variants SET stock = 9 WHERE product_id = ANY($1::uuid[])`, [
    products.slice(0, 10),
  ]);
  // Four refreshes at once from two processes (each with its own pool), none after them.
  await Promise.all([refresh(a), refresh(b), refresh(a), refresh(b)]);
  await fc.assert(fc.asyncProperty(filterArb, expectSummaryEqualsExact), { numRuns: 30 });
  const [cells] = await a.sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM catalog_facet_cells WHERE products <= 0`,
  );
  expect(cells.n).toBe(0);
}, 120_000);
