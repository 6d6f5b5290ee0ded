import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The e-mail outbox: messages written with the change that causes them, sent by a job. */
export class EmailOutbox1796003000000 implements MigrationInterface {
  name = 'EmailOutbox1796003000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "email_outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "to_address" text NOT NULL, "language" character varying(2) NOT NULL, "template" character varying(64) NOT NULL, "params" jsonb NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, "last_error" text, CONSTRAINT "PK_email_outbox" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_email_outbox_pending" ON "email_outbox" ("created_at") WHERE status = 'pending'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."IDX_email_outbox_pending"`);
    await q.query(`DROP TABLE "email_outbox"`);
  }
}
