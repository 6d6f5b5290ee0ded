import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConflictError, Db, DEFAULT_LANGUAGE, UnauthenticatedError } from '@taawoun/core';
import { QueryFailedError } from 'typeorm';
import type { AuthPayload, LoginInput, RegisterInput } from '../users/user.model.js';
import { UserEntity } from '../users/user.entity.js';
import { toUserModel } from '../users/user.mapper.js';
import { AccessTokenService } from './access-token.service.js';
import { hashPassword, verifyPassword } from './password-hasher.js';
import { RefreshTokenService } from './refresh-token.service.js';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Accounts and sessions: register, login, refresh (rotating), logout. */
@Injectable()
export class AuthService {
  private dummyHash?: Promise<string>;

  constructor(
    private readonly db: Db,
    private readonly accessTokens: AccessTokenService,
    private readonly refreshTokens: RefreshTokenService,
  ) {}

  async register(input: RegisterInput): Promise<AuthPayload> {
    const user = await this.createUser({
      email: input.email,
      password: input.password,
      fullName: input.fullName,
      preferredLanguage: input.preferredLanguage ?? DEFAULT_LANGUAGE,
    });
    return this.session(user);
  }

  /** Creates an account; a duplicate e-mail (even in a race) is a CONFLICT on `email`. */
  async createUser(input: {
    email: string;
    password: string;
    fullName: string;
    preferredLanguage?: UserEntity['preferredLanguage'];
    platformRoles?: UserEntity['platformRoles'];
  }): Promise<UserEntity> {
    const passwordHash = await hashPassword(input.password);
    const repo = this.db.repo(UserEntity);
    try {
      return await repo.save(
        repo.create({
          email: normaliseEmail(input.email),
          fullName: input.fullName.trim(),
          passwordHash,
          preferredLanguage: input.preferredLanguage ?? DEFAULT_LANGUAGE,
          platformRoles: input.platformRoles ?? [],
        }),
      );
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        throw new ConflictError('An account with this e-mail already exists', 'input.email');
      }
      throw error;
    }
  }

  async login(input: LoginInput): Promise<AuthPayload> {
    const user = await this.db.repo(UserEntity).findOneBy({ email: normaliseEmail(input.email) });
    // Unknown e-mail and wrong password answer alike, after the same amount of work.
    const ok = await verifyPassword(user?.passwordHash ?? (await this.dummy()), input.password);
    if (!user || !ok) throw new UnauthenticatedError('Invalid e-mail or password');
    return this.session(user);
  }

  async refresh(refreshToken: string): Promise<AuthPayload> {
    const { userId, familyId } = await this.refreshTokens.consume(refreshToken);
    const user = await this.db.repo(UserEntity).findOneBy({ id: userId });
    if (!user) throw new UnauthenticatedError('The refresh token is invalid');
    return this.session(user, familyId);
  }

  logout(refreshToken: string): Promise<boolean> {
    return this.refreshTokens.revokeFamilyOf(refreshToken);
  }

  private async session(user: UserEntity, familyId?: string): Promise<AuthPayload> {
    const [accessToken, refreshToken] = await Promise.all([
      this.accessTokens.issue({ userId: user.id, tokenVersion: user.tokenVersion }),
      this.refreshTokens.issue(user.id, familyId),
    ]);
    return { accessToken, refreshToken, user: toUserModel(user) };
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
    return this.dummyHash;
  }
}
