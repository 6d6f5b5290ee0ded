import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, Db, oneByKey, type RequestContext } from '@taawoun/core';
import { UserModel } from './user.model.js';

/** Fields of `User` that identity owns, whichever lib produced the user. */
@Resolver(() => UserModel)
export class UserFieldsResolver {
  constructor(private readonly db: Db) {}

  @ResolveField(() => Boolean, { description: 'The user opened the link sent to the address.' })
  async emailVerified(@Parent() user: UserModel, @Ctx() rc: RequestContext): Promise<boolean> {
    if (user.emailVerified !== undefined) return user.emailVerified;
    const verified = await rc.loaders
      .get<string, boolean>('identity.emailVerified', async (ids) => {
        const rows = await this.db.query<{ id: string; verified: boolean }>(
          `SELECT id, email_verified_at IS NOT NULL AS verified FROM users WHERE id = ANY($1::uuid[])`,
          [[...ids]],
        );
        return oneByKey(ids, rows, (r) => r.id).map((r) => r?.verified ?? false);
      })
      .load(user.id);
    return verified;
  }
}
