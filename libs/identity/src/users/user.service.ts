import { Injectable } from '@nestjs/common';
import { type LanguageCode, NotFoundError, oneByKey, type RequestContext } from '@taawoun/core';
import { UserAccountRepository } from './user-account.repository.js';
import { toUserModel } from './user.mapper.js';
import type { UserModel } from './user.model.js';
import { UserRepository } from './user.repository.js';

/** Reading accounts for the GraphQL layer. */
@Injectable()
export class UserService {
  constructor(
    private readonly users: UserRepository,
    private readonly accounts: UserAccountRepository,
  ) {}

  /** Remembers the signed-in user's language (screens of the web app, e-mails). */
  async setPreferredLanguage(rc: RequestContext, language: LanguageCode): Promise<UserModel> {
    const user = await this.accounts.setPreferredLanguage(rc.requireActor().userId, language);
    if (!user) throw new NotFoundError('User', rc.requireActor().userId);
    return toUserModel(user);
  }

  /** The signed-in user; null when anonymous (or the account is gone). */
  async me(rc: RequestContext): Promise<UserModel | null> {
    if (!rc.actor) return null;
    const user = await this.users.findById(rc.actor.userId);
    return user ? toUserModel(user) : null;
  }

  /** Whether the user verified the address, batched per request (false for an unknown id). */
  emailVerified(rc: RequestContext, userId: string): Promise<boolean> {
    return rc.loaders
      .get<string, boolean>('identity.emailVerified', async (ids) => {
        const rows = await this.users.findByIds(ids);
        return oneByKey(ids, rows, (r) => r.id).map((r) => (r ? r.emailVerifiedAt !== null : false));
      })
      .load(userId);
  }
}
