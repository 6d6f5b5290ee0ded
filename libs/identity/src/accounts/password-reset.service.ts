import { Injectable, type OnModuleInit } from '@nestjs/common';
import { BadUserInputError, Db, Jobs, RequestContext } from '@taawoun/core';
import { Outbox } from '@taawoun/notifications';
import { hashPassword } from '../auth/password-hasher.js';
import { passwordProblem } from '../passwords/password-policy.js';
import { EMAIL_MAX_LENGTH, normaliseEmail } from '../users/email-address.js';
import { UserAccountRepository } from '../users/user-account.repository.js';
import { AccountRateLimits } from '../throttling/account-rate-limits.js';
import { AccountSessions } from './account-sessions.js';
import { ACCOUNT_TOKEN_MAX_LENGTH, AccountTokenRepository } from './account-token.repository.js';
import { INVALID_LINK } from './email-verification.service.js';

/** How long a reset link works. */
export const RESET_PASSWORD_TTL_MINUTES = 60;

/** The job that looks the address up and e-mails a link when it has an account. */
export const PASSWORD_RESET_JOB = 'identity.password-reset-request';

/**
 * "Forgot password". The request answers true and does the same work (queue one job) whatever
 * the address, so neither the answer nor its timing says whether an account exists; the job
 * decides, away from the request, whether there is anyone to e-mail.
 */
@Injectable()
export class PasswordResetService implements OnModuleInit {
  constructor(
    private readonly db: Db,
    private readonly accounts: UserAccountRepository,
    private readonly jobs: Jobs,
    private readonly tokens: AccountTokenRepository,
    private readonly outbox: Outbox,
    private readonly sessions: AccountSessions,
    private readonly limits: AccountRateLimits,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.register<{ email: string }>(PASSWORD_RESET_JOB, ({ email }) => this.sendLink(email));
  }

  async request(email: string): Promise<boolean> {
    const address = email.length <= EMAIL_MAX_LENGTH ? normaliseEmail(email) : '';
    await this.limits.accountMail(address, RequestContext.current()?.ip ?? null);
    // A malformed address still queues its job: the answer and the work stay the same.
    await this.jobs.send(PASSWORD_RESET_JOB, { email: address });
    return true;
  }

  /** The job: a link to the account's address, in its language; nothing for an unknown address. */
  async sendLink(email: string): Promise<void> {
    await this.db.transaction(async () => {
      const user = email ? await this.accounts.findByEmail(email) : null;
      if (!user) return;
      const token = await this.tokens.issue('reset-password', user.id, RESET_PASSWORD_TTL_MINUTES);
      await this.outbox.enqueue({
        to: user.email,
        language: user.preferredLanguage,
        template: 'reset-password',
        params: { fullName: user.fullName, token, validMinutes: RESET_PASSWORD_TTL_MINUTES },
      });
    });
  }

  /**
   * Sets a new password with a reset link (once). The token is checked before hashing, so junk
   * tokens cost no Argon2 work, and consumed in the transaction that changes the password and
   * signs out every session. The link also proves the address works: it becomes verified.
   */
  async reset(token: string, newPassword: string): Promise<boolean> {
    if (token.length > ACCOUNT_TOKEN_MAX_LENGTH) throw BadUserInputError.field('token', INVALID_LINK);
    const problem = passwordProblem(newPassword);
    if (problem) throw BadUserInputError.field('newPassword', problem);
    if (!(await this.tokens.peek('reset-password', token)))
      throw BadUserInputError.field('token', INVALID_LINK);
    const passwordHash = await hashPassword(newPassword);
    return this.db.transaction(async () => {
      const userId = await this.tokens.consume('reset-password', token);
      if (!userId) throw BadUserInputError.field('token', INVALID_LINK);
      const user = await this.accounts.resetPassword(userId, passwordHash);
      // Tokens go with their account (ON DELETE CASCADE): a consumed token has a user.
      if (!user) throw BadUserInputError.field('token', INVALID_LINK);
      await this.sessions.signOutEverywhere(userId);
      await this.outbox.enqueue({
        to: user.email,
        language: user.preferredLanguage,
        template: 'password-changed',
        params: { fullName: user.fullName },
      });
      return true;
    });
  }
}
