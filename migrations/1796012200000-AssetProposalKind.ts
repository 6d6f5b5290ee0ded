import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 12: BRAND_PROPOSAL, the private kind of a partner's proposed logo or banner. */
export class AssetProposalKind1796012200000 implements MigrationInterface {
  name = 'AssetProposalKind1796012200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "assets" DROP CONSTRAINT "CHK_assets_kind"`);
    await q.query(
      `ALTER TABLE "assets" ADD CONSTRAINT "CHK_assets_kind" CHECK ("kind" IN ('PRODUCT_IMAGE', 'CERTIFICATION_DOCUMENT', 'COOPERATIVE_DOCUMENT', 'BRAND_LOGO', 'BRAND_BANNER', 'BRAND_PROPOSAL'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE "assets" SET "kind" = 'COOPERATIVE_DOCUMENT' WHERE "kind" = 'BRAND_PROPOSAL'`);
    await q.query(`ALTER TABLE "assets" DROP CONSTRAINT "CHK_assets_kind"`);
    await q.query(
      `ALTER TABLE "assets" ADD CONSTRAINT "CHK_assets_kind" CHECK ("kind" IN ('PRODUCT_IMAGE', 'CERTIFICATION_DOCUMENT', 'COOPERATIVE_DOCUMENT', 'BRAND_LOGO', 'BRAND_BANNER'))`,
    );
  }
}
