import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CATEGORIES_V1 } from './data/categories-v1.js';
import { MOROCCO_REGIONS_2015 } from './data/morocco-regions-2015.js';

/** Extensions, reference data tables (regions, provinces, categories) and their rows. */
export class Foundation1764403200000 implements MigrationInterface {
  name = 'Foundation1764403200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS citext`);
    // unaccent() is STABLE; indexes need an IMMUTABLE wrapper with the dictionary fixed.
    await q.query(
      `CREATE OR REPLACE FUNCTION immutable_unaccent(text) RETURNS text
       LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
       AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`,
    );
    await q.query(
      `CREATE TABLE "regions" ("code" character varying(8) NOT NULL, "name_fr" text NOT NULL, "name_ar" text NOT NULL, "position" smallint NOT NULL, CONSTRAINT "PK_regions" PRIMARY KEY ("code"))`,
    );
    await q.query(
      `CREATE TABLE "provinces" ("code" character varying(8) NOT NULL, "region_code" character varying(8) NOT NULL, "name_fr" text NOT NULL, "name_ar" text NOT NULL, "kind" character varying(16) NOT NULL, CONSTRAINT "PK_provinces" PRIMARY KEY ("code"), CONSTRAINT "CHK_provinces_kind" CHECK ("kind" IN ('PROVINCE', 'PREFECTURE')))`,
    );
    await q.query(`CREATE INDEX "IDX_provinces_region_code" ON "provinces" ("region_code")`);
    await q.query(
      `ALTER TABLE "provinces" ADD CONSTRAINT "FK_provinces_region" FOREIGN KEY ("region_code") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `CREATE TABLE "categories" ("code" character varying(64) NOT NULL, "parent_code" character varying(64), "name_fr" text NOT NULL, "name_ar" text NOT NULL, "name_en" text NOT NULL, "position" smallint NOT NULL, CONSTRAINT "PK_categories" PRIMARY KEY ("code"))`,
    );
    await q.query(`CREATE INDEX "IDX_categories_parent_code" ON "categories" ("parent_code")`);
    await q.query(
      `ALTER TABLE "categories" ADD CONSTRAINT "FK_categories_parent" FOREIGN KEY ("parent_code") REFERENCES "categories"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    for (const [position, region] of MOROCCO_REGIONS_2015.entries()) {
      await q.query(
        `INSERT INTO "regions" ("code", "name_fr", "name_ar", "position") VALUES ($1, $2, $3, $4)`,
        [region.code, region.nameFr, region.nameAr, position],
      );
      for (const p of region.provinces) {
        await q.query(
          `INSERT INTO "provinces" ("code", "region_code", "name_fr", "name_ar", "kind") VALUES ($1, $2, $3, $4, $5)`,
          [p.code, region.code, p.nameFr, p.nameAr, p.kind],
        );
      }
    }
    for (const c of CATEGORIES_V1) {
      await q.query(
        `INSERT INTO "categories" ("code", "parent_code", "name_fr", "name_ar", "name_en", "position") VALUES ($1, $2, $3, $4, $5, $6)`,
        [c.code, c.parentCode, c.nameFr, c.nameAr, c.nameEn, c.position],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "categories"`);
    await q.query(`DROP TABLE "provinces"`);
    await q.query(`DROP TABLE "regions"`);
    await q.query(`DROP FUNCTION immutable_unaccent(text)`);
  }
}
