import type { TestUser } from './support/actors.js';
import {
  cooperativeWithOwner,
  createProduct,
  insertCertification,
  moroccoDate,
} from './support/catalog-fixtures.js';
import { startTestApi, type TestApi } from './support/test-api.js';

type Facets = Record<string, { value: string; count: number }[]>;

let t: TestApi;
let beekeepers: string; // Nouaceur, Casablanca-Settat (MA-06), women-led
let weavers: string; // Agadir Ida-Outanane, Souss-Massa (MA-09), not women-led
let beeOwner: TestUser;
let weaveOwner: TestUser;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApi();
  ({ cooperativeId: beekeepers, owner: beeOwner } = await cooperativeWithOwner(t, {
    provinceCode: 'MA-NOU',
    womenLed: true,
  }));
  ({ cooperativeId: weavers, owner: weaveOwner } = await cooperativeWithOwner(t, {
    provinceCode: 'MA-AGD',
    womenLed: false,
    sector: 'TEXTILE',
  }));
  const valid = await insertCertification(t, beekeepers, { expiresOn: await moroccoDate(t, 0) });
  const expired = await insertCertification(t, beekeepers, { expiresOn: await moroccoDate(t, -1) });
  const unverified = await insertCertification(t, weavers, { type: 'NATIONAL_STANDARD', verified: false });
  const b = beeOwner.accessToken;
  const w = weaveOwner.accessToken;
  ids.thyme = (
    await createProduct(t, b, beekeepers, {
      translations: [
        {
          languageCode: 'fr',
          name: 'Miel de thym',
          description: 'Récolté à Dar Bouazza, crémeux et parfumé',
        },
        { languageCode: 'ar', name: 'عَسَل الزَّعْتَر', description: 'عسل طبيعي من دار بوعزة' },
        { languageCode: 'en', name: 'Thyme honey', description: 'Creamy raw honey from the Atlantic coast' },
      ],
      variants: [
        { priceAmount: 9000, stock: 3, options: [{ name: 'poids', value: '500g' }] },
        { priceAmount: 16000, stock: 0, options: [{ name: 'poids', value: '1kg' }] },
      ],
      certificationIds: [valid],
    })
  ).id;
  ids.eucalyptus = (
    await createProduct(t, b, beekeepers, {
      translations: [
        { languageCode: 'fr', name: "Miel d'eucalyptus", description: 'Miel ambré, goût boisé' },
        { languageCode: 'ar', name: 'عسل الكاليبتوس' },
        { languageCode: 'en', name: 'Eucalyptus honey' },
      ],
      variants: [{ priceAmount: 7000, stock: 0 }],
      certificationIds: [expired],
    })
  ).id;
  ids.wax = (
    await createProduct(t, b, beekeepers, {
      categoryCode: 'beeswax',
      translations: [
        { languageCode: 'fr', name: "Cire d'abeille naturelle" },
        { languageCode: 'en', name: 'Natural beeswax' },
      ],
      variants: [{ priceAmount: 4000, stock: 12 }],
    })
  ).id;
  ids.djellaba = (
    await createProduct(t, w, weavers, {
      categoryCode: 'djellabas',
      translations: [
        { languageCode: 'fr', name: 'Djellaba blanche en laine', description: 'Tissée à la main' },
        { languageCode: 'ar', name: 'جلابة بيضاء من الصوف' },
        { languageCode: 'en', name: 'White wool djellaba' },
      ],
      variants: [
        { priceAmount: 65000, stock: 2, options: [{ name: 'taille', value: 'M' }] },
        { priceAmount: 70000, stock: 1, options: [{ name: 'taille', value: 'L' }] },
      ],
      certificationIds: [unverified],
    })
  ).id;
  ids.argan = (
    await createProduct(t, w, weavers, {
      categoryCode: 'argan-oil',
      translations: [
        { languageCode: 'fr', name: "Huile d'argan cosmétique", description: 'Pressée à froid' },
        { languageCode: 'ar', name: 'زيت الأركان التجميلي' },
        { languageCode: 'en', name: 'Cosmetic argan oil' },
      ],
      variants: [{ priceAmount: 15000, stock: 8 }],
    })
  ).id;
  ids.draft = (
    await createProduct(t, b, beekeepers, {
      translations: [{ languageCode: 'fr', name: 'Miel de jujubier (brouillon)' }],
      publish: false,
    })
  ).id;
});
afterAll(() => t.close());

const nameOf = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0] ?? id;

