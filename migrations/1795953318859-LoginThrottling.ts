import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Failed login attempts per e-mail, shared by every API replica (login throttling). */
export class LoginThrottling1795953318859 implements MigrationInterface {
  name = 'LoginThrottling1795953318859';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "login_attempts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "attempted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_login_attempts" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_login_attempts_email_at" ON "login_attempts"  ("email", "attempted_at") `,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."IDX_login_attempts_email_at"`);
    await q.query(`DROP TABLE "login_attempts"`);
  }
}
