import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Abuse limits: fixed-window counters shared by every replica (`rate_limit_buckets`), and login
 * failures remembered per e-mail *and* client address, so a stranger's failures slow the
 * stranger instead of locking the owner out. Stored attempts are short-lived state: the old
 * ones (without an address) are dropped.
 */
export class AbuseLimits1796004000000 implements MigrationInterface {
  name = 'AbuseLimits1796004000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "rate_limit_buckets" ("key" text NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "hits" integer NOT NULL, CONSTRAINT "PK_rate_limit_buckets" PRIMARY KEY ("key", "window_start"))`,
    );
    await q.query(`CREATE INDEX "IDX_rate_limit_buckets_expires_at" ON "rate_limit_buckets" ("expires_at")`);
    await q.query(`DELETE FROM "login_attempts"`);
    await q.query(`ALTER TABLE "login_attempts" ADD "ip" text NOT NULL`);
    await q.query(
      `CREATE INDEX "IDX_login_attempts_email_ip_at" ON "login_attempts" ("email", "ip", "attempted_at") `,
    );
    await q.query(`CREATE INDEX "IDX_login_attempts_ip_at" ON "login_attempts" ("ip", "attempted_at") `);
    await q.query(`CREATE INDEX "IDX_login_attempts_at" ON "login_attempts" ("attempted_at") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."IDX_login_attempts_at"`);
    await q.query(`DROP INDEX "public"."IDX_login_attempts_ip_at"`);
    await q.query(`DROP INDEX "public"."IDX_login_attempts_email_ip_at"`);
    await q.query(`ALTER TABLE "login_attempts" DROP COLUMN "ip"`);
    await q.query(`DROP INDEX "public"."IDX_rate_limit_buckets_expires_at"`);
    await q.query(`DROP TABLE "rate_limit_buckets"`);
  }
}
