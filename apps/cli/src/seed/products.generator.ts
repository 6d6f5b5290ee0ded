import { randomBytes } from 'node:crypto';
import { AssetKind, AssetRepository } from '@taawoun/assets';
import {
  FacetSummaryRepository,
  ProductRepository,
  ProductStatus,
  type BulkProductRow,
} from '@taawoun/catalog';
import { CooperativeRepository, CooperativeStatus } from '@taawoun/cooperatives';
import { Db, LanguageCode } from '@taawoun/core';
import { generateCooperatives } from './generated-cooperatives.js';
import type { SeedContext } from './seeder.js';

/** Product nouns: French, Arabic, English and the category they belong to. */
const NOUNS: readonly (readonly [string, string, string, string])[] = [
  ['Miel', 'عسل', 'Honey', 'honey'],
  ["Huile d'argan", 'زيت الأركان', 'Argan oil', 'argan-oil'],
  ['Couscous', 'كسكس', 'Couscous', 'couscous'],
  ['Dattes', 'تمر', 'Dates', 'dates'],
  ["Huile d'olive", 'زيت الزيتون', 'Olive oil', 'olive-oil'],
  ['Savon', 'صابون', 'Soap', 'soaps'],
  ['Tajine', 'طاجين', 'Tagine', 'pottery'],
  ['Tapis', 'زربية', 'Rug', 'rugs'],
  ['Djellaba', 'جلابة', 'Djellaba', 'djellabas'],
  ['Caftan', 'قفطان', 'Kaftan', 'kaftans'],
  ['Amlou', 'أملو', 'Amlou', 'amlou'],
  ["Cire d'abeille", 'شمع العسل', 'Beeswax', 'beeswax'],
  ['Panier', 'سلة', 'Basket', 'basketry'],
  ['Babouches', 'بلغة', 'Babouches', 'leather'],
  ['Ghassoul', 'غاسول', 'Ghassoul', 'cosmetics'],
  ['Propolis', 'عكبر', 'Propolis', 'propolis'],
];

const QUALIFIERS: readonly (readonly [string, string, string])[] = [
  ['traditionnel', 'تقليدي', 'traditional'],
  ['bio', 'عضوي', 'organic'],
  ['artisanal', 'حرفي', 'artisanal'],
  ['du Souss', 'من سوس', 'from Souss'],
  ["de l'Atlas", 'من الأطلس', 'from the Atlas'],
  ['fait main', 'مصنوع يدويا', 'handmade'],
  ['premium', 'ممتاز', 'premium'],
  ['naturel', 'طبيعي', 'natural'],
  ['du Rif', 'من الريف', 'from the Rif'],
  ['de Tafilalet', 'من تافيلالت', 'from Tafilalet'],
  ['des Doukkala', 'من دكالة', 'from Doukkala'],
  ['familial', 'عائلي', 'family-made'],
];

const BATCH = 10_000;
const SIZES = ['petit', 'moyen', 'grand'] as const;

/** Every word capitalised, like PostgreSQL's initcap (`from the Atlas` → `From The Atlas`). */
function initcap(text: string): string {
  return text
    .toLowerCase()
    .split(' ')
    .map((word) =>
      word
        .split('-')
        .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
        .join('-'),
    )
    .join(' ');
}

/**
 * Generated product number `g` (1-based) of run `run`: its noun, qualifier and cooperative, its
 * 1 to 3 variants and their prices derive from `g`, so every run writes the same catalogue shape.
 */
function generatedProduct(
  g: number,
  run: string,
  cooperativeIds: readonly string[],
  now: number,
): BulkProductRow {
  const [nounFr, nounAr, nounEn, category] = NOUNS[g % NOUNS.length];
  const [qualifierFr, qualifierAr, qualifierEn] =
    QUALIFIERS[Math.floor(g / NOUNS.length) % QUALIFIERS.length];
  const english = `${initcap(qualifierEn)} ${nounEn.toLowerCase()}`;
  const variants = Array.from({ length: 1 + (g % 3) }, (_, i) => {
    const k = i + 1;
    return {
      sku: `GEN-${run}-${g}-${k}`,
      options: [{ name: 'format', value: SIZES[i] }],
      priceAmount: 1000 + ((g * 37 + k * 9973) % 200000),
      stock: (g * 13 + k) % 40,
    };
  });
  return {
    cooperativeId: cooperativeIds[(g * 7919) % cooperativeIds.length],
    categoryCode: category,
    slug: `gen-${run}-${g}`,
    status: ProductStatus.PUBLISHED,
    defaultLanguage: LanguageCode.fr,
    nameFr: `${nounFr} ${qualifierFr}`,
    nameAr: `${nounAr} ${qualifierAr}`,
    nameEn: english,
    descriptionFr: `${nounFr} ${qualifierFr}, produit par une coopérative marocaine.`,
    descriptionAr: null,
    descriptionEn: `A ${qualifierEn} ${nounEn.toLowerCase()} from a Moroccan cooperative.`,
    publishedAt: new Date(now),
    createdAt: new Date(now - g * 1000),
    variants,
  };
}

