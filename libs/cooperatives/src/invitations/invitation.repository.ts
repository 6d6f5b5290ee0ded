import { Injectable } from '@nestjs/common';
import { type CooperativeRole, Db } from '@taawoun/core';
import type { InvitationStatus } from './invitation.model.js';

export interface InvitationRow {
  id: string;
  cooperativeId: string;
  email: string;
  role: CooperativeRole;
  /** Stored status, with EXPIRED computed for a PENDING invitation past its expiry. */
  status: InvitationStatus;
  expiresAt: Date;
}

const COLUMNS = `i.id, i.cooperative_id AS "cooperativeId", i.email::text AS email, i.role, i.expires_at AS "expiresAt",
  CASE WHEN i.status = 'PENDING' AND i.expires_at <= now() THEN 'EXPIRED' ELSE i.status END AS status`;

export const INVITATION_SQL = {
  countPending: `SELECT count(*)::int AS n FROM cooperative_invitations
    WHERE cooperative_id = $1 AND status = 'PENDING' AND expires_at > now()`,
  upsertPending: `INSERT INTO cooperative_invitations AS i (cooperative_id, email, role, invited_by, expires_at)
    VALUES ($1, $2, $3, $4, now() + make_interval(days => $5))
    ON CONFLICT (cooperative_id, email) WHERE status = 'PENDING'
    DO UPDATE SET role = EXCLUDED.role, invited_by = EXCLUDED.invited_by, expires_at = EXCLUDED.expires_at,
                  created_at = now()
    RETURNING ${COLUMNS}`,
  find: `SELECT ${COLUMNS} FROM cooperative_invitations i WHERE i.id = $1`,
  settle: `UPDATE cooperative_invitations i SET status = $2, responded_at = now()
    WHERE i.id = $1 AND i.status = 'PENDING' AND i.expires_at > now() AND ($3::citext IS NULL OR i.email = $3::citext)
    RETURNING ${COLUMNS}`,
  pendingFor: `SELECT ${COLUMNS} FROM cooperative_invitations i
    WHERE i.email = $1 AND i.status = 'PENDING' AND i.expires_at > now()
    ORDER BY i.created_at DESC, i.id LIMIT 100`,
  ofCooperatives: `SELECT ${COLUMNS} FROM (
      SELECT *, row_number() OVER (PARTITION BY cooperative_id ORDER BY created_at DESC, id) AS n
      FROM cooperative_invitations WHERE cooperative_id = ANY($1::uuid[])) i
    WHERE i.n <= 100 ORDER BY i.created_at DESC, i.id`,
} as const;

/** Every statement on `cooperative_invitations`. */
@Injectable()
export class InvitationRepository {
  constructor(private readonly db: Db) {}

  async countPending(cooperativeId: string): Promise<number> {
    const [row] = await this.db.query<{ n: number }>(INVITATION_SQL.countPending, [cooperativeId]);
    return row.n;
  }

  /** Creates the PENDING invitation, or refreshes the one already pending for this address. */
  async upsertPending(
    cooperativeId: string,
    email: string,
    role: CooperativeRole,
    invitedBy: string,
    validDays: number,
  ): Promise<InvitationRow> {
    const [row] = await this.db.query<InvitationRow>(INVITATION_SQL.upsertPending, [
      cooperativeId,
      email,
      role,
      invitedBy,
      validDays,
    ]);
    return row;
  }

  async find(id: string): Promise<InvitationRow | null> {
    const [row] = await this.db.query<InvitationRow>(INVITATION_SQL.find, [id]);
    return row ?? null;
  }

  /**
   * Moves a PENDING, unexpired invitation to `to` in one conditional statement (optionally only
   * when it is addressed to `email`); null when it was not PENDING (or expired) at that moment.
   */
  async settle(id: string, to: InvitationStatus, email: string | null): Promise<InvitationRow | null> {
    const [row] = await this.db.query<InvitationRow>(INVITATION_SQL.settle, [id, to, email]);
    return row ?? null;
  }

  /** PENDING, unexpired invitations to an address, newest first (at most 100). */
  pendingFor(email: string): Promise<InvitationRow[]> {
    return this.db.query<InvitationRow>(INVITATION_SQL.pendingFor, [email]);
  }

  /** The invitations of several cooperatives, newest first, at most 100 each. */
  ofCooperatives(cooperativeIds: readonly string[]): Promise<InvitationRow[]> {
    return this.db.query<InvitationRow>(INVITATION_SQL.ofCooperatives, [[...cooperativeIds]]);
  }
}
