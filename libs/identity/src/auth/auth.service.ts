import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  ConflictError,
  Db,
  DEFAULT_LANGUAGE,
  UnauthenticatedError,
  type LanguageCode,
  type PlatformRole,
  uniqueViolation,
} from '@taawoun/core';
import { EmailVerificationService } from '../accounts/email-verification.service.js';
import type { AuthPayload } from '../users/user.model.js';
import type { LoginInput, RegisterInput } from './auth.input.js';
import { assertAcceptableAccount } from '../users/account-rules.js';
import { normaliseEmail } from '../users/email-address.js';
import { UserAccountRepository, type UserAccountRow } from '../users/user-account.repository.js';
import { toUserModel } from '../users/user.mapper.js';
import { AccountRateLimits } from '../throttling/account-rate-limits.js';
import { LoginThrottleService } from '../throttling/login-throttle.service.js';
import { AccessTokenService } from './access-token.service.js';
import { hashPassword, verifyPassword } from './password-hasher.js';
import { RefreshTokenService } from './refresh-token.service.js';

/** The answer to a refused login, whatever the reason, so it reveals nothing about the account. */
const BAD_CREDENTIALS = 'Invalid e-mail or password';

/** Accounts and sessions: register, login (throttled), refresh (rotating), logout. */
@Injectable()
export class AuthService {
  private dummyHash?: Promise<string>;

  constructor(
    private readonly db: Db,
    private readonly accounts: UserAccountRepository,
    private readonly accessTokens: AccessTokenService,
    private readonly refreshTokens: RefreshTokenService,
    private readonly throttle: LoginThrottleService,
    private readonly limits: AccountRateLimits,
    private readonly emailVerification: EmailVerificationService,
  ) {}

  /**
   * Rate-limited per client address and per e-mail (see {@link AccountRateLimits}) after the
   * input is checked and before the password is hashed, so bulk sign-ups cannot buy CPU. The
   * account and its verification e-mail are written in one transaction, after hashing.
   */
  async register(input: RegisterInput, ip: string | null): Promise<AuthPayload> {
    const account = {
      email: input.email,
      password: input.password,
      fullName: input.fullName,
      preferredLanguage: input.preferredLanguage ?? DEFAULT_LANGUAGE,
    };
    assertAcceptableAccount(account);
    await this.limits.register(account.email, ip);
    const passwordHash = await hashPassword(account.password);
    const user = await this.db.transaction(async () => {
      const created = await this.insertUser(account, passwordHash);
      await this.emailVerification.sendLink(created);
      return created;
    });
    return this.session(user);
  }

  /**
   * Creates an account after checking it like `register` does. The unique index on the e-mail
   * decides races: of two registrations of one address, one gets CONFLICT on `email`
   * (the resolver maps it to `input.email`).
   */
  async createUser(input: {
    email: string;
    password: string;
    fullName: string;
    preferredLanguage?: LanguageCode;
    platformRoles?: PlatformRole[];
  }): Promise<UserAccountRow> {
    assertAcceptableAccount(input);
    return this.insertUser(input, await hashPassword(input.password));
  }

  private async insertUser(
    input: {
      email: string;
      fullName: string;
      preferredLanguage?: LanguageCode;
      platformRoles?: PlatformRole[];
    },
    passwordHash: string,
  ): Promise<UserAccountRow> {
    try {
      return await this.accounts.insert({
        email: normaliseEmail(input.email),
        fullName: input.fullName.trim(),
        passwordHash,
        preferredLanguage: input.preferredLanguage ?? DEFAULT_LANGUAGE,
        platformRoles: input.platformRoles ?? [],
      });
    } catch (error) {
      if (uniqueViolation(error) === 'UQ_users_email') {
        throw new ConflictError('An account with this e-mail already exists', 'email');
      }
      throw error;
    }
  }

  /**
   * Throttled per e-mail and client address (see {@link LoginThrottleService}); unknown e-mail
   * and wrong password answer alike, after the same amount of hashing work.
   */
  async login(input: LoginInput, ip: string | null): Promise<AuthPayload> {
    const email = normaliseEmail(input.email);
    await this.throttle.reserve(email, ip);
    const user = await this.accounts.findByEmail(email);
    const ok = await verifyPassword(user?.passwordHash ?? (await this.dummy()), input.password);
    if (!user || !ok) throw new UnauthenticatedError(BAD_CREDENTIALS);
    await this.throttle.succeeded(email, ip);
    return this.session(user);
  }

  /**
   * Rotates a refresh token: consuming it and issuing the next one of its family commit together.
   * A replayed token revokes its family (committed) and is refused.
   */
  async refresh(refreshToken: string): Promise<AuthPayload> {
    const outcome = await this.db.transaction(async () => {
      const consumed = await this.refreshTokens.consume(refreshToken);
      if (consumed.kind !== 'rotated') return null;
      const user = await this.accounts.findById(consumed.userId);
      if (!user) return null;
      const next = await this.refreshTokens.issue(user.id, consumed.familyId);
      return { user, next };
    });
    if (!outcome) throw new UnauthenticatedError('The refresh token is invalid, expired or was already used');
    return this.session(outcome.user, outcome.next);
  }

  /** Revokes the refresh token's family; false when the token is unknown. */
  logout(refreshToken: string): Promise<boolean> {
    return this.refreshTokens.revokeFamilyOf(refreshToken);
  }

  private async session(user: UserAccountRow, refreshToken?: string): Promise<AuthPayload> {
    const [accessToken, nextRefreshToken] = await Promise.all([
      this.accessTokens.issue({ userId: user.id, tokenVersion: user.tokenVersion }),
      refreshToken ?? this.refreshTokens.issue(user.id),
    ]);
    return { accessToken, refreshToken: nextRefreshToken, user: toUserModel(user) };
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
    return this.dummyHash;
  }
}
