import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '@taawoun/core';
import { UserModel } from '@taawoun/identity';
import { CooperativeMembershipModel } from './membership.model.js';
import { MembershipService } from './membership.service.js';

@Resolver(() => UserModel)
export class UserMembershipsResolver {
  constructor(private readonly service: MembershipService) {}

  @ResolveField(() => [CooperativeMembershipModel], {
    description: 'The cooperatives this user works for; the user and admins only (FORBIDDEN for others).',
  })
  memberships(@Parent() user: UserModel, @Ctx() rc: RequestContext): Promise<CooperativeMembershipModel[]> {
    return this.service.ofUser(rc, user.id);
  }
}
