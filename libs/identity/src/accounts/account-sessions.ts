import { Injectable } from '@nestjs/common';
import { Db, UnauthenticatedError } from '@taawoun/core';
import { RefreshTokenService } from '../auth/refresh-token.service.js';
import { UserAccountRepository } from '../users/user-account.repository.js';

/** Signing a user out of every session at once. */
@Injectable()
export class AccountSessions {
  constructor(
    private readonly db: Db,
    private readonly accounts: UserAccountRepository,
    private readonly refreshTokens: RefreshTokenService,
  ) {}

  /**
   * Bumps token_version (every access token issued so far is refused on its next request, see
   * ActorService) and revokes every refresh token (refused anyway at the old version). Answers
   * the new version. Joins the caller's transaction.
   */
  async signOutEverywhere(userId: string): Promise<number> {
    return this.db.transaction(async () => {
      const tokenVersion = await this.accounts.bumpTokenVersion(userId);
      if (tokenVersion === null) throw new UnauthenticatedError('The account no longer exists');
      await this.refreshTokens.revokeAllOf(userId);
      return tokenVersion;
    });
  }
}
