import { Injectable } from '@nestjs/common';
import { type CooperativeRole, Db, type LanguageCode } from '@taawoun/core';
import type { InvitationStatus } from './invitation.model.js';

export interface InvitationRow {
  id: string;
  cooperative_id: string;
  email: string;
  role: CooperativeRole;
  /** Stored status, with EXPIRED computed for a PENDING invitation past its expiry. */
  status: InvitationStatus;
  expires_at: Date;
}

export interface CallerRow {
  email: string;
  verified: boolean;
  full_name: string;
  preferred_language: LanguageCode;
}

const COLUMNS = `i.id, i.cooperative_id, i.email::text AS email, i.role, i.expires_at,
  CASE WHEN i.status = 'PENDING' AND i.expires_at <= now() THEN 'EXPIRED' ELSE i.status END AS status`;

/** Every statement on `cooperative_invitations` (and the user look-ups invitations need). */
@Injectable()
export class InvitationRepository {
  constructor(private readonly db: Db) {}

  async caller(userId: string): Promise<CallerRow | null> {
    const [row] = await this.db.query<CallerRow>(
      `SELECT email::text AS email, email_verified_at IS NOT NULL AS verified, full_name, preferred_language
       FROM users WHERE id = $1`,
      [userId],
    );
    return row ?? null;
  }

  /** The language of the account holding this address, if any (for the e-mail only). */
  async languageOf(email: string): Promise<LanguageCode | null> {
    const [row] = await this.db.query<{ preferred_language: LanguageCode }>(
      `SELECT preferred_language FROM users WHERE email = $1`,
      [email],
    );
    return row?.preferred_language ?? null;
  }

  async cooperativeName(cooperativeId: string): Promise<string | null> {
    const [row] = await this.db.query<{ name: string }>(`SELECT name FROM cooperatives WHERE id = $1`, [
      cooperativeId,
    ]);
    return row?.name ?? null;
  }

  /** Whether a member of the cooperative has this address (members see each other's addresses). */
  async isMemberAddress(cooperativeId: string, email: string): Promise<boolean> {
    const rows = await this.db.query(
      `SELECT 1 FROM cooperative_memberships m JOIN users u ON u.id = m.user_id
       WHERE m.cooperative_id = $1 AND u.email = $2`,
      [cooperativeId, email],
    );
    return rows.length > 0;
  }

  async countPending(cooperativeId: string): Promise<number> {
    const [row] = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM cooperative_invitations
       WHERE cooperative_id = $1 AND status = 'PENDING' AND expires_at > now()`,
      [cooperativeId],
    );
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
    const [row] = await this.db.query<InvitationRow>(
      `INSERT INTO cooperative_invitations AS i (cooperative_id, email, role, invited_by, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(days => $5))
       ON CONFLICT (cooperative_id, email) WHERE status = 'PENDING'
       DO UPDATE SET role = EXCLUDED.role, invited_by = EXCLUDED.invited_by, expires_at = EXCLUDED.expires_at,
                     created_at = now()
       RETURNING ${COLUMNS}`,
      [cooperativeId, email, role, invitedBy, validDays],
    );
    return row;
  }

  async find(id: string): Promise<InvitationRow | null> {
    const [row] = await this.db.query<InvitationRow>(
      `SELECT ${COLUMNS} FROM cooperative_invitations i WHERE i.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** The cooperative an invitation belongs to (for the OWNER policy of revocation). */
  async cooperativeOf(id: string): Promise<string | null> {
    const [row] = await this.db.query<{ cooperative_id: string }>(
      `SELECT cooperative_id FROM cooperative_invitations WHERE id = $1`,
      [id],
    );
    return row?.cooperative_id ?? null;
  }

  /**
   * Moves a PENDING, unexpired invitation to `to` in one conditional statement (optionally only
   * when it is addressed to `email`); null when it was not PENDING (or expired) at that moment.
   */
  async settle(id: string, to: InvitationStatus, email: string | null): Promise<InvitationRow | null> {
    const [row] = await this.db.query<InvitationRow>(
      `UPDATE cooperative_invitations i SET status = $2, responded_at = now()
       WHERE i.id = $1 AND i.status = 'PENDING' AND i.expires_at > now() AND ($3::citext IS NULL OR i.email = $3::citext)
       RETURNING ${COLUMNS}`,
      [id, to, email],
    );
    return row ?? null;
  }

  /** PENDING, unexpired invitations to an address, newest first (at most 100). */
  pendingFor(email: string): Promise<InvitationRow[]> {
    return this.db.query<InvitationRow>(
      `SELECT ${COLUMNS} FROM cooperative_invitations i
       WHERE i.email = $1 AND i.status = 'PENDING' AND i.expires_at > now()
       ORDER BY i.created_at DESC, i.id LIMIT 100`,
      [email],
    );
  }

  /** The invitations of several cooperatives, newest first, at most 100 each. */
  ofCooperatives(cooperativeIds: readonly string[]): Promise<InvitationRow[]> {
    return this.db.query<InvitationRow>(
      `SELECT ${COLUMNS} FROM (
         SELECT *, row_number() OVER (PARTITION BY cooperative_id ORDER BY created_at DESC, id) AS n
         FROM cooperative_invitations WHERE cooperative_id = ANY($1::uuid[])) i
       WHERE i.n <= 100 ORDER BY i.created_at DESC, i.id`,
      [[...cooperativeIds]],
    );
  }
}
