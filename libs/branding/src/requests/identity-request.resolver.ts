import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  argumentFields,
  CooperativeRole,
  Ctx,
  NotFoundError,
  PlatformRole,
  type RequestContext,
} from '@taawoun/core';
import { CooperativeModel, CooperativeService } from '@taawoun/cooperatives';
import { Policy } from '@taawoun/identity';
import { PartnerOrganizationModel } from '../partners/partner.model.js';
import { PartnerService } from '../partners/partner.service.js';
import {
  IdentityProposalInput,
  IdentityProposalModel,
  IdentityRequestModel,
  IdentityRequestStatus,
} from './identity-request.model.js';
import { IdentityRequestService } from './identity-request.service.js';

@Resolver(() => IdentityRequestModel)
export class IdentityRequestResolver {
  constructor(
    private readonly requests: IdentityRequestService,
    private readonly partners: PartnerService,
    private readonly cooperatives: CooperativeService,
  ) {}

  @Query(() => [IdentityRequestModel], {
    description:
      'ADMIN all; PARTNER those assigned to its organisations; members their cooperative’s. Newest first.',
  })
  @Policy.authenticated()
  identityRequests(
    @Ctx() rc: RequestContext,
    @Args('status', { type: () => IdentityRequestStatus, nullable: true })
    status?: IdentityRequestStatus | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
  ): Promise<IdentityRequestModel[]> {
    return this.requests.list(rc, status, first);
  }

  @Mutation(() => IdentityRequestModel, { description: 'OWNER/MANAGER; one unfinished request at a time.' })
  @Policy.allow({
    cooperative: { roles: [CooperativeRole.OWNER, CooperativeRole.MANAGER], scope: { arg: 'cooperativeId' } },
  })
  requestIdentitySupport(
    @Ctx() rc: RequestContext,
    @Args('cooperativeId', { type: () => ID }) cooperativeId: string,
    @Args('needs') needs: string,
  ): Promise<IdentityRequestModel> {
    return this.requests.request(rc, cooperativeId, needs);
  }

  @Mutation(() => IdentityRequestModel, {
    description: 'ADMIN; while no proposal exists; e-mails the partner.',
  })
  @Policy.roles(PlatformRole.ADMIN)
  assignIdentityPartner(
    @Ctx() rc: RequestContext,
    @Args('requestId', { type: () => ID }) requestId: string,
    @Args('partnerId', { type: () => ID }) partnerId: string,
  ): Promise<IdentityRequestModel> {
    return this.requests.assign(rc, requestId, partnerId);
  }

  @Mutation(() => IdentityProposalModel, {
    description: 'Members of the assigned partner organisation; e-mails the cooperative.',
  })
  @Policy.roles(PlatformRole.PARTNER)
  submitIdentityProposal(
    @Ctx() rc: RequestContext,
    @Args('requestId', { type: () => ID }) requestId: string,
    @Args('input', { type: () => IdentityProposalInput }) input: IdentityProposalInput,
  ): Promise<IdentityProposalModel> {
    return this.requests.submit(rc, requestId, input).catch(argumentFields('input'));
  }

  @Mutation(() => IdentityProposalModel, {
    description:
      'OWNER/MANAGER; accepting sets the brand kit, declines the other pending proposals and completes the request.',
  })
  @Policy.allow({
    cooperative: {
      roles: [CooperativeRole.OWNER, CooperativeRole.MANAGER],
      scope: { entity: 'identityProposal', arg: 'proposalId' },
    },
  })
  respondToIdentityProposal(
    @Ctx() rc: RequestContext,
    @Args('proposalId', { type: () => ID }) proposalId: string,
    @Args('accept') accept: boolean,
    @Args('feedback', { type: () => String, nullable: true }) feedback?: string | null,
  ): Promise<IdentityProposalModel> {
    return this.requests.respond(rc, proposalId, accept, feedback);
  }

  /** Whoever may see a request may see its cooperative (the cooperative disclosed itself by asking). */
  @ResolveField(() => CooperativeModel)
  async cooperative(
    @Parent() request: IdentityRequestModel,
    @Ctx() rc: RequestContext,
  ): Promise<CooperativeModel> {
    const cooperative = await this.cooperatives.loadVisible(rc, request.cooperativeId, true);
    if (!cooperative) throw new NotFoundError('Cooperative', request.cooperativeId);
    return cooperative;
  }

  @ResolveField(() => PartnerOrganizationModel, { nullable: true })
  partner(
    @Parent() request: IdentityRequestModel,
    @Ctx() rc: RequestContext,
  ): Promise<PartnerOrganizationModel | null> {
    return request.partnerId ? this.partners.load(rc, request.partnerId) : Promise.resolve(null);
  }

  @ResolveField(() => [IdentityProposalModel])
  proposals(
    @Parent() request: IdentityRequestModel,
    @Ctx() rc: RequestContext,
  ): Promise<IdentityProposalModel[]> {
    return this.requests.proposals(rc, request.id);
  }
}
