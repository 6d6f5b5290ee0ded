import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account safety: verified e-mail addresses, single-use account tokens (verification, password
 * reset) and the token_version each refresh token was issued at.
 */
export class AccountSecurity1796003100000 implements MigrationInterface {
  name = 'AccountSecurity1796003100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" ADD "email_verified_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "refresh_tokens" ADD "token_version" integer NOT NULL DEFAULT '0'`);
    // Tokens already out were issued at the user's current version: keep those sessions.
    await q.query(
      `UPDATE "refresh_tokens" t SET "token_version" = u."token_version" FROM "users" u WHERE u."id" = t."user_id"`,
    );
    await q.query(
      `CREATE TABLE "account_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(32) NOT NULL, "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_account_tokens" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_account_tokens_user_kind" ON "account_tokens" ("user_id", "kind") `);
    await q.query(`CREATE UNIQUE INDEX "UQ_account_tokens_hash" ON "account_tokens" ("token_hash") `);
    await q.query(
      `ALTER TABLE "account_tokens" ADD CONSTRAINT "FK_account_tokens_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "account_tokens" DROP CONSTRAINT "FK_account_tokens_user"`);
    await q.query(`DROP INDEX "public"."UQ_account_tokens_hash"`);
    await q.query(`DROP INDEX "public"."IDX_account_tokens_user_kind"`);
    await q.query(`DROP TABLE "account_tokens"`);
    await q.query(`ALTER TABLE "refresh_tokens" DROP COLUMN "token_version"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "email_verified_at"`);
  }
}
