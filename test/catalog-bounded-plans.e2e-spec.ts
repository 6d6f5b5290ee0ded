import { Db } from '@taawoun/core';
import { cooperativeWithOwner } from './support/catalog-fixtures.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/**
 * Issue 13: a broad search and a broad filter read a bounded number of products, whatever the
 * number of matches. The statements the API really sends (recorded on its own `Db`, which still
 * runs them) are run again under EXPLAIN ANALYZE: every plan node reading `products` must have
 * read (returned or filtered out) no more rows than the window allows. No timing is asserted.
 */
const CANDIDATES = 50;
const RANKED = 10;
const LIMIT = 40;
// Thousands of matches, so that an index-driven plan is clearly the planner's choice: over a few
// hundred rows, reading the whole small table can be as cheap, and was sometimes chosen (PostgreSQL 18).
const MATCHES = 4000;

let t: TestApi;
let recorded: { sql: string; params: unknown[] }[] = [];

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

/** Rows read from `products` by every node of a plan: returned plus filtered out, times loops. */
function productRowsRead(node: PlanNode): number {
  const own =
    node['Relation Name'] === 'products'
      ? (node['Actual Rows'] +
          (node['Rows Removed by Filter'] ?? 0) +
          (node['Rows Removed by Index Recheck'] ?? 0)) *
        node['Actual Loops']
      : 0;
  return own + (node.Plans ?? []).reduce((sum, child) => sum + productRowsRead(child), 0);
}

/** The statements the API ran for one GraphQL request. */
async function statementsOf(query: string, variables: Record<string, unknown>) {
  recorded = [];
  const res = await t.gql(query, variables);
  expect(res.errors).toBeUndefined();
  return recorded;
}

async function rowsRead(statement: { sql: string; params: unknown[] }): Promise<number> {
  const [row] = await t.sql<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
    `EXPLAIN (ANALYZE, FORMAT JSON) ${statement.sql}`,
    statement.params,
  );
  return productRowsRead(row['QUERY PLAN'][0].Plan);
}

beforeAll(async () => {
  t = await startTestApi({
    CATALOG_SEARCH_CANDIDATES: String(CANDIDATES),
    CATALOG_SEARCH_RANKED: String(RANKED),
    CATALOG_EXACT_COUNT_LIMIT: String(LIMIT),
  });
  const { cooperativeId } = await cooperativeWithOwner(t);
  const products = await t.sql<{ id: string }>(
    `INSERT INTO products (cooperative_id, category_code, slug, status, default_language, name_fr, description_fr, published_at)
     SELECT $1, 'honey', 'plan-' || g, 'PUBLISHED', 'fr', 'Miel de montagne ' || g, 'Un miel récolté à la main.', now()
       FROM generate_series(1, $2::int) g
     RETURNING id`,
    [cooperativeId, MATCHES],
  );
  await t.sql(
    `INSERT INTO product_variants (product_id, cooperative_id, sku, options, price_amount, stock, position)
     SELECT p.id, $1, 'PLAN-' || md5(p.id::text), '[]', 60000, 5, 0 FROM unnest($2::uuid[]) AS p(id)`,
    [cooperativeId, products.map((p) => p.id)],
  );
  await t.sql('VACUUM ANALYZE products');
  await t.sql('VACUUM ANALYZE product_variants');
  const db = t.api.app.get(Db, { strict: false });
  const query = db.query.bind(db);
  db.query = (sql: string, params: unknown[] = []) => {
    recorded.push({ sql, params });
    return query(sql, params);
  };
});
afterAll(() => t.close());

const SEARCH = `query Search($filter: ProductFilter) {
  products(filter: $filter, first: 5) { totalCount edges { node { id } } }
}`;

it(`a RELEVANCE search over ${MATCHES} matches reads at most the candidate window and the ranked rows`, async () => {
  const statements = await statementsOf(SEARCH, { filter: { search: 'miel' } });
  const page = statements.find((s) => s.sql.includes('candidates AS MATERIALIZED'));
  expect(page).toBeDefined();
  const read = await rowsRead(page!);
  expect(read).toBeGreaterThan(0);
  expect(read).toBeLessThanOrEqual(CANDIDATES + RANKED);
});

it(`totals over ${MATCHES} matches read at most the exact-count limit + 1 products`, async () => {
  for (const filter of [
    { search: 'miel' },
    { categoryCode: 'honey-hive-products', minPrice: 50_000, inStock: true },
    {},
  ]) {
    const statements = await statementsOf(SEARCH, { filter });
    const totals = statements.find((s) => s.sql.includes('filtered AS MATERIALIZED'));
    expect(totals).toBeDefined();
    const read = await rowsRead(totals!);
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThanOrEqual(LIMIT + 1);
  }
});
