import { Injectable } from '@nestjs/common';
import { oneByKey, type RequestContext } from '@taawoun/core';
import { toUserModel } from './user.mapper.js';
import type { UserModel } from './user.model.js';
import { UserRepository } from './user.repository.js';

/** Reading accounts for the GraphQL layer. */
@Injectable()
export class UserService {
  constructor(private readonly users: UserRepository) {}

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
