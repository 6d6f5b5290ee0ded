import { Injectable } from '@nestjs/common';
import { Db } from '@taawoun/core';

/** A token that was just marked used: the caller may continue its family. */
export interface RotatedRefreshTokenRow {
  userId: string;
  familyId: string;
}

/** What is known of a token that could not be used. */
export interface RefreshTokenStateRow {
  familyId: string;
  expired: boolean;
  /** Neither used nor revoked. */
  live: boolean;
  /** Issued before the user's token_version moved on (signed out everywhere). */
  superseded: boolean;
}

export const REFRESH_TOKEN_SQL = {
  /** Stamped with the user's current token_version, read in the same statement. */
  insert: `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at, token_version)
    SELECT u.id, $2, $3, now() + make_interval(days => $4), u.token_version FROM users u WHERE u.id = $1`,
  rotate: `UPDATE refresh_tokens t SET used_at = now()
    WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.revoked_at IS NULL AND t.expires_at > now()
      AND t.token_version = (SELECT u.token_version FROM users u WHERE u.id = t.user_id)
      AND NOT EXISTS (SELECT 1 FROM refresh_tokens f WHERE f.family_id = t.family_id AND f.revoked_at IS NOT NULL)
    RETURNING t.user_id AS "userId", t.family_id AS "familyId"`,
  state: `SELECT t.family_id AS "familyId", t.expires_at <= now() AS expired,
      t.used_at IS NULL AND t.revoked_at IS NULL AS live,
      t.token_version <> u.token_version AS superseded
    FROM refresh_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1`,
  familyOf: `SELECT family_id AS "familyId" FROM refresh_tokens WHERE token_hash = $1`,
  revokeFamily: `UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`,
  revokeAllOf: `UPDATE refresh_tokens SET revoked_at = now()
    WHERE user_id = $1 AND revoked_at IS NULL AND used_at IS NULL`,
  deleteLongExpiredBatch: `DELETE FROM refresh_tokens WHERE ctid IN (
    SELECT ctid FROM refresh_tokens WHERE expires_at < now() - interval '1 day' LIMIT $1)`,
} as const;

/**
 * Every statement on `refresh_tokens` (see RefreshTokenEntity); tokens are looked up by their
 * SHA-256 hash, never stored in clear. Runs in the caller's transaction, if any.
 */
@Injectable()
export class RefreshTokenRepository {
  constructor(private readonly db: Db) {}

  async insert(userId: string, familyId: string, tokenHash: string, ttlDays: number): Promise<void> {
    await this.db.execute(REFRESH_TOKEN_SQL.insert, [userId, familyId, tokenHash, ttlDays]);
  }

  /**
   * Marks a live token of a live family used, at the user's current version, in one conditional
   * UPDATE: of two concurrent uses at most one gets the row. Null when it could not be used.
   */
  async rotate(tokenHash: string): Promise<RotatedRefreshTokenRow | null> {
    const [row] = await this.db.query<RotatedRefreshTokenRow>(REFRESH_TOKEN_SQL.rotate, [tokenHash]);
    return row ?? null;
  }

  async state(tokenHash: string): Promise<RefreshTokenStateRow | null> {
    const [row] = await this.db.query<RefreshTokenStateRow>(REFRESH_TOKEN_SQL.state, [tokenHash]);
    return row ?? null;
  }

  async familyOf(tokenHash: string): Promise<string | null> {
    const [row] = await this.db.query<{ familyId: string }>(REFRESH_TOKEN_SQL.familyOf, [tokenHash]);
    return row?.familyId ?? null;
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.db.execute(REFRESH_TOKEN_SQL.revokeFamily, [familyId]);
  }

  /** Revokes every token of the user that is neither used nor revoked. */
  async revokeAllOf(userId: string): Promise<void> {
    await this.db.execute(REFRESH_TOKEN_SQL.revokeAllOf, [userId]);
  }

  /** Deletes at most `limit` tokens expired for more than a day; answers how many. */
  deleteLongExpiredBatch(limit: number): Promise<number> {
    return this.db.execute(REFRESH_TOKEN_SQL.deleteLongExpiredBatch, [limit]);
  }
}
