import { randomUUID } from 'node:crypto';
import { CooperativeRole, RequestContext, type Actor } from '@taawoun/core';
import { CertificationService, ProductService, VariantService } from '@taawoun/catalog';
import { cooperativeWithOwner, createProduct, productInput, uniqueSku } from './support/catalog-fixtures.js';
import type { TestUser } from './support/actors.js';
import { rejectedFields as fieldsOf } from './support/domain-errors.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/**
 * Services name the fields of their errors in domain terms (`categoryCode`, `variants.1.sku`);
 * the resolvers map them once to argument paths (`input.categoryCode`, `input.sku`).
 */
let t: TestApi;
let coop: string;
let owner: TestUser;
let rc: RequestContext;

beforeAll(async () => {
  t = await startTestApi();
  ({ cooperativeId: coop, owner } = await cooperativeWithOwner(t));
  rc = new RequestContext(randomUUID());
  const actor: Actor = {
    userId: owner.id,
    platformRoles: new Set(),
    memberships: new Map([[coop, CooperativeRole.OWNER]]),
  };
  rc.actor = actor;
});
afterAll(() => t.close());

describe('domain field names', () => {
  it('ProductService names product fields without the GraphQL argument', async () => {
    const products = t.api.app.get(ProductService);
    const input = productInput(coop, { categoryCode: 'no-such-category' });
    expect(await fieldsOf(products.create(rc, input as never))).toEqual(['categoryCode']);
    const foreign = productInput(coop, { certificationIds: [randomUUID()] });
    expect(await fieldsOf(products.create(rc, foreign as never))).toEqual(['certificationIds.0']);
    const twice = productInput(coop, {
      translations: [
        { languageCode: 'fr', name: 'Miel' },
        { languageCode: 'fr', name: 'Miel encore' },
      ],
    });
    expect(await fieldsOf(products.create(rc, twice as never))).toEqual(['translations.1.languageCode']);
  });

  it('VariantService and CertificationService too', async () => {
    const sku = uniqueSku('DOMAIN');
    const product = await createProduct(t, owner.accessToken, coop, { variants: [{ sku }] });
    const variants = t.api.app.get(VariantService);
    const variant = { sku, options: [{ name: 'poids', value: '1kg' }], priceAmount: 100, stock: 1 };
    expect(await fieldsOf(variants.add(rc, product.id, variant))).toEqual(['variants.0.sku']);
    const certifications = t.api.app.get(CertificationService);
    const late = { type: 'ORGANIC', reference: 'BIO-1', issuedOn: '2025-01-02', expiresOn: '2025-01-01' };
    expect(await fieldsOf(certifications.add(rc, coop, late as never))).toEqual(['expiresOn']);
  });

  it('the resolvers map them to argument paths', async () => {
    const create = await t.gql(
      `mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }`,
      { input: productInput(coop, { categoryCode: 'no-such-category' }) },
      owner.accessToken,
    );
    expect(create.errors?.[0].extensions?.fields).toEqual([
      expect.objectContaining({ field: 'input.categoryCode' }),
    ]);
    // A SKU taken by the second of two new variants: the field names its index.
    const sku = uniqueSku('DOMAIN');
    await createProduct(t, owner.accessToken, coop, { variants: [{ sku }] });
    const second = await t.gql(
      `mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }`,
      { input: productInput(coop, { variants: [{}, { sku }] }) },
      owner.accessToken,
    );
    expect(second.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'input.variants.1.sku' })],
    });
  });
});
