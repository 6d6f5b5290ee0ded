import { randomBytes } from 'node:crypto';
import { ProductRepository, ProductStatus, type BulkProductRow } from '@taawoun/catalog';
import {
  CooperativeRepository,
  CooperativeStatus,
  Sector,
  type BulkCooperativeRow,
} from '@taawoun/cooperatives';
import { Db, LanguageCode } from '@taawoun/core';
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
const PROVINCES = ['MA-CAS', 'MA-NOU', 'MA-JDI', 'MA-AGD', 'MA-FES'] as const;

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

/** The five APPROVED cooperatives the products go to when the database has none. */
function generatedCooperatives(): BulkCooperativeRow[] {
  return PROVINCES.map((provinceCode, i) => {
    const g = i + 1;
    return {
      slug: `generated-${g}`,
      name: `Coopérative générée ${g}`,
      registrationNumber: `GEN-${g}`,
      sector: Sector.HANDICRAFT,
      provinceCode,
      foundedOn: '2018-01-01',
      memberCount: 10,
      womenMemberCount: 6,
      womenLed: g % 2 === 0,
      description: null,
      contactPhone: '+212600000000',
      status: CooperativeStatus.APPROVED,
    };
  });
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

/**
 * `npm run seed -- --products N`: N generated products for load tests, spread over the
 * APPROVED cooperatives (five are created when there are none), each with 1 to 3 variants.
 * Through the repositories' bulk paths (`ProductRepository.insertBulk`, one statement per batch
 * of 10,000 products with their variants; `CooperativeRepository.insertBulk`); the search
 * trigger fills the search columns as rows go in.
 */
export async function generateProducts(
  { dataSource, logger, report }: SeedContext,
  count: number,
): Promise<void> {
  if (!Number.isInteger(count) || count < 1 || count > 5_000_000)
    throw new Error(`--products must be an integer between 1 and 5,000,000, got ${count}`);
  const started = Date.now();
  const db = new Db(dataSource);
  const cooperatives = new CooperativeRepository(db);
  const products = new ProductRepository(db);
  let ids = await cooperatives.idsWithStatus(CooperativeStatus.APPROVED);
  if (ids.length === 0) ids = await cooperatives.insertBulk(generatedCooperatives(), 500);
  if (ids.length === 0) throw new Error('No APPROVED cooperative to attach generated products to');
  // A run tag keeps slugs and SKUs unique when the generator runs again on the same database.
  const run = randomBytes(3).toString('hex');
  const now = Date.now();
  for (let offset = 0; offset < count; offset += BATCH) {
    const size = Math.min(BATCH, count - offset);
    const batch = Array.from({ length: size }, (_, i) => generatedProduct(offset + i + 1, run, ids, now));
    await products.insertBulk(batch);
    logger.info({ done: offset + size, of: count }, 'generated products');
  }
  const seconds = (Date.now() - started) / 1000;
  report.push(
    `Generated ${count} products over ${ids.length} cooperatives in ${seconds.toFixed(1)} s ` +
      `(${Math.round(count / seconds)} products/s).`,
  );
}
