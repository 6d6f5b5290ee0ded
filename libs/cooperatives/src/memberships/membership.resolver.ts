import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import {
  CooperativeRole,
  Ctx,
  Db,
  ForbiddenError,
  NotFoundError,
  PlatformRole,
  oneByKey,
  type RequestContext,
  isAdminOrMemberOf,
} from '@taawoun/core';
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
    private readonly db: Db,
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
  async user(
    @Parent() membership: CooperativeMembershipModel,
    @Ctx() rc: RequestContext,
  ): Promise<UserModel> {
    if (rc.actor?.userId !== membership.userId && !isAdminOrMemberOf(rc.actor, membership.cooperativeId)) {
      throw new ForbiddenError('Members are internal');
    }
    const user = await rc.loaders
      .get<string, UserModel | null>('cooperatives.memberUsers', async (ids) => {
        const rows = await this.db.query<{
          id: string;
          email: string;
          full_name: string;
          preferred_language: UserModel['preferredLanguage'];
          platform_roles: PlatformRole[];
        }>(
          `SELECT id, email, full_name, preferred_language, platform_roles FROM users WHERE id = ANY($1::uuid[])`,
          [[...ids]],
        );
        const users = rows.map((r): UserModel => ({
          id: r.id,
          email: r.email,
          fullName: r.full_name,
          preferredLanguage: r.preferred_language,
          roles: [PlatformRole.BUYER, ...r.platform_roles.filter((p) => p !== PlatformRole.BUYER)],
        }));
        return oneByKey(ids, users, (u) => u.id);
      })
      .load(membership.userId);
    if (!user) throw new NotFoundError('User', membership.userId);
    return user;
  }
}
