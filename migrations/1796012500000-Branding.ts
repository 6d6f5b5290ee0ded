import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12: partner organisations and their members, identity requests and proposals, brand
 * kits. At most one unfinished (OPEN, ASSIGNED, PROPOSED) request per cooperative: a partial
 * unique index. Images are assets (RESTRICT: the daily clean-up of unattached uploads never takes one in use).
 */
export class Branding1796012500000 implements MigrationInterface {
  name = 'Branding1796012500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "partner_organizations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" citext NOT NULL, "description" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_partner_organizations_name" UNIQUE ("name"), CONSTRAINT "PK_partner_organizations" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "identity_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cooperative_id" uuid NOT NULL, "needs" text NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'OPEN', "partner_id" uuid, "requested_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_identity_requests_status" CHECK ("status" IN ('OPEN', 'ASSIGNED', 'PROPOSED', 'COMPLETED', 'CANCELLED')), CONSTRAINT "PK_identity_requests" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_identity_requests_partner" ON "identity_requests"  ("partner_id", "created_at") `,
    );
    await q.query(
      `CREATE INDEX "IDX_identity_requests_cooperative" ON "identity_requests"  ("cooperative_id", "created_at") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "UQ_identity_requests_unfinished" ON "identity_requests" ("cooperative_id") WHERE "status" IN ('OPEN', 'ASSIGNED', 'PROPOSED')`,
    );
    await q.query(
      `CREATE TABLE "identity_proposals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "submitted_by" uuid, "logo_asset_id" uuid NOT NULL, "banner_asset_id" uuid, "primary_color" character(7) NOT NULL, "secondary_color" character(7), "tagline" text, "status" character varying(16) NOT NULL DEFAULT 'PENDING', "feedback" text, "responded_by" uuid, "responded_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_identity_proposals_secondary_color" CHECK ("secondary_color" ~ '^#[0-9A-F]{6}$'), CONSTRAINT "CHK_identity_proposals_primary_color" CHECK ("primary_color" ~ '^#[0-9A-F]{6}$'), CONSTRAINT "CHK_identity_proposals_status" CHECK ("status" IN ('PENDING', 'ACCEPTED', 'DECLINED')), CONSTRAINT "PK_identity_proposals" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_identity_proposals_request" ON "identity_proposals"  ("request_id", "created_at") `,
    );
    await q.query(
      `CREATE TABLE "brand_kits" ("cooperative_id" uuid NOT NULL, "logo_asset_id" uuid NOT NULL, "banner_asset_id" uuid, "primary_color" character(7) NOT NULL, "secondary_color" character(7), "tagline" text, "proposal_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_brand_kits_secondary_color" CHECK ("secondary_color" ~ '^#[0-9A-F]{6}$'), CONSTRAINT "CHK_brand_kits_primary_color" CHECK ("primary_color" ~ '^#[0-9A-F]{6}$'), CONSTRAINT "PK_brand_kits" PRIMARY KEY ("cooperative_id"))`,
    );
    await q.query(
      `CREATE TABLE "partner_members" ("partner_id" uuid NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_partner_members" PRIMARY KEY ("partner_id", "user_id"))`,
    );
    await q.query(`CREATE INDEX "IDX_partner_members_user" ON "partner_members"  ("user_id") `);
    await q.query(
      `ALTER TABLE "identity_requests" ADD CONSTRAINT "FK_identity_requests_cooperative" FOREIGN KEY ("cooperative_id") REFERENCES "cooperatives"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "identity_requests" ADD CONSTRAINT "FK_identity_requests_partner" FOREIGN KEY ("partner_id") REFERENCES "partner_organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "identity_requests" ADD CONSTRAINT "FK_identity_requests_requested_by" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "identity_proposals" ADD CONSTRAINT "FK_identity_proposals_request" FOREIGN KEY ("request_id") REFERENCES "identity_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "identity_proposals" ADD CONSTRAINT "FK_identity_proposals_submitted_by" FOREIGN KEY ("submitted_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "identity_proposals" ADD CONSTRAINT "FK_identity_proposals_responded_by" FOREIGN KEY ("responded_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "brand_kits" ADD CONSTRAINT "FK_brand_kits_cooperative" FOREIGN KEY ("cooperative_id") REFERENCES "cooperatives"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "brand_kits" ADD CONSTRAINT "FK_brand_kits_proposal" FOREIGN KEY ("proposal_id") REFERENCES "identity_proposals"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "partner_members" ADD CONSTRAINT "FK_partner_members_partner" FOREIGN KEY ("partner_id") REFERENCES "partner_organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "partner_members" ADD CONSTRAINT "FK_partner_members_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "identity_proposals" ADD CONSTRAINT "FK_identity_proposals_logo" FOREIGN KEY ("logo_asset_id") REFERENCES "assets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "identity_proposals" ADD CONSTRAINT "FK_identity_proposals_banner" FOREIGN KEY ("banner_asset_id") REFERENCES "assets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "brand_kits" ADD CONSTRAINT "FK_brand_kits_logo" FOREIGN KEY ("logo_asset_id") REFERENCES "assets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "brand_kits" ADD CONSTRAINT "FK_brand_kits_banner" FOREIGN KEY ("banner_asset_id") REFERENCES "assets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "brand_kits" DROP CONSTRAINT "FK_brand_kits_banner"`);
    await q.query(`ALTER TABLE "brand_kits" DROP CONSTRAINT "FK_brand_kits_logo"`);
    await q.query(`ALTER TABLE "identity_proposals" DROP CONSTRAINT "FK_identity_proposals_banner"`);
    await q.query(`ALTER TABLE "identity_proposals" DROP CONSTRAINT "FK_identity_proposals_logo"`);
    await q.query(`ALTER TABLE "partner_members" DROP CONSTRAINT "FK_partner_members_user"`);
    await q.query(`ALTER TABLE "partner_members" DROP CONSTRAINT "FK_partner_members_partner"`);
    await q.query(`ALTER TABLE "brand_kits" DROP CONSTRAINT "FK_brand_kits_proposal"`);
    await q.query(`ALTER TABLE "brand_kits" DROP CONSTRAINT "FK_brand_kits_cooperative"`);
    await q.query(`ALTER TABLE "identity_proposals" DROP CONSTRAINT "FK_identity_proposals_responded_by"`);
    await q.query(`ALTER TABLE "identity_proposals" DROP CONSTRAINT "FK_identity_proposals_submitted_by"`);
    await q.query(`ALTER TABLE "identity_proposals" DROP CONSTRAINT "FK_identity_proposals_request"`);
    await q.query(`ALTER TABLE "identity_requests" DROP CONSTRAINT "FK_identity_requests_requested_by"`);
    await q.query(`ALTER TABLE "identity_requests" DROP CONSTRAINT "FK_identity_requests_partner"`);
    await q.query(`ALTER TABLE "identity_requests" DROP CONSTRAINT "FK_identity_requests_cooperative"`);
    await q.query(`DROP INDEX "public"."IDX_partner_members_user"`);
    await q.query(`DROP TABLE "partner_members"`);
    await q.query(`DROP TABLE "brand_kits"`);
    await q.query(`DROP INDEX "public"."IDX_identity_proposals_request"`);
    await q.query(`DROP TABLE "identity_proposals"`);
    await q.query(`DROP INDEX "public"."IDX_identity_requests_cooperative"`);
    await q.query(`DROP INDEX "public"."IDX_identity_requests_partner"`);
    await q.query(`DROP TABLE "identity_requests"`);
    await q.query(`DROP TABLE "partner_organizations"`);
  }
}