async function search(
  filter: Record<string, unknown>,
  sort?: string,
  token?: string,
): Promise<{
  names: string[];
  totalCount: number;
  facets: Record<string, { value: string; count: number }[]>;
}> {
  const res = await t.gql<{
    products: { totalCount: number; facets: Facets; edges: { node: { id: string } }[] };
  }>(LIST, { filter, sort, first: 50 }, token);
  expect(res.errors).toBeUndefined();
  const names = res.data!.products.edges.map((e) => nameOf(e.node.id));
  return { names, totalCount: res.data!.products.totalCount, facets: res.data!.products.facets };
}

describe('search in PostgreSQL', () => {
  it('finds a French phrase, best match first', async () => {
    const { names } = await search({ search: 'miel de thym' });
    expect(names[0]).toBe('thyme');
    expect(names).not.toContain('djellaba');
  });

  it('finds honey in Arabic, with and without diacritics', async () => {
    for (const phrase of ['عسل', 'عَسَل', 'عسل الزعتر']) {
      const { names } = await search({ search: phrase });
      expect(names).toEqual(expect.arrayContaining(['thyme']));
      expect(names).not.toContain('argan');
      if (phrase !== 'عسل الزعتر') expect(names).toEqual(expect.arrayContaining(['eucalyptus']));
    }
  });

  it('finds products in English', async () => {
    expect((await search({ search: 'honey' })).names.sort()).toEqual(['eucalyptus', 'thyme']);
    expect((await search({ search: 'wool djellaba' })).names).toEqual(['djellaba']);
  });

  it('is accent- and case-insensitive', async () => {
    expect((await search({ search: 'HUILE D’ÁRGAN cosmetique' })).names).toEqual(['argan']);
    expect((await search({ search: 'recolte a dar bouazza' })).names).toEqual(['thyme']);
  });

  it('tolerates typos', async () => {
    expect((await search({ search: 'mile' })).names).toEqual(expect.arrayContaining(['thyme', 'eucalyptus']));
    expect((await search({ search: 'djelaba' })).names).toEqual(['djellaba']);
    expect((await search({ search: 'eucalyptuss' })).names).toEqual(['eucalyptus']);
  });

  it('finds nothing for unrelated words, and never shows drafts', async () => {
    expect((await search({ search: 'ordinateur portable' })).names).toEqual([]);
    expect((await search({ search: 'jujubier' })).names).toEqual([]);
    expect(
      (await search({ search: 'jujubier', cooperativeId: beekeepers }, undefined, beeOwner.accessToken))
        .names,
    ).toEqual(['draft']);
  });
});

describe('filters', () => {
  it('filters by category, a parent including its children', async () => {
    expect((await search({ categoryCode: 'honey' })).names.sort()).toEqual(['eucalyptus', 'thyme']);
    expect((await search({ categoryCode: 'honey-hive-products' })).names.sort()).toEqual([
      'eucalyptus',
      'thyme',
      'wax',
    ]);
    expect((await search({ categoryCode: 'no-such-category' })).names).toEqual([]);
  });

  it('filters by cooperative, region and women-led', async () => {
    expect((await search({ cooperativeId: weavers })).names.sort()).toEqual(['argan', 'djellaba']);
    expect((await search({ regionCode: 'MA-06' })).names.sort()).toEqual(['eucalyptus', 'thyme', 'wax']);
    expect((await search({ regionCode: 'MA-09' })).names.sort()).toEqual(['argan', 'djellaba']);
    expect((await search({ womenLed: true })).names.sort()).toEqual(['eucalyptus', 'thyme', 'wax']);
    expect((await search({ womenLed: false })).names.sort()).toEqual(['argan', 'djellaba']);
  });

  it('filters certified products: verified and not expired today', async () => {
    expect((await search({ certified: true })).names).toEqual(['thyme']);
    expect((await search({ certified: false })).names.sort()).toEqual([
      'argan',
      'djellaba',
      'eucalyptus',
      'wax',
    ]);
  });

  it('filters on variant prices and stock', async () => {
    expect((await search({ minPrice: 15000, maxPrice: 20000 })).names.sort()).toEqual(['argan', 'thyme']);
    expect((await search({ maxPrice: 5000 })).names).toEqual(['wax']);
    expect((await search({ inStock: true })).names.sort()).toEqual(['argan', 'djellaba', 'thyme', 'wax']);
    expect((await search({ inStock: false })).names).toEqual(['eucalyptus']);
    expect((await search({ inStock: true, maxPrice: 10000, categoryCode: 'honey' })).names).toEqual([
      'thyme',
    ]);
  });

  it('combines a search with filters', async () => {
    expect((await search({ search: 'miel', certified: true })).names).toEqual(['thyme']);
  });
});

