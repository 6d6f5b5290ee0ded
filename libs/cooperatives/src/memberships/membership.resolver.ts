import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CooperativeRole, Ctx, NotFoundError, type RequestContext } from '@taawoun/core';
import { Policy, UserModel } from '@taawoun/identity';
import { CooperativeModel } from '../cooperatives/cooperative.model.js';
import { CooperativeService } from '../cooperatives/cooperative.service.js';
import { CooperativeMembershipModel } from './membership.model.js';
import { MembershipService } from './membership.service.js';

const OWNER_ONLY = { cooperative: { roles: [CooperativeRole.OWNER], scope: { arg: 'cooperativeId' } } };

@Resolver(() => CooperativeMembershipModel)
export class MembershipResolver {
  constructor(
    private readonly memberships: MembershipService,
    private readonly cooperatives: CooperativeService,
  ) {}

  @Mutation(() => Boolean, { description: 'OWNER; a cooperative always keeps at least one OWNER.' })
  @Policy.allow(OWNER_ONLY)
  removeCooperativeMember(
    @Ctx() rc: RequestContext,
    @Args('cooperativeId', { type: () => ID }) cooperativeId: string,
    @Args('userId', { type: () => ID }) userId: string,
  ): Promise<boolean> {
    return this.memberships.remove(rc, cooperativeId, userId);
  }

  @ResolveField(() => CooperativeModel)
  async cooperative(
    @Parent() membership: CooperativeMembershipModel,
    @Ctx() rc: RequestContext,
  ): Promise<CooperativeModel> {
    const cooperative = await this.cooperatives.loadVisible(rc, membership.cooperativeId);
    if (!cooperative) throw new NotFoundError('Cooperative', membership.cooperativeId);
    return cooperative;
  }

  @ResolveField(() => UserModel, {
    description: 'The member; visible to the member, the cooperative’s members and admins.',
  })
  user(@Parent() membership: CooperativeMembershipModel, @Ctx() rc: RequestContext): Promise<UserModel> {
    return this.memberships.memberUser(rc, membership);
  }
}
