import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, Db, manyByKey, type RequestContext } from '@taawoun/core';
import { In } from 'typeorm';
import { UserModel } from '@taawoun/identity';
import { MembershipEntity } from './membership.entity.js';
import { CooperativeMembershipModel } from './membership.model.js';

@Resolver(() => UserModel)
export class UserMembershipsResolver {
  constructor(private readonly db: Db) {}

  @ResolveField(() => [CooperativeMembershipModel], { description: 'The cooperatives this user works for.' })
  memberships(@Parent() user: UserModel, @Ctx() rc: RequestContext): Promise<CooperativeMembershipModel[]> {
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
