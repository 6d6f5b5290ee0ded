import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Db } from '@taawoun/core';

export const REFRESH_TOKEN_TTL_DAYS = 30;

/** What presenting a refresh token did. */
export type Consumption =
  /** The token was live: it is now used, and the caller may issue the next one of the family. */
  | { kind: 'rotated'; userId: string; familyId: string }
  /** The token was already used or revoked: its whole family is now revoked. */
  | { kind: 'reused'; familyId: string }
  /** Unknown or expired. */
  | { kind: 'invalid' };

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Random opaque refresh tokens, stored as SHA-256 hashes, rotated on every use, revoked by
 * family. Callers run {@link consume} and {@link issue} in one transaction, so the next token of
 * a family exists (and is revoked with it) by the time a concurrent replay is detected.
 */
@Injectable()
export class RefreshTokenService {
  constructor(private readonly db: Db) {}

  /** Starts a new family (a login) or continues one (a rotation). */
  async issue(userId: string, familyId: string = randomUUID()): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    // Stamped with the user's current token_version, read in the same statement.
    await this.db.query(
      `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at, token_version)
       SELECT u.id, $2, $3, now() + make_interval(days => $4), u.token_version FROM users u WHERE u.id = $1`,
      [userId, familyId, digest(token), REFRESH_TOKEN_TTL_DAYS],
    );
    return token;
  }

  /**
   * Marks the token used in one conditional UPDATE, so of two concurrent uses at most one wins
   * (the other waits for the row lock, then finds it used). A token that was already used or
   * revoked, or whose family was revoked, revokes its whole family: someone replayed it.
   * Never throws for a bad token: the revocation must commit, so the caller decides the error.
   */
  async consume(token: string): Promise<Consumption> {
    const hash = digest(token);
    const [rotated] = await this.db.query<{ user_id: string; family_id: string }>(
      `UPDATE refresh_tokens t SET used_at = now()
        WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.revoked_at IS NULL AND t.expires_at > now()
          AND t.token_version = (SELECT u.token_version FROM users u WHERE u.id = t.user_id)
          AND NOT EXISTS (SELECT 1 FROM refresh_tokens f WHERE f.family_id = t.family_id AND f.revoked_at IS NOT NULL)
        RETURNING t.user_id, t.family_id`,
      [hash],
    );
    if (rotated) return { kind: 'rotated', userId: rotated.user_id, familyId: rotated.family_id };
    const [known] = await this.db.query<{
      family_id: string;
      expired: boolean;
      live: boolean;
      superseded: boolean;
    }>(
      `SELECT t.family_id, t.expires_at <= now() AS expired,
              t.used_at IS NULL AND t.revoked_at IS NULL AS live,
              t.token_version <> u.token_version AS superseded
         FROM refresh_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1`,
      [hash],
    );
    if (!known) return { kind: 'invalid' };
    // An expired token that was never used is stale, not stolen: refuse it without revoking.
    // So is one issued before the user signed out everywhere (token_version bumped).
    if (known.live && (known.expired || known.superseded)) return { kind: 'invalid' };
    await this.revokeFamily(known.family_id);
    return { kind: 'reused', familyId: known.family_id };
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.db.query(
      `UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`,
      [familyId],
    );
  }

  /** Revokes every live refresh token of a user (sign out everywhere, password change or reset). */
  async revokeAllOf(userId: string): Promise<void> {
    await this.db.query(
      `UPDATE refresh_tokens SET revoked_at = now()
        WHERE user_id = $1 AND revoked_at IS NULL AND used_at IS NULL`,
      [userId],
    );
  }

  /** Revokes the family of a token (logout); answers whether the token was known. */
  async revokeFamilyOf(token: string): Promise<boolean> {
    const [known] = await this.db.query<{ family_id: string }>(
      `SELECT family_id FROM refresh_tokens WHERE token_hash = $1`,
      [digest(token)],
    );
    if (!known) return false;
    await this.revokeFamily(known.family_id);
    return true;
  }
}
