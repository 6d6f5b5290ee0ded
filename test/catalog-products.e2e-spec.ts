import { addMembership, grantPlatformRole, signUp, type TestUser } from './support/actors.js';
import {
  cooperativeWithOwner,
  createProduct,
  insertCertification,
  productInput,
  uniqueSku,
} from './support/catalog-fixtures.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/** The parts of a Product answer the assertions index into. */
type ProductResult = Record<string, unknown> & { variants: { id: string }[] };

let t: TestApi;
let coop: string;
let owner: TestUser;
let staff: TestUser;
let otherCoop: string;
let otherOwner: TestUser;
let buyer: TestUser;
let admin: TestUser;

beforeAll(async () => {
  t = await startTestApi();
  ({ cooperativeId: coop, owner } = await cooperativeWithOwner(t));
  ({ cooperativeId: otherCoop, owner: otherOwner } = await cooperativeWithOwner(t));
  staff = await signUp(t);
  await addMembership(t, staff.id, coop, 'STAFF');
  buyer = await signUp(t);
  admin = await signUp(t);
  await grantPlatformRole(t, admin.id, 'ADMIN');
});
afterAll(() => t.close());

async function countRows(table: string): Promise<number> {
  const [row] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return row.n;
}

describe('createProduct', () => {
  it('creates a DRAFT product with translations, variants, certifications and a readable slug', async () => {
    const certification = await insertCertification(t, coop, { expiresOn: null });
    const res = await t.gql<{ createProduct: ProductResult }>(
      CREATE,
      {
        input: {
          ...productInput(coop, {
            translations: [
              { languageCode: 'fr', name: 'Miel de thym', description: 'Récolté à Dar Bouazza' },
              { languageCode: 'ar', name: 'عسل الزعتر', description: null },
              { languageCode: 'en', name: 'Thyme honey', description: 'Harvested near Casablanca' },
            ],
            variants: [
              {
                sku: uniqueSku('THYM'),
                options: [{ name: 'poids', value: '250g' }],
                priceAmount: 6000,
                stock: 5,
              },
              {
                sku: uniqueSku('THYM'),
                options: [{ name: 'poids', value: '1kg' }],
                priceAmount: 20000,
                stock: 0,
              },
            ],
            certificationIds: [certification],
          }),
        },
      },
      owner.accessToken,
    );
    expect(res.errors).toBeUndefined();
    const p = res.data!.createProduct;
    expect(p).toMatchObject({
      status: 'DRAFT',
      slug: 'miel-de-thym',
      fr: 'Miel de thym',
      ar: 'عسل الزعتر',
      en: 'Thyme honey',
      descriptionAr: 'Récolté à Dar Bouazza',
      category: { code: 'honey' },
      cooperative: { id: coop },
      priceRange: { min: { amount: 6000, currency: 'MAD' }, max: { amount: 20000, currency: 'MAD' } },
      certifications: [{ id: certification, valid: true, verified: true }],
      images: [],
    });
    expect(p.variants).toHaveLength(2);
    expect(p.variants[0]).toMatchObject({ stock: 5, inStock: true, name: 'Miel de thym · 250g' });
    expect(p.variants[1]).toMatchObject({
      stock: 0,
      inStock: false,
      options: [{ name: 'poids', value: '1kg' }],
    });
    const movements = await t.sql(`SELECT delta, reason FROM stock_movements WHERE variant_id = $1`, [
      p.variants[0].id,
    ]);
    expect(movements).toEqual([{ delta: 5, reason: 'opening stock' }]);
  });

  it('gives a second product with the same name the slug and a random suffix, and never changes a slug on update', async () => {
    const a = await createProduct(t, owner.accessToken, coop, {
      translations: [{ languageCode: 'fr', name: 'Cire d’abeille pure' }],
      publish: false,
    });
    const b = await createProduct(t, owner.accessToken, coop, {
      translations: [{ languageCode: 'fr', name: 'Cire d’abeille pure' }],
      publish: false,
    });
    expect(a.slug).toBe('cire-d-abeille-pure');
    expect(b.slug).toMatch(/^cire-d-abeille-pure-[a-z2-7]{5}$/);
    const res = await t.gql<{ updateProduct: { slug: string; name: string } }>(
      `mutation($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { slug name } }`,
      { id: a.id, input: { translations: [{ languageCode: 'fr', name: 'Cire d’abeille brute' }] } },
      owner.accessToken,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateProduct).toEqual({ slug: 'cire-d-abeille-pure', name: 'Cire d’abeille brute' });
  });

  it('falls back to the default language for missing translations', async () => {
    const { id } = await createProduct(t, owner.accessToken, coop, {
      translations: [{ languageCode: 'ar', name: 'صابون بلدي', description: 'صابون تقليدي' }],
      categoryCode: 'soaps',
    });
    const res = await t.gql<{ product: Record<string, string> }>(
      `query($id: ID) { product(id: $id) { fr: name(languageCode: fr) en: name(languageCode: en) defaultLanguage slug
        d: description(languageCode: en) } }`,
      { id },
    );
    expect(res.data!.product).toEqual({
      fr: 'صابون بلدي',
      en: 'صابون بلدي',
      defaultLanguage: 'ar',
      slug: expect.stringMatching(/^saboun-bldi(-[a-z2-7]{5})?$/),
      d: 'صابون تقليدي',
    });
  });

  it.each([
    ['a negative price', { variants: [{ priceAmount: -1 }] }, 'input.variants.0.priceAmount'],
    ['an absurd price', { variants: [{ priceAmount: 10_000_001 }] }, 'input.variants.0.priceAmount'],
    ['negative stock', { variants: [{ stock: -3 }] }, 'input.variants.0.stock'],
    ['no variant', { variants: [] }, 'input.variants'],
    ['more than 100 variants', { variants: Array.from({ length: 101 }, () => ({})) }, 'input.variants'],
    ['no translation', { translations: [] }, 'input.translations'],
    ['an unknown category', { categoryCode: 'caviar' }, 'input.categoryCode'],
    ['the same SKU twice', { variants: [{ sku: 'DUP-1' }, { sku: 'DUP-1' }] }, 'input.variants.1.sku'],
  ])('refuses %s with BAD_USER_INPUT naming the field, storing nothing', async (_, spec, field) => {
    const before = [await countRows('products'), await countRows('product_variants')];
    const res = await t.gql(CREATE, { input: productInput(coop, spec as never) }, owner.accessToken);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((res.errors?.[0].extensions?.fields as { field: string }[]).map((f) => f.field)).toContain(field);
    expect([await countRows('products'), await countRows('product_variants')]).toEqual(before);
  });

  it('refuses a default language without its translation', async () => {
    const res = await t.gql(
      CREATE,
      { input: { ...productInput(coop), defaultLanguage: 'ar' } },
      owner.accessToken,
    );
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'input.translations' })],
    });
  });

  it('refuses a SKU already used in the cooperative, but allows it in another cooperative', async () => {
    const sku = uniqueSku('ARGAN');
    await createProduct(t, owner.accessToken, coop, { variants: [{ sku }] });
    const before = await countRows('products');
    const res = await t.gql(
      CREATE,
      { input: productInput(coop, { variants: [{ sku }] }) },
      owner.accessToken,
    );
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'input.variants.0.sku' })],
    });
    expect(await countRows('products')).toBe(before);
    await createProduct(t, otherOwner.accessToken, otherCoop, { variants: [{ sku }] });
  });

  it('lets exactly one of two racing creations take a SKU', async () => {
    const sku = uniqueSku('RACE');
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.gql(CREATE, { input: productInput(coop, { variants: [{ sku }] }) }, owner.accessToken),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    for (const r of results.filter((r) => r.errors))
      expect(r.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: 'input.variants.0.sku' })],
      });
    const rows = await t.sql(`SELECT 1 FROM product_variants WHERE cooperative_id = $1 AND sku = $2`, [
      coop,
      sku,
    ]);
    expect(rows).toHaveLength(1);
  });

  it('refuses certifications of another cooperative', async () => {
    const foreign = await insertCertification(t, otherCoop);
    const res = await t.gql(
      CREATE,
      { input: productInput(coop, { certificationIds: [foreign] }) },
      owner.accessToken,
    );
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'input.certificationIds.0' })],
    });
  });

  it('is FORBIDDEN for non-members, and for members of a cooperative that is not APPROVED', async () => {
    for (const token of [buyer.accessToken, otherOwner.accessToken, admin.accessToken]) {
      const res = await t.gql(CREATE, { input: productInput(coop) }, token);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const anonymous = await t.gql(CREATE, { input: productInput(coop) });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const { cooperativeId: submitted, owner: applicant } = await cooperativeWithOwner(t, {
      status: 'SUBMITTED',
    });
    const before = await countRows('products');
    const res = await t.gql(CREATE, { input: productInput(submitted) }, applicant.accessToken);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await countRows('products')).toBe(before);
  });
});

