import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13: the catalogue's facet summary, refreshed by a job each minute. One row per
 * combination of the common filters' keys (category, region, women-led, in stock, certified)
 * holding how many public products have it; one row per combination and valid certification
 * type for the certification facet; and when the summary was last computed.
 */
export class CatalogFacetSummary1796020500000 implements MigrationInterface {
  name = 'CatalogFacetSummary1796020500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "catalog_facet_cells" ("category_code" character varying(64) NOT NULL, "region_code" character varying(8) NOT NULL, "women_led" boolean NOT NULL, "in_stock" boolean NOT NULL, "certified" boolean NOT NULL, "products" integer NOT NULL, CONSTRAINT "PK_catalog_facet_cells" PRIMARY KEY ("category_code", "region_code", "women_led", "in_stock", "certified"))`,
    );
    await q.query(
      `CREATE TABLE "catalog_facet_certification_cells" ("category_code" character varying(64) NOT NULL, "region_code" character varying(8) NOT NULL, "women_led" boolean NOT NULL, "in_stock" boolean NOT NULL, "certification_type" character varying(32) NOT NULL, "products" integer NOT NULL, CONSTRAINT "PK_catalog_facet_certification_cells" PRIMARY KEY ("category_code", "region_code", "women_led", "in_stock", "certification_type"))`,
    );
    await q.query(
      `CREATE TABLE "catalog_facet_refresh" ("id" boolean NOT NULL DEFAULT true, "refreshed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_catalog_facet_refresh" PRIMARY KEY ("id"), CONSTRAINT "CHK_catalog_facet_refresh_one" CHECK ("id"))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "catalog_facet_refresh"`);
    await q.query(`DROP TABLE "catalog_facet_certification_cells"`);
    await q.query(`DROP TABLE "catalog_facet_cells"`);
  }
}
