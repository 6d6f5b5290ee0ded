import { randomBytes } from 'node:crypto';
import { LanguageCode } from '@taawoun/core';
import { ProductRepository, ProductStatus, type BulkProductRow } from '@taawoun/catalog';
import { cooperativeWithOwner } from './support/catalog-fixtures.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/** ProductRepository.insertBulk: the bench generator's path, through the repository. */
let t: TestApi;
let coop: string;
beforeAll(async () => {
  t = await startTestApi();
  ({ cooperativeId: coop } = await cooperativeWithOwner(t));
});
afterAll(() => t.close());

function bulkProduct(tag: string, i: number, prices: number[]): BulkProductRow {
  return {
    cooperativeId: coop,
    categoryCode: 'honey',
    slug: `bulk-${tag}-${i}`,
    status: ProductStatus.PUBLISHED,
    defaultLanguage: LanguageCode.fr,
    nameFr: `Miel groupé${tag}`,
    nameAr: null,
    nameEn: null,
    descriptionFr: 'Écrit en bloc',
    descriptionAr: null,
    descriptionEn: null,
    publishedAt: new Date(),
    createdAt: new Date(Date.now() - i * 1000),
    variants: prices.map((priceAmount, k) => ({
      sku: `BULK-${tag}-${i}-${k}`,
      options: [{ name: 'format', value: `f${k}` }],
      priceAmount,
      stock: k,
    })),
  };
}

it('writes products with their variants, prices and search columns in one statement', async () => {
  const tag = randomBytes(3).toString('hex');
  const written = await t.api.app
    .get(ProductRepository)
    .insertBulk([bulkProduct(tag, 1, [500, 300, 900]), bulkProduct(tag, 2, [1200])]);
  expect(written).toBe(4);
  const products = await t.sql<{ slug: string; min: number; max: number; searchable: boolean }>(
    `SELECT slug, min_price_amount AS min, max_price_amount AS max, search_document IS NOT NULL AS searchable
       FROM products WHERE slug LIKE $1 ORDER BY slug`,
    [`bulk-${tag}-%`],
  );
  expect(products).toEqual([
    { slug: `bulk-${tag}-1`, min: 300, max: 900, searchable: true },
    { slug: `bulk-${tag}-2`, min: 1200, max: 1200, searchable: true },
  ]);
  const variants = await t.sql<{ sku: string; position: number; price: number }>(
    `SELECT v.sku, v.position, v.price_amount AS price FROM product_variants v
       JOIN products p ON p.id = v.product_id WHERE p.slug = $1 ORDER BY v.position`,
    [`bulk-${tag}-1`],
  );
  expect(variants).toEqual([
    { sku: `BULK-${tag}-1-0`, position: 0, price: 500 },
    { sku: `BULK-${tag}-1-1`, position: 1, price: 300 },
    { sku: `BULK-${tag}-1-2`, position: 2, price: 900 },
  ]);
  // Public and found by the API's search like any other product.
  const res = await t.gql<{ products: { totalCount: number } }>(
    `query($c: ID) { products(filter: { cooperativeId: $c, search: "groupé${tag}" }) { totalCount } }`,
    { c: coop },
  );
  expect(res.data?.products.totalCount).toBe(2);
});
