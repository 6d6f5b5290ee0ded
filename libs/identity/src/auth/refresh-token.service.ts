import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Db, UnauthenticatedError } from '@taawoun/core';

export const REFRESH_TOKEN_TTL_DAYS = 30;

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Random opaque refresh tokens, stored hashed, rotated on every use, revoked by family. */
@Injectable()
export class RefreshTokenService {
  constructor(private readonly db: Db) {}

  /** Starts a new family (a login) or continues one (a rotation). */
  async issue(userId: string, familyId: string = randomUUID()): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.db.query(
      `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(days => $4))`,
      [userId, familyId, digest(token), REFRESH_TOKEN_TTL_DAYS],
    );
    return token;
  }

  /**
   * Marks the token used and returns its user and family, in one conditional UPDATE so two
   * concurrent uses cannot both succeed. A token that was already used or revoked revokes
   * its whole family (someone replayed it) and is refused.
   */
  async consume(token: string): Promise<{ userId: string; familyId: string }> {
    const hash = digest(token);
    return this.db.transaction(async () => {
      const [used] = await this.db.query<{ user_id: string; family_id: string }>(
        `UPDATE refresh_tokens SET used_at = now()
          WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
          RETURNING user_id, family_id`,
        [hash],
      );
      if (used) return { userId: used.user_id, familyId: used.family_id };
      const [known] = await this.db.query<{ family_id: string }>(
        `SELECT family_id FROM refresh_tokens WHERE token_hash = $1`,
        [hash],
      );
      if (known) await this.revokeFamily(known.family_id);
      throw new UnauthenticatedError('The refresh token is invalid, expired or was already used');
    });
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.db.query(
      `UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`,
      [familyId],
    );
  }

  /** Revokes the family of a token (logout); answers whether the token was known. */
  async revokeFamilyOf(token: string): Promise<boolean> {
    const [row] = await this.db.query<{ family_id: string }>(
      `SELECT family_id FROM refresh_tokens WHERE token_hash = $1`,
      [digest(token)],
    );
    if (!row) return false;
    await this.revokeFamily(row.family_id);
    return true;
  }
}
