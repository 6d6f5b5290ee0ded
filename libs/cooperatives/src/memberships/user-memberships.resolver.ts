import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, Db, ForbiddenError, isAdmin, manyByKey, type RequestContext } from '@taawoun/core';
import { In } from 'typeorm';
import { UserModel } from '@taawoun/identity';
import { MembershipEntity } from './membership.entity.js';
import { CooperativeMembershipModel } from './membership.model.js';

@Resolver(() => UserModel)
export class UserMembershipsResolver {
  constructor(private readonly db: Db) {}

  @ResolveField(() => [CooperativeMembershipModel], {
    description: 'The cooperatives this user works for; the user and admins only (FORBIDDEN for others).',
  })
  memberships(@Parent() user: UserModel, @Ctx() rc: RequestContext): Promise<CooperativeMembershipModel[]> {
    // Other members of a shared cooperative reach this user through Cooperative.members: where
    // else the user works (hidden applications included) is not theirs to see.
    if (rc.actor?.userId !== user.id && !isAdmin(rc.actor)) {
      throw new ForbiddenError('Memberships are visible to the user and admins only');
    }
    return rc.loaders
      .get<string, MembershipEntity[]>('cooperatives.membershipsByUser', async (userIds) => {
        const rows = await this.db.repo(MembershipEntity).find({
          where: { userId: In([...userIds]) },
          order: { createdAt: 'ASC' },
        });
        return manyByKey(userIds, rows, (m) => m.userId);
      })
      .load(user.id);
  }
}
