import { randomBytes } from 'node:crypto';
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

/**
 * `npm run seed -- --products N`: N generated products for load tests, spread over the
 * APPROVED cooperatives (five are created when there are none), each with 1 to 3 variants.
 * Set-based (INSERT ... SELECT generate_series) in batches of 10,000, one transaction each;
 * the search trigger fills the search columns as rows go in.
 */
export async function generateProducts(
  { dataSource, logger, report }: SeedContext,
  count: number,
): Promise<void> {
  if (!Number.isInteger(count) || count < 1 || count > 5_000_000)
    throw new Error(`--products must be an integer between 1 and 5,000,000, got ${count}`);
  const started = Date.now();
  let cooperatives = await dataSource.query<
    {
      id: string;
    }[]
  >(`SELECT id FROM cooperatives WHERE status = 'APPROVED' ORDER BY id`);
  if (cooperatives.length === 0) {
    cooperatives = await dataSource.query<{ id: string }[]>(
      `INSERT INTO cooperatives (slug, name, registration_number, sector, province_code, founded_on, member_count,
                                 women_member_count, women_led, contact_phone, status, commission_rate_bps)
       SELECT 'generated-' || g, 'Coopérative générée ' || g, 'GEN-' || g, 'HANDICRAFT',
              (ARRAY['MA-CAS','MA-NOU','MA-JDI','MA-AGD','MA-FES'])[g], '2018-01-01', 10, 6, g % 2 = 0,
              '+212600000000', 'APPROVED', 500
         FROM generate_series(1, 5) g
       ON CONFLICT DO NOTHING RETURNING id`,
    );
  }
  const ids = cooperatives.map((c) => c.id);
  if (ids.length === 0) throw new Error('No APPROVED cooperative to attach generated products to');
  // A run tag keeps slugs and SKUs unique when the generator runs again on the same database.
  const run = randomBytes(3).toString('hex');
  const col = (i: number) => NOUNS.map((n) => n[i]);
  const qcol = (i: number) => QUALIFIERS.map((q) => q[i]);
  for (let offset = 0; offset < count; offset += BATCH) {
    const size = Math.min(BATCH, count - offset);
    await dataSource.transaction(async (m) => {
      // Variant count and prices derive from g, so the product row is written with its final
      // min/max price and the price trigger has nothing left to update.
      await m.query(
        `WITH rows AS (
           SELECT g, 1 + g % $3::int AS n, 1 + (g / $3::int) % $4::int AS q, 1 + (g * 7919) % $5::int AS c,
                  1 + g % 3 AS variants
             FROM generate_series($1::int + 1, $1::int + $2::int) AS g
         ), inserted AS (
           INSERT INTO products (cooperative_id, category_code, slug, status, default_language,
                                 name_fr, name_ar, name_en, description_fr, description_en, published_at, created_at,
                                 min_price_amount, max_price_amount)
           SELECT ($6::uuid[])[c], ($7::text[])[n], 'gen-' || $14 || '-' || g, 'PUBLISHED', 'fr',
                  ($8::text[])[n] || ' ' || ($11::text[])[q],
                  ($9::text[])[n] || ' ' || ($12::text[])[q],
                  initcap(($13::text[])[q]) || ' ' || lower(($10::text[])[n]),
                  ($8::text[])[n] || ' ' || ($11::text[])[q] || ', produit par une coopérative marocaine.',
                  'A ' || ($13::text[])[q] || ' ' || lower(($10::text[])[n]) || ' from a Moroccan cooperative.',
                  now(), now() - make_interval(secs => g),
                  (SELECT min(1000 + (g * 37 + k * 9973) % 200000) FROM generate_series(1, variants) k),
                  (SELECT max(1000 + (g * 37 + k * 9973) % 200000) FROM generate_series(1, variants) k)
             FROM rows
           RETURNING id, cooperative_id, slug)
         INSERT INTO product_variants (product_id, cooperative_id, sku, options, price_amount, stock, position)
         SELECT i.id, i.cooperative_id, 'GEN-' || $14 || '-' || r.g || '-' || k,
                jsonb_build_array(jsonb_build_object('name', 'format', 'value', (ARRAY['petit','moyen','grand'])[k])),
                1000 + (r.g * 37 + k * 9973) % 200000, (r.g * 13 + k) % 40, k - 1
           FROM inserted i
           JOIN rows r ON i.slug = 'gen-' || $14 || '-' || r.g
           CROSS JOIN LATERAL generate_series(1, r.variants) AS k`,
        [
          offset,
          size,
          NOUNS.length,
          QUALIFIERS.length,
          ids.length,
          ids,
          col(3),
          col(0),
          col(1),
          col(2),
          qcol(0),
          qcol(1),
          qcol(2),
          run,
        ],
      );
    });
    logger.info({ done: offset + size, of: count }, 'generated products');
  }
  const seconds = (Date.now() - started) / 1000;
  report.push(
    `Generated ${count} products over ${ids.length} cooperatives in ${seconds.toFixed(1)} s ` +
      `(${Math.round(count / seconds)} products/s).`,
  );
}
