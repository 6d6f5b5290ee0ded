import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Catalog: products (translations as columns), variants with stock and its movements, images
 * by asset id, certifications and their reminders; search functions, triggers and GIN indexes.
 */
export class CatalogProducts1795953200000 implements MigrationInterface {
  name = 'CatalogProducts1795953200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "certifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cooperative_id" uuid NOT NULL, "type" character varying(32) NOT NULL, "reference" character varying(120) NOT NULL, "issued_on" date NOT NULL, "expires_on" date, "verified" boolean NOT NULL DEFAULT false, "verified_at" TIMESTAMP WITH TIME ZONE, "verified_by" uuid, "document_asset_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_certifications_reference" UNIQUE ("cooperative_id", "type", "reference"), CONSTRAINT "CHK_certifications_dates" CHECK ("expires_on" IS NULL OR "expires_on" >= "issued_on"), CONSTRAINT "CHK_certifications_type" CHECK ("type" IN ('FOOD_SAFETY_AUTHORIZATION', 'NATIONAL_STANDARD', 'ORGANIC', 'GEOGRAPHICAL_INDICATION', 'OTHER')), CONSTRAINT "PK_certifications" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_certifications_cooperative_id" ON "certifications"  ("cooperative_id") `,
    );
    await q.query(`CREATE INDEX "IDX_certifications_expires_on" ON "certifications"  ("expires_on") `);
    await q.query(
      `CREATE TABLE "certification_reminders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "certification_id" uuid NOT NULL, "expires_on" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_certification_reminders_expiry" UNIQUE ("certification_id", "expires_on"), CONSTRAINT "PK_certification_reminders" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "products" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cooperative_id" uuid NOT NULL, "category_code" character varying(64) NOT NULL, "slug" character varying(160) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'DRAFT', "default_language" character varying(2) NOT NULL, "name_fr" text, "name_ar" text, "name_en" text, "description_fr" text, "description_ar" text, "description_en" text, "min_price_amount" integer NOT NULL DEFAULT '0', "max_price_amount" integer NOT NULL DEFAULT '0', "search_document" tsvector, "search_text" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_products_slug" UNIQUE ("slug"), CONSTRAINT "CHK_products_default_name" CHECK (("default_language" = 'fr' AND "name_fr" IS NOT NULL) OR ("default_language" = 'ar' AND "name_ar" IS NOT NULL) OR ("default_language" = 'en' AND "name_en" IS NOT NULL)), CONSTRAINT "CHK_products_default_language" CHECK ("default_language" IN ('fr', 'ar', 'en')), CONSTRAINT "CHK_products_status" CHECK ("status" IN ('DRAFT', 'PUBLISHED', 'ARCHIVED')), CONSTRAINT "PK_products" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_products_cooperative_id" ON "products"  ("cooperative_id") `);
    await q.query(`CREATE INDEX "IDX_products_category_code" ON "products"  ("category_code") `);
    await q.query(`CREATE INDEX "IDX_products_min_price" ON "products"  ("min_price_amount", "id") `);
    await q.query(`CREATE INDEX "IDX_products_newest" ON "products"  ("created_at", "id") `);
    await q.query(
      `CREATE TABLE "product_images" ("product_id" uuid NOT NULL, "asset_id" uuid NOT NULL, "position" smallint NOT NULL, CONSTRAINT "PK_product_images" PRIMARY KEY ("product_id", "asset_id"))`,
    );
    await q.query(`CREATE INDEX "IDX_product_images_asset_id" ON "product_images"  ("asset_id") `);
    await q.query(
      `CREATE TABLE "product_certifications" ("product_id" uuid NOT NULL, "certification_id" uuid NOT NULL, CONSTRAINT "PK_product_certifications" PRIMARY KEY ("product_id", "certification_id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_product_certifications_certification_id" ON "product_certifications"  ("certification_id") `,
    );
    await q.query(
      `CREATE TABLE "product_variants" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "product_id" uuid NOT NULL, "cooperative_id" uuid NOT NULL, "sku" character varying(64) NOT NULL, "options" jsonb NOT NULL DEFAULT '[]', "price_amount" integer NOT NULL, "currency" character varying(3) NOT NULL DEFAULT 'MAD', "stock" integer NOT NULL, "position" smallint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_product_variants_cooperative_sku" UNIQUE ("cooperative_id", "sku"), CONSTRAINT "CHK_product_variants_price" CHECK ("price_amount" >= 1 AND "price_amount" <= 10000000), CONSTRAINT "CHK_product_variants_stock" CHECK ("stock" >= 0), CONSTRAINT "PK_product_variants" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_product_variants_product_id" ON "product_variants"  ("product_id") `);
    await q.query(
      `CREATE TABLE "stock_movements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "variant_id" uuid NOT NULL, "delta" integer NOT NULL, "resulting_stock" integer NOT NULL, "reason" character varying(200) NOT NULL, "author_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_stock_movements_resulting_stock" CHECK ("resulting_stock" >= 0), CONSTRAINT "CHK_stock_movements_delta" CHECK ("delta" <> 0), CONSTRAINT "PK_stock_movements" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_stock_movements_variant_id" ON "stock_movements"  ("variant_id") `);
    await q.query(
      `ALTER TABLE "certifications" ADD CONSTRAINT "FK_certifications_cooperative" FOREIGN KEY ("cooperative_id") REFERENCES "cooperatives"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "certifications" ADD CONSTRAINT "FK_certifications_verified_by" FOREIGN KEY ("verified_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "certification_reminders" ADD CONSTRAINT "FK_certification_reminders_certification" FOREIGN KEY ("certification_id") REFERENCES "certifications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "products" ADD CONSTRAINT "FK_products_cooperative" FOREIGN KEY ("cooperative_id") REFERENCES "cooperatives"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "products" ADD CONSTRAINT "FK_products_category" FOREIGN KEY ("category_code") REFERENCES "categories"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "product_images" ADD CONSTRAINT "FK_product_images_product" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "product_certifications" ADD CONSTRAINT "FK_product_certifications_product" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "product_certifications" ADD CONSTRAINT "FK_product_certifications_certification" FOREIGN KEY ("certification_id") REFERENCES "certifications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "product_variants" ADD CONSTRAINT "FK_product_variants_product" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "product_variants" ADD CONSTRAINT "FK_product_variants_cooperative" FOREIGN KEY ("cooperative_id") REFERENCES "cooperatives"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "stock_movements" ADD CONSTRAINT "FK_stock_movements_variant" FOREIGN KEY ("variant_id") REFERENCES "product_variants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "stock_movements" ADD CONSTRAINT "FK_stock_movements_author" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );

    // ---- search: hand-written (functions, triggers and indexes TypeORM cannot model)
    await q.query(`CREATE EXTENSION IF NOT EXISTS fuzzystrmatch`);
    // Lower-case, unaccented, Arabic without tashkeel (U+064B–U+065F, U+0670) or tatweel (U+0640),
    // hamza-carrying alefs folded to alef, alef maqsura to ya and ta marbuta to ha.
    await q.query(
      `CREATE OR REPLACE FUNCTION catalog_normalize(text) RETURNS text
       LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
       AS $$ SELECT lower(immutable_unaccent(translate(regexp_replace($1, '[\\u064B-\\u065F\\u0670\\u0640]', '', 'g'), 'أإآٱىة', 'اااايه'))) $$`,
    );
    await q.query(
      `CREATE OR REPLACE FUNCTION catalog_sorted_letters(text) RETURNS text
       LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
       AS $$ SELECT string_agg(c, '' ORDER BY c COLLATE "C") FROM regexp_split_to_table($1, '') AS c $$`,
    );
    // A typo of a word: one edit (two from 7 letters on), a swap of two letters, or close trigrams.
    await q.query(
      `CREATE OR REPLACE FUNCTION catalog_is_typo(candidate text, word text) RETURNS boolean
       LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
       AS $$ SELECT abs(length(candidate) - length(word)) <= 2 AND (
                levenshtein_less_equal(candidate, word, 2) <= CASE WHEN length(word) >= 7 THEN 2 ELSE 1 END
             OR (length(candidate) = length(word) AND catalog_sorted_letters(candidate) = catalog_sorted_letters(word))
             OR similarity(candidate, word) >= 0.5) $$`,
    );
    await q.query(
      `CREATE TABLE "catalog_search_words" ("word" text NOT NULL, CONSTRAINT "PK_catalog_search_words" PRIMARY KEY ("word"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_catalog_search_words_trgm" ON "catalog_search_words" USING gin ("word" gin_trgm_ops)`,
    );
    // The tsquery of a search phrase: every word (as a prefix) or one of its typo neighbours
    // found in the catalog's own vocabulary, all words required.
    await q.query(
      `CREATE OR REPLACE FUNCTION catalog_search_query(text) RETURNS tsquery
       LANGUAGE sql STABLE PARALLEL SAFE STRICT
       AS $$
         WITH words AS (
           SELECT lexeme AS word FROM unnest(to_tsvector('simple', catalog_normalize($1)))
         ), alternatives AS (
           SELECT w.word, string_agg(quote_literal(a.alt) || CASE WHEN a.alt = w.word THEN ':*' ELSE '' END, ' | ') AS alts
             FROM words w
             CROSS JOIN LATERAL (
               SELECT w.word AS alt
               UNION
               SELECT v.word FROM catalog_search_words v
                WHERE length(w.word) >= 4 AND v.word <> w.word AND catalog_is_typo(v.word, w.word)
             ) a
            GROUP BY w.word
         )
         SELECT to_tsquery('simple', string_agg('(' || alts || ')', ' & ')) FROM alternatives
       $$`,
    );
    await q.query(
      `CREATE OR REPLACE FUNCTION catalog_products_search_refresh() RETURNS trigger
       LANGUAGE plpgsql
       AS $$
       BEGIN
         NEW.search_text := catalog_normalize(concat_ws(' ', NEW.name_fr, NEW.name_ar, NEW.name_en,
                                                        NEW.description_fr, NEW.description_ar, NEW.description_en));
         NEW.search_document :=
           setweight(to_tsvector('simple', catalog_normalize(concat_ws(' ', NEW.name_fr, NEW.name_ar, NEW.name_en))), 'A') ||
           setweight(to_tsvector('simple', catalog_normalize(concat_ws(' ', NEW.description_fr, NEW.description_ar, NEW.description_en))), 'B');
         -- The vocabulary of typo correction (numbers are not words to correct). Sorted, so
         -- concurrent writers insert shared words in one order (no deadlock).
         INSERT INTO catalog_search_words (word)
           SELECT lexeme FROM unnest(NEW.search_document) WHERE length(lexeme) BETWEEN 3 AND 40 AND lexeme !~ '^[0-9]+$' ORDER BY lexeme
           ON CONFLICT DO NOTHING;
         RETURN NEW;
       END $$`,
    );
    await q.query(
      `CREATE TRIGGER "TRG_products_search" BEFORE INSERT OR UPDATE OF name_fr, name_ar, name_en, description_fr, description_ar, description_en
       ON "products" FOR EACH ROW EXECUTE FUNCTION catalog_products_search_refresh()`,
    );
    await q.query(`CREATE INDEX "IDX_products_search_document" ON "products" USING gin ("search_document")`);
    await q.query(
      `CREATE INDEX "IDX_products_search_text_trgm" ON "products" USING gin ("search_text" gin_trgm_ops)`,
    );
    // min/max variant price on the product, the sort key of PRICE_ASC/PRICE_DESC.
    await q.query(
      `CREATE OR REPLACE FUNCTION catalog_products_price_refresh_rows() RETURNS trigger
       LANGUAGE plpgsql
       AS $$
       BEGIN
         UPDATE products p SET min_price_amount = s.min_price, max_price_amount = s.max_price
           FROM (SELECT v.product_id, min(v.price_amount) AS min_price, max(v.price_amount) AS max_price
                   FROM product_variants v WHERE v.product_id IN (SELECT product_id FROM changed)
                  GROUP BY v.product_id) s
          WHERE p.id = s.product_id
            AND (p.min_price_amount, p.max_price_amount) IS DISTINCT FROM (s.min_price, s.max_price);
         RETURN NULL;
       END $$`,
    );
    await q.query(
      `CREATE TRIGGER "TRG_product_variants_price_insert" AFTER INSERT ON "product_variants"
       REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalog_products_price_refresh_rows()`,
    );
    await q.query(
      `CREATE OR REPLACE FUNCTION catalog_products_price_refresh_row() RETURNS trigger
       LANGUAGE plpgsql
       AS $$
       BEGIN
         UPDATE products p SET min_price_amount = s.min_price, max_price_amount = s.max_price
           FROM (SELECT min(price_amount) AS min_price, max(price_amount) AS max_price
                   FROM product_variants WHERE product_id = NEW.product_id) s
          WHERE p.id = NEW.product_id
            AND (p.min_price_amount, p.max_price_amount) IS DISTINCT FROM (s.min_price, s.max_price);
         RETURN NULL;
       END $$`,
    );
    // Only on a price change: stock updates must never touch (and lock) the product row.
    await q.query(
      `CREATE TRIGGER "TRG_product_variants_price_update" AFTER UPDATE OF price_amount ON "product_variants"
       FOR EACH ROW WHEN (OLD.price_amount IS DISTINCT FROM NEW.price_amount)
       EXECUTE FUNCTION catalog_products_price_refresh_row()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "TRG_product_variants_price_update" ON "product_variants"`);
    await q.query(`DROP TRIGGER "TRG_product_variants_price_insert" ON "product_variants"`);
    await q.query(`DROP FUNCTION catalog_products_price_refresh_row()`);
    await q.query(`DROP FUNCTION catalog_products_price_refresh_rows()`);
    await q.query(`DROP INDEX "IDX_products_search_text_trgm"`);
    await q.query(`DROP INDEX "IDX_products_search_document"`);
    await q.query(`DROP TRIGGER "TRG_products_search" ON "products"`);
    await q.query(`DROP FUNCTION catalog_products_search_refresh()`);
    await q.query(`DROP FUNCTION catalog_search_query(text)`);
    await q.query(`DROP TABLE "catalog_search_words"`);
    await q.query(`DROP FUNCTION catalog_is_typo(text, text)`);
    await q.query(`DROP FUNCTION catalog_sorted_letters(text)`);
    await q.query(`DROP FUNCTION catalog_normalize(text)`);
    await q.query(`ALTER TABLE "stock_movements" DROP CONSTRAINT "FK_stock_movements_author"`);
    await q.query(`ALTER TABLE "stock_movements" DROP CONSTRAINT "FK_stock_movements_variant"`);
    await q.query(`ALTER TABLE "product_variants" DROP CONSTRAINT "FK_product_variants_cooperative"`);
    await q.query(`ALTER TABLE "product_variants" DROP CONSTRAINT "FK_product_variants_product"`);
    await q.query(
      `ALTER TABLE "product_certifications" DROP CONSTRAINT "FK_product_certifications_certification"`,
    );
    await q.query(`ALTER TABLE "product_certifications" DROP CONSTRAINT "FK_product_certifications_product"`);
    await q.query(`ALTER TABLE "product_images" DROP CONSTRAINT "FK_product_images_product"`);
    await q.query(`ALTER TABLE "products" DROP CONSTRAINT "FK_products_category"`);
    await q.query(`ALTER TABLE "products" DROP CONSTRAINT "FK_products_cooperative"`);
    await q.query(
      `ALTER TABLE "certification_reminders" DROP CONSTRAINT "FK_certification_reminders_certification"`,
    );
    await q.query(`ALTER TABLE "certifications" DROP CONSTRAINT "FK_certifications_verified_by"`);
    await q.query(`ALTER TABLE "certifications" DROP CONSTRAINT "FK_certifications_cooperative"`);
    await q.query(`DROP INDEX "public"."IDX_stock_movements_variant_id"`);
    await q.query(`DROP TABLE "stock_movements"`);
    await q.query(`DROP INDEX "public"."IDX_product_variants_product_id"`);
    await q.query(`DROP TABLE "product_variants"`);
    await q.query(`DROP INDEX "public"."IDX_product_certifications_certification_id"`);
    await q.query(`DROP TABLE "product_certifications"`);
    await q.query(`DROP INDEX "public"."IDX_product_images_asset_id"`);
    await q.query(`DROP TABLE "product_images"`);
    await q.query(`DROP INDEX "public"."IDX_products_newest"`);
    await q.query(`DROP INDEX "public"."IDX_products_min_price"`);
    await q.query(`DROP INDEX "public"."IDX_products_category_code"`);
    await q.query(`DROP INDEX "public"."IDX_products_cooperative_id"`);
    await q.query(`DROP TABLE "products"`);
    await q.query(`DROP TABLE "certification_reminders"`);
    await q.query(`DROP INDEX "public"."IDX_certifications_expires_on"`);
    await q.query(`DROP INDEX "public"."IDX_certifications_cooperative_id"`);
    await q.query(`DROP TABLE "certifications"`);
  }
}
