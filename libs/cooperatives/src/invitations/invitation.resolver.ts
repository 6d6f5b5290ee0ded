import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CooperativeRole, Ctx, NotFoundError, type RequestContext } from '@taawoun/core';
import { Policy } from '@taawoun/identity';
import { CooperativeModel } from '../cooperatives/cooperative.model.js';
import { CooperativeService } from '../cooperatives/cooperative.service.js';
import { CooperativeInvitationModel } from './invitation.model.js';
import { InvitationService } from './invitation.service.js';

@Resolver(() => CooperativeInvitationModel)
export class InvitationResolver {
  constructor(
    private readonly invitations: InvitationService,
    private readonly cooperatives: CooperativeService,
  ) {}

  @Query(() => [CooperativeInvitationModel], {
    description: 'PENDING invitations to your address, once it is verified (none before).',
  })
  @Policy.authenticated()
  myInvitations(@Ctx() rc: RequestContext): Promise<CooperativeInvitationModel[]> {
    return this.invitations.mine(rc);
  }

  @Mutation(() => CooperativeInvitationModel, {
    description:
      'OWNER; e-mails the invitation, valid 7 days. The same answer whether the address has an account; inviting a pending address again refreshes its invitation.',
  })
  @Policy.allow({ cooperative: { roles: [CooperativeRole.OWNER], scope: { arg: 'cooperativeId' } } })
  inviteCooperativeMember(
    @Ctx() rc: RequestContext,
    @Args('cooperativeId', { type: () => ID }) cooperativeId: string,
    @Args('email') email: string,
    @Args('role', { type: () => CooperativeRole }) role: CooperativeRole,
  ): Promise<CooperativeInvitationModel> {
    return this.invitations.invite(rc, cooperativeId, email, role);
  }

  @Mutation(() => CooperativeInvitationModel, {
    description:
      'The invitee, signed in with the verified address it was sent to; accepting makes the membership.',
  })
  @Policy.authenticated()
  respondToCooperativeInvitation(
    @Ctx() rc: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('accept') accept: boolean,
  ): Promise<CooperativeInvitationModel> {
    return this.invitations.respond(rc, id, accept);
  }

  @Mutation(() => CooperativeInvitationModel, { description: 'OWNER; PENDING → REVOKED.' })
  @Policy.allow({
    cooperative: { roles: [CooperativeRole.OWNER], scope: { entity: 'invitation', arg: 'id' } },
  })
  revokeCooperativeInvitation(
    @Ctx() rc: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<CooperativeInvitationModel> {
    return this.invitations.revoke(rc, id);
  }

  /**
   * Whoever reaches an invitation (its cooperative's OWNER/MANAGER, admins, the invitee) may see
   * the cooperative it is for, also when it is not public yet: the OWNER disclosed it by inviting.
   */
  @ResolveField(() => CooperativeModel)
  async cooperative(
    @Parent() invitation: CooperativeInvitationModel,
    @Ctx() rc: RequestContext,
  ): Promise<CooperativeModel> {
    const cooperative = await this.cooperatives.loadVisible(rc, invitation.cooperativeId, true);
    if (!cooperative) throw new NotFoundError('Cooperative', invitation.cooperativeId);
    return cooperative;
  }
}
