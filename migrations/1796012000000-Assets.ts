import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12: uploaded files. An asset belongs to its uploader and, once attached, to one
 * cooperative; unattached uploads are cleaned by a daily job (the partial index finds them).
 */
export class Assets1796012000000 implements MigrationInterface {
  name = 'Assets1796012000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "assets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" character varying(64) NOT NULL, "owner_id" uuid, "cooperative_id" uuid, "kind" character varying(32), "public" boolean NOT NULL DEFAULT false, "mime_type" character varying(32) NOT NULL, "byte_size" integer NOT NULL, "width" integer, "height" integer, "variants" text array NOT NULL DEFAULT '{}', "attached_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_assets_mime_type" CHECK ("mime_type" IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')), CONSTRAINT "CHK_assets_kind" CHECK ("kind" IN ('PRODUCT_IMAGE', 'CERTIFICATION_DOCUMENT', 'COOPERATIVE_DOCUMENT', 'BRAND_LOGO', 'BRAND_BANNER')), CONSTRAINT "CHK_assets_byte_size" CHECK ("byte_size" >= 0), CONSTRAINT "PK_assets" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "UQ_assets_key" ON "assets" ("key") `);
    await q.query(`CREATE INDEX "IDX_assets_owner" ON "assets" ("owner_id") `);
    await q.query(`CREATE INDEX "IDX_assets_cooperative" ON "assets" ("cooperative_id") `);
    await q.query(
      `CREATE INDEX "IDX_assets_unattached" ON "assets" ("created_at") WHERE "cooperative_id" IS NULL`,
    );
    await q.query(
      `ALTER TABLE "assets" ADD CONSTRAINT "FK_assets_owner" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "assets" ADD CONSTRAINT "FK_assets_cooperative" FOREIGN KEY ("cooperative_id") REFERENCES "cooperatives"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "assets" DROP CONSTRAINT "FK_assets_cooperative"`);
    await q.query(`ALTER TABLE "assets" DROP CONSTRAINT "FK_assets_owner"`);
    await q.query(`DROP TABLE "assets"`);
  }
}
