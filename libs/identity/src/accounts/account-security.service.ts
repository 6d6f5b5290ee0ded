import { Injectable } from '@nestjs/common';
import { BadUserInputError, Db, type RequestContext, UnauthenticatedError } from '@taawoun/core';
import { Outbox } from '@taawoun/notifications';
import { AccessTokenService } from '../auth/access-token.service.js';
import { hashPassword, verifyPassword } from '../auth/password-hasher.js';
import { RefreshTokenService } from '../auth/refresh-token.service.js';
import { PASSWORD_MAX_LENGTH, passwordProblem } from '../passwords/password-policy.js';
import { LoginThrottleService } from '../throttling/login-throttle.service.js';
import { UserAccountRepository } from '../users/user-account.repository.js';
import { toUserModel } from '../users/user.mapper.js';
import type { AuthPayload } from '../users/user.model.js';
import { AccountSessions } from './account-sessions.js';

/** A signed-in user's own account safety: change the password, sign out everywhere. */
@Injectable()
export class AccountSecurityService {
  constructor(
    private readonly db: Db,
    private readonly accounts: UserAccountRepository,
    private readonly sessions: AccountSessions,
    private readonly accessTokens: AccessTokenService,
    private readonly refreshTokens: RefreshTokenService,
    private readonly outbox: Outbox,
    private readonly throttle: LoginThrottleService,
  ) {}

  /**
   * Changes the password after checking the current one, and signs out every other session:
   * token_version moves on and every refresh token is revoked, then the caller gets a new
   * session at the new version. A notice goes to the address.
   */
  async changePassword(
    rc: RequestContext,
    currentPassword: string,
    newPassword: string,
  ): Promise<AuthPayload> {
    const actor = rc.requireActor();
    if (currentPassword.length > PASSWORD_MAX_LENGTH)
      throw BadUserInputError.field('currentPassword', 'the current password is wrong');
    const problem = passwordProblem(newPassword);
    if (problem) throw BadUserInputError.field('newPassword', problem);
    const user = await this.accounts.findById(actor.userId);
    if (!user) throw new UnauthenticatedError();
    // A wrong current password counts as a failed sign-in (a stolen access token must not
    // become an unlimited password oracle).
    await this.throttle.reserve(user.email, rc.ip);
    if (!(await verifyPassword(user.passwordHash, currentPassword)))
      throw BadUserInputError.field('currentPassword', 'the current password is wrong');
    await this.throttle.succeeded(user.email, rc.ip);
    const passwordHash = await hashPassword(newPassword);
    const { tokenVersion, refreshToken } = await this.db.transaction(async () => {
      // Only if nobody changed the password meanwhile: of two racing changes, one wins.
      const changed = await this.accounts.replacePassword(user.id, passwordHash, user.passwordHash);
      if (!changed) throw BadUserInputError.field('currentPassword', 'the current password is wrong');
      const version = await this.sessions.signOutEverywhere(user.id);
      const refresh = await this.refreshTokens.issue(user.id);
      await this.outbox.enqueue({
        to: user.email,
        language: user.preferredLanguage,
        template: 'password-changed',
        params: { fullName: user.fullName },
      });
      return { tokenVersion: version, refreshToken: refresh };
    });
    const accessToken = await this.accessTokens.issue({ userId: user.id, tokenVersion });
    return { accessToken, refreshToken, user: toUserModel(user) };
  }

  async signOutEverywhere(rc: RequestContext): Promise<boolean> {
    await this.sessions.signOutEverywhere(rc.requireActor().userId);
    return true;
  }
}
