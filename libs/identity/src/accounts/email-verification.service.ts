import { Injectable } from '@nestjs/common';
import { BadUserInputError, Db, type RequestContext } from '@taawoun/core';
import { Outbox } from '@taawoun/notifications';
import { UserAccountRepository } from '../users/user-account.repository.js';
import type { UserRow } from '../users/user.repository.js';
import { AccountRateLimits } from '../throttling/account-rate-limits.js';
import { ACCOUNT_TOKEN_MAX_LENGTH, AccountTokenRepository } from './account-token.repository.js';

/** How long a verification link works. */
export const VERIFY_EMAIL_TTL_MINUTES = 7 * 24 * 60;

export const INVALID_LINK = 'The link is invalid, expired or was already used';

/** Proving that a user receives mail at their address: a single-use link, e-mailed. */
@Injectable()
export class EmailVerificationService {
  constructor(
    private readonly db: Db,
    private readonly accounts: UserAccountRepository,
    private readonly tokens: AccountTokenRepository,
    private readonly outbox: Outbox,
    private readonly limits: AccountRateLimits,
  ) {}

  /** Issues a link and queues its e-mail, in the caller's transaction (registration). */
  async sendLink(user: Pick<UserRow, 'id' | 'email' | 'fullName' | 'preferredLanguage'>): Promise<void> {
    await this.db.transaction(async () => {
      const token = await this.tokens.issue('verify-email', user.id, VERIFY_EMAIL_TTL_MINUTES);
      await this.outbox.enqueue({
        to: user.email,
        language: user.preferredLanguage,
        template: 'verify-email',
        params: { fullName: user.fullName, token },
      });
    });
  }

  /** A fresh link for the signed-in user (earlier ones stop working); nothing when already verified. */
  async request(rc: RequestContext): Promise<boolean> {
    const actor = rc.requireActor();
    const user = await this.accounts.findById(actor.userId);
    if (user) await this.limits.accountMail(user.email, rc.ip);
    if (user && !user.emailVerifiedAt) await this.sendLink(user);
    return true;
  }

  /** Uses a verification link: the address is verified from now on. */
  async verify(token: string): Promise<boolean> {
    if (token.length > ACCOUNT_TOKEN_MAX_LENGTH) throw BadUserInputError.field('token', INVALID_LINK);
    return this.db.transaction(async () => {
      const userId = await this.tokens.consume('verify-email', token);
      if (!userId) throw BadUserInputError.field('token', INVALID_LINK);
      await this.accounts.markEmailVerified(userId);
      return true;
    });
  }
}
