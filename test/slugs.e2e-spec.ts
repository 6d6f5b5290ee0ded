import type { TestUser } from './support/actors.js';
import { cooperativeWithOwner, productInput } from './support/catalog-fixtures.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/** The slug grammar: lower-case ASCII words joined by single hyphens. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

let t: TestApi;
let coop: string;
let owner: TestUser;

beforeAll(async () => {
  t = await startTestApi();
  ({ cooperativeId: coop, owner } = await cooperativeWithOwner(t));
});
afterAll(() => t.close());

const CREATE = `mutation($input: CreateProductInput!) { createProduct(input: $input) { id slug } }`;

function create(name: string, languageCode: 'fr' | 'ar' = 'ar') {
  return t.gql<{ createProduct: { id: string; slug: string } }>(
    CREATE,
    { input: productInput(coop, { translations: [{ languageCode, name }] }) },
    owner.accessToken,
  );
}

describe('product slugs', () => {
  it('romanises an Arabic name and gives five same-named products five distinct readable slugs', async () => {
    const slugs: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await create('عسل الزعتر');
      expect(res.errors).toBeUndefined();
      slugs.push(res.data!.createProduct.slug);
    }
    expect(slugs[0]).toBe('asl-alzatr');
    expect(new Set(slugs).size).toBe(5);
    for (const slug of slugs) {
      expect(slug).toMatch(SLUG);
      expect(slug.startsWith('asl-alzatr')).toBe(true);
    }
  });

  it('gives concurrent creations of the same name distinct slugs, all succeeding', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => create('زيت الأركان')));
    for (const res of results) expect(res.errors).toBeUndefined();
    const slugs = results.map((r) => r.data!.createProduct.slug);
    expect(new Set(slugs).size).toBe(8);
    for (const slug of slugs) expect(slug).toMatch(/^zit-alarkan(-[a-z2-7]+)?$/);
    const [stored] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM products WHERE slug LIKE 'zit-alarkan%'`,
    );
    expect(stored.n).toBe(8);
  });

  it('cannot be exhausted by taking the base name and its numbered successors', async () => {
    // What an attacker could do before: occupy "base", "base-2" ... "base-999".
    await t.sql(
      `INSERT INTO products (cooperative_id, category_code, slug, default_language, name_fr)
       SELECT $1, 'honey', 'amlou' || CASE WHEN g = 1 THEN '' ELSE '-' || g END, 'fr', 'Amlou'
         FROM generate_series(1, 999) g`,
      [coop],
    );
    const res = await create('Amlou', 'fr');
    expect(res.errors).toBeUndefined();
    expect(res.data!.createProduct.slug).toMatch(/^amlou-[a-z2-7]{5}$/);
  });
});