describe('sorts, totals and facets', () => {
  it('sorts by lowest variant price both ways, and by newest', async () => {
    expect((await search({}, 'PRICE_ASC')).names).toEqual([
      'wax',
      'eucalyptus',
      'thyme',
      'argan',
      'djellaba',
    ]);
    expect((await search({}, 'PRICE_DESC')).names).toEqual([
      'djellaba',
      'argan',
      'thyme',
      'eucalyptus',
      'wax',
    ]);
    expect((await search({}, 'NEWEST')).names).toEqual(['argan', 'djellaba', 'wax', 'eucalyptus', 'thyme']);
    // RELEVANCE without a term is NEWEST.
    expect((await search({}, 'RELEVANCE')).names).toEqual([
      'argan',
      'djellaba',
      'wax',
      'eucalyptus',
      'thyme',
    ]);
  });

  it('counts the whole filtered set and its facets, not the page', async () => {
    const res = await t.gql<{ products: { totalCount: number; facets: Facets; edges: unknown[] } }>(LIST, {
      filter: {},
      first: 2,
    });
    expect(res.data!.products.edges).toHaveLength(2);
    expect(res.data!.products.totalCount).toBe(5);
    expect(res.data!.products.facets).toEqual({
      categories: [
        { value: 'honey', count: 2 },
        { value: 'argan-oil', count: 1 },
        { value: 'beeswax', count: 1 },
        { value: 'djellabas', count: 1 },
      ],
      regions: [
        { value: 'MA-06', count: 3 },
        { value: 'MA-09', count: 2 },
      ],
      certifications: [{ value: 'FOOD_SAFETY_AUTHORIZATION', count: 1 }],
    });
    const honey = await search({ search: 'honey' });
    expect(honey.totalCount).toBe(2);
    expect(honey.facets.regions).toEqual([{ value: 'MA-06', count: 2 }]);
  });

  it('skips the count query when neither totalCount nor facets is asked for', async () => {
    const light = await t.gql(`{ products(first: 5) { edges { node { id } } } }`);
    const full = await t.gql(
      `{ products(first: 5) { totalCount facets { regions { value } } edges { node { id } } } }`,
    );
    expect(Number(full.headers.get('x-sql-queries'))).toBe(Number(light.headers.get('x-sql-queries')) + 1);
  });
});

describe('bad input', () => {
  it.each([
    [{ first: 101 }, 'first'],
    [{ first: -1 }, 'first'],
    [{ after: 'bm90IGEgY3Vyc29y' }, 'after'],
    [{ filter: { minPrice: -5 } }, 'filter.minPrice'],
    [{ filter: { minPrice: 500, maxPrice: 100 } }, 'filter.minPrice'],
    [{ filter: { cooperativeId: 'nope' } }, 'filter.cooperativeId'],
  ])('answers BAD_USER_INPUT for %j', async (variables, field) => {
    // A light selection, so the cost limit (which multiplies by `first`) does not answer first.
    const res = await t.gql(LIGHT_LIST, variables);
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field })],
    });
  });

  it('refuses tampered cursors and cursors of another sort', async () => {
    const res = await t.gql<{ products: { pageInfo: { endCursor: string } } }>(LIST, {
      first: 1,
      sort: 'PRICE_ASC',
    });
    const cursor = res.data!.products.pageInfo.endCursor;
    const text = Buffer.from(cursor, 'base64url').toString('utf8').replace(/\d{4}/, '1');
    const tampered = Buffer.from(text, 'utf8').toString('base64url');
    for (const [after, sort] of [
      [tampered, 'PRICE_ASC'],
      [cursor, 'PRICE_DESC'],
      [cursor, 'NEWEST'],
    ]) {
      const r = await t.gql(LIST, { first: 1, after, sort });
      expect(r.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: 'after' })],
      });
    }
  });
});

const LIGHT_LIST = `query($filter: ProductFilter, $first: Int, $after: String) {
  products(filter: $filter, first: $first, after: $after) { edges { node { id } } }
}`;
const LIST = `query($filter: ProductFilter, $sort: ProductSort, $first: Int, $after: String) {
  products(filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount
    facets { categories { value count } regions { value count } certifications { value count } }
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id } }
  }
}`;
