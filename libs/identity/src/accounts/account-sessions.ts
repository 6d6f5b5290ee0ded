import { Injectable } from '@nestjs/common';
import { Db } from '@taawoun/core';
import { RefreshTokenService } from '../auth/refresh-token.service.js';

/** Signing a user out of every session at once. */
@Injectable()
export class AccountSessions {
  constructor(
    private readonly db: Db,
    private readonly refreshTokens: RefreshTokenService,
  ) {}

  /**
   * Bumps token_version (every access token issued so far is refused on its next request, see
   * ActorService) and revokes every refresh token (refused anyway at the old version). Answers
   * the new version. Joins the caller's transaction.
   */
  async signOutEverywhere(userId: string): Promise<number> {
    return this.db.transaction(async () => {
      const [row] = await this.db.query<{ tokenVersion: number }>(
        `UPDATE users SET token_version = token_version + 1, updated_at = now() WHERE id = $1
         RETURNING token_version AS "tokenVersion"`,
        [userId],
      );
      await this.refreshTokens.revokeAllOf(userId);
      return row.tokenVersion;
    });
  }
}
