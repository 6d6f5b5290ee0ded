import type { TestUser } from './support/actors.js';
import { cooperativeWithOwner, insertCertification } from './support/catalog-fixtures.js';
import { startTestApi, type TestApi } from './support/test-api.js';

let t: TestApi;
let coop: string;
let owner: TestUser;

/** Inserts `n` published products straight in SQL (fast fixtures); prices repeat to test tie-breaks. */
async function insertProducts(n: number, label: string): Promise<string[]> {
  const rows = await t.sql<{ id: string }>(
    `INSERT INTO products (cooperative_id, category_code, slug, status, default_language, name_fr, name_en, published_at)
     SELECT $1, CASE WHEN g % 3 = 0 THEN 'honey' ELSE 'beeswax' END, $2 || '-' || g || '-' || md5(random()::text),
            'PUBLISHED', 'fr', 'Miel ' || $2 || ' ' || g, 'Honey ' || $2 || ' ' || g, now()
       FROM generate_series(1, $3::int) g
     RETURNING id`,
    [coop, label, n],
  );
  await t.sql(
    `INSERT INTO product_variants (product_id, cooperative_id, sku, options, price_amount, stock, position)
     SELECT p.id, $1, 'SKU-' || md5(p.id::text || k), '[{"name":"poids","value":"500g"}]', 1000 + (abs(hashtext(p.id::text)) % 7) * 500 + k, k, k
       FROM unnest($2::uuid[]) AS p(id), generate_series(0, 1) AS k`,
    [coop, rows.map((r) => r.id)],
  );
  return rows.map((r) => r.id);
}

beforeAll(async () => {
  // A page of 100 products with variants, options, certifications, totals and facets is estimated
  // at ~38,300: under the default GRAPHQL_MAX_COST (50,000), which this test keeps.
  t = await startTestApi();
  ({ cooperativeId: coop, owner } = await cooperativeWithOwner(t));
  await insertProducts(130, 'base');
  const certification = await insertCertification(t, coop);
  await t.sql(
    `INSERT INTO product_certifications (product_id, certification_id) SELECT id, $1 FROM products LIMIT 60`,
    [certification],
  );
});
afterAll(() => t.close());

async function page(sort: string, after: string | null, first: number, search?: string) {
  const res = await t.gql<{
    products: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { node: { id: string } }[];
    };
  }>(WALK, { sort, after, first, filter: search ? { search } : {} });
  expect(res.errors).toBeUndefined();
  return res.data!.products;
}

describe('keyset pagination', () => {
  it.each(['NEWEST', 'PRICE_ASC', 'PRICE_DESC', 'RELEVANCE'])(
    'walks every product exactly once in %s order',
    async (sort) => {
      const search = sort === 'RELEVANCE' ? 'miel' : undefined;
      const all = await page(sort, null, 100, search);
      const rest = await page(sort, all.pageInfo.endCursor, 100, search);
      const expected = [...all.edges, ...rest.edges].map((e) => e.node.id);
      expect(expected).toHaveLength(130);
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const p = await page(sort, after, 7, search);
        seen.push(...p.edges.map((e) => e.node.id));
        if (!p.pageInfo.hasNextPage) break;
        after = p.pageInfo.endCursor;
      }
      expect(seen).toEqual(expected);
      expect(new Set(seen).size).toBe(130);
    },
  );

  it('returns every product exactly once while new products are added during a NEWEST walk', async () => {
    const before = new Set(
      (await t.sql<{ id: string }>(`SELECT id FROM products WHERE status = 'PUBLISHED'`)).map((r) => r.id),
    );
    const seen: string[] = [];
    const added: string[] = [];
    let after: string | null = null;
    for (let i = 0; ; i += 1) {
      const p = await page('NEWEST', after, 9);
      seen.push(...p.edges.map((e) => e.node.id));
      // New products between page fetches: newer than anything walked, so never in the rest of the walk.
      added.push(...(await insertProducts(3, `walk${i}`)));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(before.size);
    expect(new Set(seen)).toEqual(before);
    expect(seen.filter((id) => added.includes(id))).toEqual([]);
    // A fresh walk sees them all, first.
    const fresh = await page('NEWEST', null, 100);
    expect(
      fresh.edges
        .slice(0, added.length)
        .map((e) => e.node.id)
        .sort(),
    ).toEqual([...added].sort());
  });

  it('keeps a PRICE_ASC walk free of duplicates while products are added at any price', async () => {
    const before = (await t.sql<{ id: string }>(`SELECT id FROM products WHERE status = 'PUBLISHED'`)).map(
      (r) => r.id,
    );
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; ; i += 1) {
      const p = await page('PRICE_ASC', after, 25);
      seen.push(...p.edges.map((e) => e.node.id));
      await insertProducts(2, `price${i}`);
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of before) expect(seen).toContain(id);
  });
});

describe('query count', () => {
  it('costs the same number of SQL queries for a page of 10 and of 100, with every relation', async () => {
    const count = async (first: number) => {
      const res = await t.gql<{ products: { edges: unknown[] } }>(FULL_PAGE, { first }, owner.accessToken);
      expect(res.errors).toBeUndefined();
      expect(res.data!.products.edges).toHaveLength(first);
      return Number(res.headers.get('x-sql-queries'));
    };
    const ten = await count(10);
    const hundred = await count(100);
    expect(ten).toBeGreaterThan(0);
    expect(hundred).toBe(ten);
    // page + totals + category + cooperative + variants + certifications (+ the caller's actor).
    expect(hundred).toBeLessThanOrEqual(9);
  });
});

const WALK = `query($sort: ProductSort, $after: String, $first: Int, $filter: ProductFilter) {
  products(sort: $sort, after: $after, first: $first, filter: $filter) {
    pageInfo { hasNextPage endCursor } edges { node { id } }
  }
}`;
const FULL_PAGE = `query($first: Int) {
  products(first: $first, sort: PRICE_ASC) {
    totalCount
    facets { categories { value count } }
    edges { node {
      id slug name(languageCode: ar) description status createdAt
      category { code name }
      cooperative { id name slug }
      variants { id sku name stock inStock price { amount currency } options { name value } }
      images { id url }
      certifications { id type valid }
      priceRange { min { amount } max { amount } }
    } }
  }
}`;