describe('updateProduct', () => {
  it('changes category, translations and certifications; staff may edit', async () => {
    const { id } = await createProduct(t, owner.accessToken, coop, { publish: false });
    const certification = await insertCertification(t, coop);
    const res = await t.gql<{ updateProduct: ProductResult }>(
      UPDATE,
      {
        id,
        input: {
          categoryCode: 'beeswax',
          translations: [
            { languageCode: 'fr', name: 'Cire jaune' },
            { languageCode: 'en', name: 'Yellow wax' },
          ],
          certificationIds: [certification],
        },
      },
      staff.accessToken,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateProduct).toMatchObject({
      name: 'Cire jaune',
      en: 'Yellow wax',
      category: { code: 'beeswax' },
      certifications: [{ id: certification }],
    });
  });

  it('refuses translations without the default language, changing nothing', async () => {
    const { id } = await createProduct(t, owner.accessToken, coop, {
      translations: [{ languageCode: 'fr', name: 'Propolis brute' }],
    });
    const res = await t.gql(
      UPDATE,
      { id, input: { translations: [{ languageCode: 'en', name: 'Raw propolis' }] } },
      owner.accessToken,
    );
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'input.translations' })],
    });
    const [row] = await t.sql(`SELECT name_fr, name_en FROM products WHERE id = $1`, [id]);
    expect(row).toEqual({ name_fr: 'Propolis brute', name_en: null });
  });

  it('changes the default language only when its translation exists', async () => {
    const { id } = await createProduct(t, owner.accessToken, coop, {
      translations: [
        { languageCode: 'fr', name: 'Gelée royale' },
        { languageCode: 'en', name: 'Royal jelly' },
      ],
    });
    const ok = await t.gql<{ updateProduct: { name: string; defaultLanguage: string; ar: string } }>(
      `mutation($id: ID!, $input: UpdateProductInput!) {
        updateProduct(id: $id, input: $input) { name defaultLanguage ar: name(languageCode: ar) } }`,
      { id, input: { defaultLanguage: 'en' } },
      owner.accessToken,
    );
    expect(ok.data!.updateProduct).toEqual({ name: 'Royal jelly', defaultLanguage: 'en', ar: 'Royal jelly' });
    const bad = await t.gql(UPDATE, { id, input: { defaultLanguage: 'ar' } }, owner.accessToken);
    expect(bad.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'input.defaultLanguage' })],
    });
  });

  it("is FORBIDDEN on another cooperative's product and NOT_FOUND for unknown ids", async () => {
    const { id } = await createProduct(t, owner.accessToken, coop);
    const res = await t.gql(UPDATE, { id, input: { categoryCode: 'honey' } }, otherOwner.accessToken);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    for (const unknown of ['00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const r = await t.gql(UPDATE, { id: unknown, input: {} }, owner.accessToken);
      expect(r.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
  });
});

describe('status: DRAFT → PUBLISHED → ARCHIVED', () => {
  it('publishes, archives, and refuses illegal moves with INVALID_STATE_TRANSITION', async () => {
    const { id } = await createProduct(t, owner.accessToken, coop, { publish: false });
    const publish = await t.gql<{ publishProduct: { status: string } }>(PUBLISH, { id }, owner.accessToken);
    expect(publish.data!.publishProduct.status).toBe('PUBLISHED');
    const again = await t.gql(PUBLISH, { id }, owner.accessToken);
    expect(again.errors?.[0].extensions).toMatchObject({
      code: 'INVALID_STATE_TRANSITION',
      from: 'PUBLISHED',
      to: 'PUBLISHED',
    });
    const archive = await t.gql<{ archiveProduct: { status: string } }>(ARCHIVE, { id }, owner.accessToken);
    expect(archive.data!.archiveProduct.status).toBe('ARCHIVED');
    const revive = await t.gql(PUBLISH, { id }, owner.accessToken);
    expect(revive.errors?.[0].extensions).toMatchObject({
      code: 'INVALID_STATE_TRANSITION',
      from: 'ARCHIVED',
    });
  });

  it('lets only one of two racing publications succeed', async () => {
    const { id } = await createProduct(t, owner.accessToken, coop, { publish: false });
    const results = await Promise.all([1, 2, 3, 4].map(() => t.gql(PUBLISH, { id }, owner.accessToken)));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0].extensions?.code === 'INVALID_STATE_TRANSITION')).toHaveLength(
      3,
    );
  });
});

