import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 8 item 4: members join by accepting an invitation sent to their address. At most one
 * PENDING invitation per cooperative and address (a re-invitation refreshes it); EXPIRED is not
 * stored, it is a PENDING one past `expires_at`.
 */
export class CooperativeInvitations1796005100000 implements MigrationInterface {
  name = 'CooperativeInvitations1796005100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "cooperative_invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cooperative_id" uuid NOT NULL, "email" citext NOT NULL, "role" character varying(16) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'PENDING', "invited_by" uuid, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "responded_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_cooperative_invitations_status" CHECK ("status" IN ('PENDING', 'ACCEPTED', 'DECLINED', 'REVOKED')), CONSTRAINT "CHK_cooperative_invitations_role" CHECK ("role" IN ('OWNER', 'MANAGER', 'STAFF')), CONSTRAINT "PK_cooperative_invitations" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_cooperative_invitations_cooperative" ON "cooperative_invitations" ("cooperative_id", "created_at") `,
    );
    await q.query(`CREATE INDEX "IDX_cooperative_invitations_email" ON "cooperative_invitations" ("email") `);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_cooperative_invitations_pending" ON "cooperative_invitations" ("cooperative_id", "email") WHERE "status" = 'PENDING'`,
    );
    await q.query(
      `ALTER TABLE "cooperative_invitations" ADD CONSTRAINT "FK_cooperative_invitations_cooperative" FOREIGN KEY ("cooperative_id") REFERENCES "cooperatives"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "cooperative_invitations" ADD CONSTRAINT "FK_cooperative_invitations_invited_by" FOREIGN KEY ("invited_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "cooperative_invitations"`);
  }
}
