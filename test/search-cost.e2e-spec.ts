import type { TestUser } from './support/actors.js';
import { addMembership, insertCooperative, signUp } from './support/actors.js';
import { cooperativeWithOwner, createProduct } from './support/catalog-fixtures.js';
import { startTestApi, type TestApi } from './support/test-api.js';

// Issue 8, items 3 and 12: the work an anonymous search costs is bounded (words, term length,
// an indexed typo lookup, one expansion per request), and `Cooperative.products` is batched.

let t: TestApi;
let owner: TestUser;
let honeyCoop: string;
const SEARCH = `query($filter: ProductFilter) {
  products(filter: $filter, first: 5) { totalCount facets { regions { value count } } edges { node { id } } }
}`;

beforeAll(async () => {
  t = await startTestApi();
  ({ cooperativeId: honeyCoop, owner } = await cooperativeWithOwner(t));
  await createProduct(t, owner.accessToken, honeyCoop, {
    translations: [{ languageCode: 'fr', name: 'Miel de thym', description: 'Miel crémeux' }],
  });
  await createProduct(t, owner.accessToken, honeyCoop, {
    categoryCode: 'djellabas',
    translations: [{ languageCode: 'fr', name: 'Djellaba en laine', description: 'Tissée à la main' }],
  });
});
afterAll(() => t.close());

describe('search input bounds', () => {
  it.each([
    ['nine words', 'un deux trois quatre cinq six sept huit neuf'],
    ['nine words glued by punctuation', 'a-b-c-d-e-f-g-h-i'],
    ['a word longer than 40 letters', `miel ${'a'.repeat(41)}`],
    // Already refused before this change (@MaxLength(200)); kept so the whole-phrase bound stays.
    ['a phrase longer than 200 characters', `${'miel '.repeat(40)}x`],
  ])('refuses %s with BAD_USER_INPUT naming filter.search', async (_, search) => {
    const res = await t.gql(SEARCH, { filter: { search } });
    expect(res.data).toBeNull();
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'filter.search' })],
    });
  });

  it('accepts eight words, Arabic with diacritics counted as one word each', async () => {
    const eight = await t.gql(SEARCH, { filter: { search: 'miel de thym cremeux a la main laine' } });
    expect(eight.errors).toBeUndefined();
    const arabic = await t.gql(SEARCH, { filter: { search: 'عَسَل الزَّعْتَر' } });
    expect(arabic.errors).toBeUndefined();
  });
});

