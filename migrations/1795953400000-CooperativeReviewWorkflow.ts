import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cooperatives' review workflow: review notes, the audit log, supporting documents (asset_id
 * gets its foreign key with the assets table), the reviewer, a trigram index for typo-tolerant
 * name search, and a trigger refusing any status move outside the workflow.
 */
export class CooperativeReviewWorkflow1795953400000 implements MigrationInterface {
  name = 'CooperativeReviewWorkflow1795953400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "audit_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "actor_id" uuid, "action" character varying(64) NOT NULL, "target_type" character varying(32) NOT NULL, "target_id" uuid NOT NULL, "data" jsonb NOT NULL DEFAULT '{}', "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_audit_log" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_audit_log_target" ON "audit_log"  ("target_type", "target_id", "at") `);
    await q.query(
      `CREATE TABLE "cooperative_documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cooperative_id" uuid NOT NULL, "kind" character varying(32) NOT NULL, "asset_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_cooperative_documents_kind" CHECK ("kind" IN ('STATUTES', 'REGISTRATION_CERTIFICATE', 'OTHER')), CONSTRAINT "PK_cooperative_documents" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_cooperative_documents_cooperative" ON "cooperative_documents"  ("cooperative_id") `,
    );
    await q.query(
      `CREATE TABLE "cooperative_review_notes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cooperative_id" uuid NOT NULL, "decision" character varying(16) NOT NULL, "note" text NOT NULL, "author_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_cooperative_review_notes_decision" CHECK ("decision" IN ('APPROVE', 'REJECT', 'REQUEST_CHANGES')), CONSTRAINT "PK_cooperative_review_notes" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_cooperative_review_notes_cooperative" ON "cooperative_review_notes"  ("cooperative_id", "created_at") `,
    );
    await q.query(`ALTER TABLE "cooperatives" ADD "reviewer_id" uuid`);
    await q.query(`ALTER TABLE "cooperatives" ADD "review_started_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(
      `ALTER TABLE "cooperatives" ADD CONSTRAINT "FK_cooperatives_reviewer" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "audit_log" ADD CONSTRAINT "FK_audit_log_actor" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "cooperative_documents" ADD CONSTRAINT "FK_cooperative_documents_cooperative" FOREIGN KEY ("cooperative_id") REFERENCES "cooperatives"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "cooperative_review_notes" ADD CONSTRAINT "FK_cooperative_review_notes_cooperative" FOREIGN KEY ("cooperative_id") REFERENCES "cooperatives"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "cooperative_review_notes" ADD CONSTRAINT "FK_cooperative_review_notes_author" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    await q.query(
      `CREATE INDEX "IDX_cooperatives_name_trgm" ON "cooperatives" USING GIN (lower(immutable_unaccent("name")) gin_trgm_ops)`,
    );
    // The workflow of review/cooperative-transitions.ts, enforced for every writer. Inserts may
    // start in any state (seeds, fixtures); updates must follow an edge of the graph.
    await q.query(`CREATE FUNCTION cooperatives_status_transition() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status IS DISTINCT FROM OLD.status AND NOT (OLD.status, NEW.status) IN (
          ('DRAFT', 'SUBMITTED'),
          ('SUBMITTED', 'UNDER_REVIEW'),
          ('UNDER_REVIEW', 'APPROVED'), ('UNDER_REVIEW', 'REJECTED'), ('UNDER_REVIEW', 'CHANGES_REQUESTED'),
          ('CHANGES_REQUESTED', 'SUBMITTED'),
          ('APPROVED', 'SUSPENDED'),
          ('SUSPENDED', 'APPROVED')
        ) AND coalesce(current_setting('taawoun.allow_any_cooperative_status', true), '') <> 'on' THEN
          RAISE EXCEPTION 'cooperative % cannot go from % to %', OLD.id, OLD.status, NEW.status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'cooperatives_status_transition';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER "cooperatives_status_transition" BEFORE UPDATE OF "status" ON "cooperatives"
      FOR EACH ROW EXECUTE FUNCTION cooperatives_status_transition()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "cooperatives_status_transition" ON "cooperatives"`);
    await q.query(`DROP FUNCTION cooperatives_status_transition()`);
    await q.query(`DROP INDEX "public"."IDX_cooperatives_name_trgm"`);
    await q.query(
      `ALTER TABLE "cooperative_review_notes" DROP CONSTRAINT "FK_cooperative_review_notes_author"`,
    );
    await q.query(
      `ALTER TABLE "cooperative_review_notes" DROP CONSTRAINT "FK_cooperative_review_notes_cooperative"`,
    );
    await q.query(
      `ALTER TABLE "cooperative_documents" DROP CONSTRAINT "FK_cooperative_documents_cooperative"`,
    );
    await q.query(`ALTER TABLE "audit_log" DROP CONSTRAINT "FK_audit_log_actor"`);
    await q.query(`ALTER TABLE "cooperatives" DROP CONSTRAINT "FK_cooperatives_reviewer"`);
    await q.query(`ALTER TABLE "cooperatives" DROP COLUMN "review_started_at"`);
    await q.query(`ALTER TABLE "cooperatives" DROP COLUMN "reviewer_id"`);
    await q.query(`DROP INDEX "public"."IDX_cooperative_review_notes_cooperative"`);
    await q.query(`DROP TABLE "cooperative_review_notes"`);
    await q.query(`DROP INDEX "public"."IDX_cooperative_documents_cooperative"`);
    await q.query(`DROP TABLE "cooperative_documents"`);
    await q.query(`DROP INDEX "public"."IDX_audit_log_target"`);
    await q.query(`DROP TABLE "audit_log"`);
  }
}