/** One public WebP image per product (rows only: no file behind them, the URLs answer 404). */
function generatedImages(batch: readonly BulkProductRow[]) {
  return batch.map((product) => ({
    slug: product.slug,
    asset: {
      key: `${product.slug}.webp`,
      cooperativeId: product.cooperativeId,
      kind: AssetKind.PRODUCT_IMAGE,
      public: true,
      mimeType: 'image/webp',
      byteSize: 40_000,
      width: 800,
      height: 800,
    },
  }));
}

/**
 * `npm run seed -- --products N [--cooperatives M]`: N generated products for load tests, spread
 * over the APPROVED cooperatives (when there are none, M are generated over every province, 5 by
 * default, about two in three with certifications), each with 1 to 3 variants, one image, and
 * every certification of its cooperative for one product in two. Through the bulk paths
 * (`ProductRepository.insertBulk`, one statement per batch of 10,000 products with their
 * variants; `CooperativeRepository`, `CertificationRepository`, `AssetRepository` and the
 * product link tables likewise); the search trigger fills the search columns as rows go in.
 * A second run adds N more products to the same cooperatives (the bench grows a catalog so).
 */
export async function generateProducts(
  { dataSource, logger, report }: SeedContext,
  count: number,
  cooperativeCount = 5,
): Promise<void> {
  if (!Number.isInteger(count) || count < 1 || count > 5_000_000)
    throw new Error(`--products must be an integer between 1 and 5,000,000, got ${count}`);
  if (!Number.isInteger(cooperativeCount) || cooperativeCount < 1 || cooperativeCount > 100_000)
    throw new Error(`--cooperatives must be an integer between 1 and 100,000, got ${cooperativeCount}`);
  const started = Date.now();
  const db = new Db(dataSource);
  const products = new ProductRepository(db);
  const assets = new AssetRepository(db);
  // A run tag keeps slugs, SKUs and keys unique when the generator runs again on the same database.
  const run = randomBytes(3).toString('hex');
  let ids = await new CooperativeRepository(db).idsWithStatus(CooperativeStatus.APPROVED);
  if (ids.length === 0) ids = await generateCooperatives(db, cooperativeCount, run);
  if (ids.length === 0) throw new Error('No APPROVED cooperative to attach generated products to');
  const now = Date.now();
  for (let offset = 0; offset < count; offset += BATCH) {
    const size = Math.min(BATCH, count - offset);
    const batch = Array.from({ length: size }, (_, i) => generatedProduct(offset + i + 1, run, ids, now));
    await products.insertBulk(batch);
    await products.linkCooperativeCertificationsBulk(batch.filter((_, i) => i % 2 === 0).map((p) => p.slug));
    const images = generatedImages(batch);
    const keys = new Map((await assets.insertBulk(images.map((x) => x.asset))).map((a) => [a.key, a.id]));
    await products.insertImagesBulk(
      images.map((x) => ({ slug: x.slug, assetId: keys.get(x.asset.key)!, position: 0 })),
    );
    logger.info({ done: offset + size, of: count }, 'generated products');
  }
  const seconds = (Date.now() - started) / 1000;
  // The worker refreshes the facet summary each minute; a generated catalogue gets it at once, so
  // that the common lists (and the bench's filtered scenario) read exact totals from the start.
  const summaryStarted = Date.now();
  await new FacetSummaryRepository(db).refresh();
  report.push(`Facet summary refreshed in ${((Date.now() - summaryStarted) / 1000).toFixed(1)} s.`);
  report.push(
    `Generated ${count} products over ${ids.length} cooperatives in ${seconds.toFixed(1)} s ` +
      `(${Math.round(count / seconds)} products/s).`,
  );
}