describe('visibility', () => {
  it('shows drafts to members and admins only; published products to everyone', async () => {
    const draft = await createProduct(t, owner.accessToken, coop, { publish: false });
    for (const [token, visible] of [
      [undefined, false],
      [buyer.accessToken, false],
      [otherOwner.accessToken, false],
      [staff.accessToken, true],
      [admin.accessToken, true],
    ] as const) {
      const res = await t.gql<{ product: { id: string } | null }>(BY_ID, { id: draft.id }, token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.product?.id ?? null).toBe(visible ? draft.id : null);
    }
    const published = await createProduct(t, owner.accessToken, coop);
    const res = await t.gql<{ product: { id: string } }>(
      `query($slug: String) { product(slug: $slug) { id } }`,
      {
        slug: published.slug,
      },
    );
    expect(res.data!.product.id).toBe(published.id);
  });

  it('hides the products of a suspended cooperative at once, without rewriting them', async () => {
    const { cooperativeId, owner: o } = await cooperativeWithOwner(t);
    const { id } = await createProduct(t, o.accessToken, cooperativeId);
    const listed = async () =>
      (
        await t.gql<{ products: { edges: { node: { id: string } }[] } }>(LIST_COOP, { cooperativeId })
      ).data!.products.edges.map((e) => e.node.id);
    expect(await listed()).toEqual([id]);
    await t.sql(`UPDATE cooperatives SET status = 'SUSPENDED' WHERE id = $1`, [cooperativeId]);
    expect(await listed()).toEqual([]);
    expect((await t.gql<{ product: null }>(BY_ID, { id })).data!.product).toBeNull();
    const [row] = await t.sql(`SELECT status FROM products WHERE id = $1`, [id]);
    expect(row.status).toBe('PUBLISHED');
    // Its members can still see it, but cannot change it while suspended.
    expect((await t.gql<{ product: { id: string } }>(BY_ID, { id }, o.accessToken)).data!.product.id).toBe(
      id,
    );
    const edit = await t.gql(ARCHIVE, { id }, o.accessToken);
    expect(edit.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await t.sql(`UPDATE cooperatives SET status = 'APPROVED' WHERE id = $1`, [cooperativeId]);
    expect(await listed()).toEqual([id]);
  });

  it('lists a cooperative’s products on Cooperative.products, drafts for its members only', async () => {
    const { cooperativeId, owner: o } = await cooperativeWithOwner(t);
    const published = await createProduct(t, o.accessToken, cooperativeId);
    const draft = await createProduct(t, o.accessToken, cooperativeId, { publish: false });
    const query = `query($id: ID) { cooperative(id: $id) { products(first: 10) { totalCount edges { node { id } } } } }`;
    const pub = await t.gql<{
      cooperative: { products: { totalCount: number; edges: { node: { id: string } }[] } };
    }>(query, { id: cooperativeId });
    expect(pub.errors).toBeUndefined();
    expect(pub.data!.cooperative.products.edges.map((e) => e.node.id)).toEqual([published.id]);
    expect(pub.data!.cooperative.products.totalCount).toBe(1);
    const mine = await t.gql<{ cooperative: { products: { edges: { node: { id: string } }[] } } }>(
      query,
      { id: cooperativeId },
      o.accessToken,
    );
    expect(mine.data!.cooperative.products.edges.map((e) => e.node.id)).toEqual([draft.id, published.id]);
  });
});

const PRODUCT_FIELDS = `id slug status defaultLanguage name fr: name(languageCode: fr) ar: name(languageCode: ar)
  en: name(languageCode: en) descriptionAr: description(languageCode: ar)
  category { code } cooperative { id } images { id }
  priceRange { min { amount currency } max { amount currency } }
  certifications { id valid verified }
  variants { id sku name stock inStock options { name value } price { amount currency } }`;
const CREATE = `mutation($input: CreateProductInput!) { createProduct(input: $input) { ${PRODUCT_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { ${PRODUCT_FIELDS} } }`;
const PUBLISH = `mutation($id: ID!) { publishProduct(id: $id) { id status } }`;
const ARCHIVE = `mutation($id: ID!) { archiveProduct(id: $id) { id status } }`;
const BY_ID = `query($id: ID) { product(id: $id) { id status } }`;
const LIST_COOP = `query($cooperativeId: ID) { products(filter: { cooperativeId: $cooperativeId }) { edges { node { id } } } }`;
