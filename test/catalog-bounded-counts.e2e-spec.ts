import { loadConfig } from '@taawoun/core';
import { cooperativeWithOwner } from './support/catalog-fixtures.js';
import { startTestApi, type GraphqlResponse, type TestApi } from './support/test-api.js';

/**
 * Issue 13: the work of totals, facets and relevance ranking is bounded whatever the number of
 * matches. Small limits here (an exact count up to 5, a relevance window of 4) stand for the
 * defaults (1,000 and 200 of 1,000) so a handful of products crosses them.
 */
let t: TestApi;
let coop: string;

const TOTALS = `query Totals($filter: ProductFilter) {
  products(filter: $filter, first: 2) {
    totalCount
    totalCountIsExact
    facets { countsAreExact categories { value count } regions { value count } }
  }
}`;

const LIST = `query List($filter: ProductFilter, $sort: ProductSort, $first: Int, $after: String) {
  products(filter: $filter, sort: $sort, first: $first, after: $after) {
    edges { node { id name } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Totals {
  totalCount: number;
  totalCountIsExact: boolean;
  facets: {
    countsAreExact: boolean;
    categories: { value: string; count: number }[];
    regions: { value: string; count: number }[];
  };
}

async function totals(filter: Record<string, unknown> = {}): Promise<Totals> {
  const res = await t.gql<{ products: Totals }>(TOTALS, { filter });
  expect(res.errors).toBeUndefined();
  return res.data!.products;
}

interface ListPage {
  products: {
    edges: { node: { name: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string };
  };
}

/** Every product of a list, page after page of `first`. */
async function walk(filter: Record<string, unknown>, sort: string, first: number): Promise<string[]> {
  const names: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 50; pages += 1) {
    const res: GraphqlResponse<ListPage> = await t.gql<ListPage>(LIST, { filter, sort, first, after });
    expect(res.errors).toBeUndefined();
    names.push(...res.data!.products.edges.map((e) => e.node.name));
    if (!res.data!.products.pageInfo.hasNextPage) return names;
    after = res.data!.products.pageInfo.endCursor;
  }
  throw new Error('the walk did not end');
}

/** Published products of `coop` straight in SQL: one per name, with a French description. */
async function insertProducts(category: string, items: readonly [string, string][]): Promise<void> {
  await t.sql(
    `INSERT INTO products (cooperative_id, category_code, slug, status, default_language, name_fr, description_fr, published_at)
     SELECT $1, $2, 'bounded-' || md5(random()::text || i.name), 'PUBLISHED', 'fr', i.name, i.description, now()
       FROM unnest($3::text[], $4::text[]) AS i(name, description)`,
    [coop, category, items.map((i) => i[0]), items.map((i) => i[1])],
  );
}

beforeAll(async () => {
  t = await startTestApi({
    CATALOG_EXACT_COUNT_LIMIT: '5',
    CATALOG_SEARCH_CANDIDATES: '50',
    CATALOG_SEARCH_RANKED: '4',
  });
  ({ cooperativeId: coop } = await cooperativeWithOwner(t));
  // Three products named after honey, two only mentioning it in their description.
  await insertProducts('honey', [
    ['Miel de thym', 'Récolté en montagne.'],
    ['Miel d’euphorbe', 'Du Tadla.'],
    ['Miel de jujubier', 'Rare.'],
  ]);
  await insertProducts('soaps', [
    ['Savon beldi', 'Au miel et à l’huile d’olive.'],
    ['Savon noir', 'Enrichi au miel.'],
  ]);
});
afterAll(() => t.close());

describe('totals and facets up to the exact-count limit', () => {
  it('are exact and flagged so when the filtered set is within the limit', async () => {
    const all = await totals();
    expect(all.totalCount).toBe(5);
    expect(all.totalCountIsExact).toBe(true);
    expect(all.facets.countsAreExact).toBe(true);
    expect(all.facets.categories).toEqual([
      { value: 'honey', count: 3 },
      { value: 'soaps', count: 2 },
    ]);
    expect(all.facets.regions.reduce((sum, r) => sum + r.count, 0)).toBe(5);
  });
});

describe('above the exact-count limit', () => {
  beforeAll(async () => {
    await insertProducts('soaps', [
      ['Savon à l’argan', 'Doux.'],
      ['Savon au ghassoul', 'Pour le hammam.'],
      ['Savon à la rose', 'De Kelâat M’Gouna.'],
    ]);
  });

  it('answers the limit as a lower bound, flagged inexact, with counts over the first matches only', async () => {
    const all = await totals();
    expect(all.totalCount).toBe(5);
    expect(all.totalCountIsExact).toBe(false);
    expect(all.facets.countsAreExact).toBe(false);
    // The first matches found: each count is at most the true one (honey 3, soaps 5) and
    // together they cover more than the limit.
    const count = (value: string) => all.facets.categories.find((c) => c.value === value)?.count ?? 0;
    expect(count('honey')).toBeLessThanOrEqual(3);
    expect(count('soaps')).toBeLessThanOrEqual(5);
    expect(count('honey') + count('soaps')).toBeGreaterThan(5);
  });

  it('is exact again for a filter narrowing the set to the limit or fewer', async () => {
    const honey = await totals({ categoryCode: 'honey' });
    expect(honey).toMatchObject({ totalCount: 3, totalCountIsExact: true });
    expect(honey.facets.countsAreExact).toBe(true);
    expect(honey.facets.categories).toEqual([{ value: 'honey', count: 3 }]);
    const soaps = await totals({ categoryCode: 'soaps' });
    expect(soaps).toMatchObject({ totalCount: 5, totalCountIsExact: true });
  });

  it('counts what is public now: unpublishing brings a set back under the limit', async () => {
    await t.sql(`UPDATE products SET status = 'DRAFT' WHERE name_fr = 'Savon à la rose'`);
    const all = await totals();
    expect(all.totalCountIsExact).toBe(false);
    const soaps = await totals({ categoryCode: 'soaps' });
    expect(soaps).toMatchObject({ totalCount: 4, totalCountIsExact: true });
    await t.sql(`UPDATE products SET status = 'DRAFT' WHERE category_code = 'soaps'`);
    const rest = await totals();
    expect(rest).toMatchObject({ totalCount: 3, totalCountIsExact: true });
    expect(rest.facets.categories).toEqual([{ value: 'honey', count: 3 }]);
    await t.sql(`UPDATE products SET status = 'PUBLISHED' WHERE category_code = 'soaps'`);
  });
});

describe('a search in RELEVANCE order ranks a bounded window of its matches', () => {
  it('lists the best CATALOG_SEARCH_RANKED matches by relevance, page after page, and no more', async () => {
    // 5 products mention honey; the window keeps 4: the three named after it come first.
    for (const first of [1, 3, 20]) {
      const names = await walk({ search: 'miel' }, 'RELEVANCE', first);
      expect(names).toHaveLength(4);
      expect(new Set(names.slice(0, 3))).toEqual(
        new Set(['Miel de thym', 'Miel d’euphorbe', 'Miel de jujubier']),
      );
      expect(['Savon beldi', 'Savon noir']).toContain(names[3]);
    }
  });

  it('does not bound the other sorts of a search', async () => {
    for (const sort of ['NEWEST', 'PRICE_ASC']) {
      const names = await walk({ search: 'miel' }, sort, 2);
      expect(new Set(names)).toEqual(
        new Set(['Miel de thym', 'Miel d’euphorbe', 'Miel de jujubier', 'Savon beldi', 'Savon noir']),
      );
    }
  });
});

describe('the candidate window', () => {
  let small: TestApi;
  beforeAll(async () => {
    // A second API on the same database reading at most 2 matches before ranking.
    small = await startTestApi(
      { CATALOG_SEARCH_CANDIDATES: '2', CATALOG_SEARCH_RANKED: '10' },
      t.databaseUrl,
    );
  });
  afterAll(() => small.close());

  it('ranks no more than CATALOG_SEARCH_CANDIDATES matches, all of them matches', async () => {
    const res = await small.gql<{
      products: { edges: { node: { name: string } }[]; pageInfo: { hasNextPage: boolean } };
    }>(LIST, { filter: { search: 'miel' }, sort: 'RELEVANCE', first: 20 });
    expect(res.errors).toBeUndefined();
    const names = res.data!.products.edges.map((e) => e.node.name);
    expect(names).toHaveLength(2);
    expect(res.data!.products.pageInfo.hasNextPage).toBe(false);
    for (const name of names)
      expect(['Miel de thym', 'Miel d’euphorbe', 'Miel de jujubier', 'Savon beldi', 'Savon noir']).toContain(
        name,
      );
  });
});

it('refuses limits below 1', () => {
  expect(() => loadConfig({ CATALOG_EXACT_COUNT_LIMIT: '0' })).toThrow(/CATALOG_EXACT_COUNT_LIMIT/);
  expect(() => loadConfig({ CATALOG_SEARCH_CANDIDATES: '0' })).toThrow(/CATALOG_SEARCH_CANDIDATES/);
  expect(() => loadConfig({ CATALOG_SEARCH_RANKED: '0' })).toThrow(/CATALOG_SEARCH_RANKED/);
});
