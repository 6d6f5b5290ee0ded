import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 8 items 6 and 9. Members' edits to the vetted facts of an approved cooperative wait in
 * `cooperative_profile_changes` (one row per cooperative) for an admin. Registration numbers are
 * unique among vetted (APPROVED or SUSPENDED) cooperatives only, so an application can neither
 * probe nor squat another application's number; a plain index finds duplicates for reviewers.
 */
export class VettedProfileChanges1796005000000 implements MigrationInterface {
  name = 'VettedProfileChanges1796005000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "cooperative_profile_changes" ("cooperative_id" uuid NOT NULL, "changes" jsonb NOT NULL, "requested_by" uuid, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cooperative_profile_changes" PRIMARY KEY ("cooperative_id"))`,
    );
    await q.query(
      `ALTER TABLE "cooperative_profile_changes" ADD CONSTRAINT "FK_cooperative_profile_changes_cooperative" FOREIGN KEY ("cooperative_id") REFERENCES "cooperatives"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "cooperative_profile_changes" ADD CONSTRAINT "FK_cooperative_profile_changes_requested_by" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(`ALTER TABLE "cooperatives" DROP CONSTRAINT "UQ_cooperatives_registration_number"`);
    await q.query(
      `CREATE INDEX "IDX_cooperatives_registration_number" ON "cooperatives" ("registration_number") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "UQ_cooperatives_registration_number_vetted" ON "cooperatives" ("registration_number") WHERE "status" IN ('APPROVED', 'SUSPENDED')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "UQ_cooperatives_registration_number_vetted"`);
    await q.query(`DROP INDEX "IDX_cooperatives_registration_number"`);
    await q.query(
      `ALTER TABLE "cooperatives" ADD CONSTRAINT "UQ_cooperatives_registration_number" UNIQUE ("registration_number")`,
    );
    await q.query(`DROP TABLE "cooperative_profile_changes"`);
  }
}
