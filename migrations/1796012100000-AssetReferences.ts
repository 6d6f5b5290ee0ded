import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12: product images, certificate documents and cooperative documents refer to real assets.
 * Before this issue there were no assets, so every existing reference points at nothing (product
 * images were never shown): such rows are removed (documents cleared) before the foreign keys.
 * NO ACTION on delete: the clean-up of unattached uploads must not remove a referenced file.
 */
export class AssetReferences1796012100000 implements MigrationInterface {
  name = 'AssetReferences1796012100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM "product_images" pi WHERE NOT EXISTS (SELECT 1 FROM "assets" a WHERE a."id" = pi."asset_id")`,
    );
    await q.query(
      `UPDATE "certifications" c SET "document_asset_id" = NULL WHERE "document_asset_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "assets" a WHERE a."id" = c."document_asset_id")`,
    );
    await q.query(
      `DELETE FROM "cooperative_documents" d WHERE NOT EXISTS (SELECT 1 FROM "assets" a WHERE a."id" = d."asset_id")`,
    );
    await q.query(
      `CREATE INDEX "IDX_certifications_document_asset" ON "certifications" ("document_asset_id") `,
    );
    await q.query(`CREATE INDEX "IDX_cooperative_documents_asset" ON "cooperative_documents" ("asset_id") `);
    await q.query(
      `ALTER TABLE "product_images" ADD CONSTRAINT "FK_product_images_asset" FOREIGN KEY ("asset_id") REFERENCES "assets"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "certifications" ADD CONSTRAINT "FK_certifications_document_asset" FOREIGN KEY ("document_asset_id") REFERENCES "assets"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "cooperative_documents" ADD CONSTRAINT "FK_cooperative_documents_asset" FOREIGN KEY ("asset_id") REFERENCES "assets"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "cooperative_documents" DROP CONSTRAINT "FK_cooperative_documents_asset"`);
    await q.query(`ALTER TABLE "certifications" DROP CONSTRAINT "FK_certifications_document_asset"`);
    await q.query(`ALTER TABLE "product_images" DROP CONSTRAINT "FK_product_images_asset"`);
    await q.query(`DROP INDEX "public"."IDX_cooperative_documents_asset"`);
    await q.query(`DROP INDEX "public"."IDX_certifications_document_asset"`);
  }
}