describe('typo lookup', () => {
  it('finds typo neighbours through the trigram index of the word list, not a scan of every word', async () => {
    // A vocabulary large enough that a scan would be the planner's choice if the index could not serve.
    await t.sql(
      `INSERT INTO catalog_search_words (word)
       SELECT md5(i::text) FROM generate_series(1, 20000) i ON CONFLICT DO NOTHING`,
    );
    await t.sql(`ANALYZE catalog_search_words`);
    const plan = await t.sql<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT * FROM catalog_search_alternatives('mile')`,
    );
    const text = plan.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toContain('IDX_catalog_search_words_trgm_gist');
    expect(text).not.toMatch(/Seq Scan on catalog_search_words/);
    // And typo tolerance still works against that vocabulary.
    const res = await t.gql<{ products: { totalCount: number } }>(SEARCH, { filter: { search: 'mile' } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.products.totalCount).toBe(1);
  });

  it('expands a search phrase once per request, even with totals, facets and aliases of it', async () => {
    // Count the calls of the expansion function (a test-only wrapper around the real one).
    await t.sql(`CREATE SEQUENCE IF NOT EXISTS test_expansion_calls`);
    await t.sql(`ALTER FUNCTION catalog_search_query(text) RENAME TO catalog_search_query_counted`);
    await t.sql(
      `CREATE FUNCTION catalog_search_query(text) RETURNS tsquery LANGUAGE plpgsql STABLE AS $$
       BEGIN PERFORM nextval('test_expansion_calls'); RETURN catalog_search_query_counted($1); END $$`,
    );
    try {
      const [{ before }] = await t.sql<{ before: string }>(
        `SELECT nextval('test_expansion_calls')::text AS before`,
      );
      const res = await t.gql<{ a: { totalCount: number }; b: { totalCount: number } }>(
        `query($filter: ProductFilter) {
          a: products(filter: $filter, first: 5) { totalCount facets { regions { value } } edges { node { id } } }
          b: products(filter: $filter, first: 2) { totalCount edges { node { id } } }
        }`,
        { filter: { search: 'miel thym' } },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.a.totalCount).toBe(1);
      expect(res.data!.b.totalCount).toBe(1);
      const [{ after }] = await t.sql<{ after: string }>(
        `SELECT nextval('test_expansion_calls')::text AS after`,
      );
      // One call between the two reads of the sequence (each read takes one value itself).
      expect(Number(after) - Number(before) - 1).toBe(1);
    } finally {
      await t.sql(`DROP FUNCTION catalog_search_query(text)`);
      await t.sql(`ALTER FUNCTION catalog_search_query_counted(text) RENAME TO catalog_search_query`);
    }
  });
});

describe('Cooperative.products', () => {
  const DIRECTORY = `query($first: Int) {
    cooperatives(first: $first) {
      edges { node { id products(first: 3) {
        totalCount pageInfo { hasNextPage }
        edges { node { id status variants { id } } }
      } } }
    }
  }`;
  type Directory = {
    cooperatives: {
      edges: {
        node: {
          id: string;
          products: {
            totalCount: number;
            pageInfo: { hasNextPage: boolean };
            edges: { node: { id: string; status: string } }[];
          };
        };
      }[];
    };
  };
  const made = new Map<string, string[]>(); // cooperative -> published product ids, newest first
  let drafts: Map<string, string>;
  let seller: TestUser;

  beforeAll(async () => {
    seller = await signUp(t);
    drafts = new Map();
    for (let i = 0; i < 20; i += 1) {
      const id = await insertCooperative(t);
      await addMembership(t, seller.id, id, 'OWNER');
      const published: string[] = [];
      for (let j = 0; j < i % 5; j += 1) {
        published.unshift((await createProduct(t, seller.accessToken, id)).id);
      }
      made.set(id, published);
      if (i % 4 === 0)
        drafts.set(id, (await createProduct(t, seller.accessToken, id, { publish: false })).id);
    }
  });

  it('lists each cooperative its own public products, newest first, with its own total', async () => {
    const res = await t.gql<Directory>(DIRECTORY, { first: 30 });
    expect(res.errors).toBeUndefined();
    let checked = 0;
    for (const edge of res.data!.cooperatives.edges) {
      const expected = made.get(edge.node.id);
      if (!expected) continue;
      checked += 1;
      expect(edge.node.products.edges.map((e) => e.node.id)).toEqual(expected.slice(0, 3));
      expect(edge.node.products.totalCount).toBe(expected.length);
      expect(edge.node.products.pageInfo.hasNextPage).toBe(expected.length > 3);
    }
    expect(checked).toBe(20);
  });

  it('shows drafts to members only', async () => {
    const [coop, draft] = [...drafts.entries()][1];
    const query = `query($id: ID!) { cooperative(id: $id) { products(first: 10) { totalCount edges { node { id } } } } }`;
    type One = { cooperative: { products: { totalCount: number; edges: { node: { id: string } }[] } } };
    const anonymous = await t.gql<One>(query, { id: coop });
    expect(anonymous.data!.cooperative.products.edges.map((e) => e.node.id)).not.toContain(draft);
    const member = await t.gql<One>(query, { id: coop }, seller.accessToken);
    expect(member.data!.cooperative.products.edges.map((e) => e.node.id)).toContain(draft);
    expect(member.data!.cooperative.products.totalCount).toBe(
      anonymous.data!.cooperative.products.totalCount + 1,
    );
  });

  it('costs the same number of SQL statements for 3 or 20 cooperatives with products and totals', async () => {
    const count = async (first: number) => {
      const res = await t.gql<Directory>(DIRECTORY, { first });
      expect(res.errors).toBeUndefined();
      expect(res.data!.cooperatives.edges.length).toBeGreaterThanOrEqual(first);
      return Number(res.headers.get('x-sql-queries'));
    };
    const small = await count(3);
    const large = await count(20);
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
    // cooperatives page + its total + products page + product totals + variants (+ the actor).
    expect(large).toBeLessThanOrEqual(7);
  });
});
