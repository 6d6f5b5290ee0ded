import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountsAndCooperatives1795952600075 implements MigrationInterface {
  name = 'AccountsAndCooperatives1795952600075';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" citext NOT NULL, "full_name" text NOT NULL, "password_hash" text NOT NULL, "preferred_language" character varying(2) NOT NULL DEFAULT 'fr', "platform_roles" character varying(16) array NOT NULL DEFAULT '{}', "token_version" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_users_email" UNIQUE ("email"), CONSTRAINT "PK_users" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "refresh_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "family_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_refresh_tokens" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_refresh_tokens_family" ON "refresh_tokens"  ("family_id") `);
    await q.query(`CREATE UNIQUE INDEX "UQ_refresh_tokens_hash" ON "refresh_tokens"  ("token_hash") `);
    await q.query(
      `CREATE TABLE "cooperatives" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" character varying(120) NOT NULL, "name" character varying(200) NOT NULL, "registration_number" character varying(64) NOT NULL, "sector" character varying(32) NOT NULL, "province_code" character varying(8) NOT NULL, "founded_on" date NOT NULL, "member_count" integer NOT NULL, "women_member_count" integer, "women_led" boolean NOT NULL, "description" text, "contact_phone" character varying(32) NOT NULL, "status" character varying(32) NOT NULL DEFAULT 'SUBMITTED', "commission_rate_bps" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_cooperatives_registration_number" UNIQUE ("registration_number"), CONSTRAINT "UQ_cooperatives_slug" UNIQUE ("slug"), CONSTRAINT "CHK_cooperatives_status" CHECK ("status" IN ('DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'REJECTED', 'SUSPENDED')), CONSTRAINT "CHK_cooperatives_commission" CHECK ("commission_rate_bps" BETWEEN 0 AND 10000), CONSTRAINT "CHK_cooperatives_women_member_count" CHECK ("women_member_count" IS NULL OR ("women_member_count" >= 0 AND "women_member_count" <= "member_count")), CONSTRAINT "CHK_cooperatives_member_count" CHECK ("member_count" >= 0), CONSTRAINT "PK_cooperatives" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_cooperatives_province_code" ON "cooperatives"  ("province_code") `);
    await q.query(`CREATE INDEX "IDX_cooperatives_status" ON "cooperatives"  ("status") `);
    await q.query(
      `CREATE TABLE "cooperative_memberships" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "cooperative_id" uuid NOT NULL, "role" character varying(16) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_cooperative_memberships_user_cooperative" UNIQUE ("user_id", "cooperative_id"), CONSTRAINT "PK_cooperative_memberships" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_cooperative_memberships_cooperative" ON "cooperative_memberships"  ("cooperative_id") `,
    );
    await q.query(
      `ALTER TABLE "refresh_tokens" ADD CONSTRAINT "FK_refresh_tokens_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "cooperatives" ADD CONSTRAINT "FK_cooperatives_province" FOREIGN KEY ("province_code") REFERENCES "provinces"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "cooperative_memberships" ADD CONSTRAINT "FK_cooperative_memberships_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "cooperative_memberships" ADD CONSTRAINT "FK_cooperative_memberships_cooperative" FOREIGN KEY ("cooperative_id") REFERENCES "cooperatives"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "cooperative_memberships" DROP CONSTRAINT "FK_cooperative_memberships_cooperative"`,
    );
    await q.query(`ALTER TABLE "cooperative_memberships" DROP CONSTRAINT "FK_cooperative_memberships_user"`);
    await q.query(`ALTER TABLE "cooperatives" DROP CONSTRAINT "FK_cooperatives_province"`);
    await q.query(`ALTER TABLE "refresh_tokens" DROP CONSTRAINT "FK_refresh_tokens_user"`);
    await q.query(`DROP INDEX "public"."IDX_cooperative_memberships_cooperative"`);
    await q.query(`DROP TABLE "cooperative_memberships"`);
    await q.query(`DROP INDEX "public"."IDX_cooperatives_status"`);
    await q.query(`DROP INDEX "public"."IDX_cooperatives_province_code"`);
    await q.query(`DROP TABLE "cooperatives"`);
    await q.query(`DROP INDEX "public"."UQ_refresh_tokens_hash"`);
    await q.query(`DROP INDEX "public"."IDX_refresh_tokens_family"`);
    await q.query(`DROP TABLE "refresh_tokens"`);
    await q.query(`DROP TABLE "users"`);
  }
}
