import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  argumentFields,
  CooperativeRole,
  Ctx,
  DirectFieldResolvers,
  money,
  MoneyModel,
  PageArgs,
  PlatformRole,
  type RequestContext,
} from '@taawoun/core';
import { Policy } from '@taawoun/identity';
import { CooperativeConnection } from '../directory/cooperative-connection.model.js';
import { CooperativeDirectoryService } from '../directory/cooperative-directory.service.js';
import { CooperativeMembershipModel } from '../memberships/membership.model.js';
import { MembershipService } from '../memberships/membership.service.js';
import { ProvinceModel, RegionModel } from '../regions/region.model.js';
import { CooperativeReviewService } from '../review/cooperative-review.service.js';
import { CooperativeInvitationModel } from '../invitations/invitation.model.js';
import { InvitationService } from '../invitations/invitation.service.js';
import { CooperativeProfileChangeModel } from '../profile-changes/profile-change.model.js';
import { ProfileChangeService } from '../profile-changes/profile-change.service.js';
import { CooperativeGeoLoader } from './cooperative-geo.loader.js';
import { CooperativeApplicationInput, CooperativeFilter } from './cooperative.input.js';
import { CooperativeModel, ReviewNoteModel } from './cooperative.model.js';
import { CooperativeService } from './cooperative.service.js';

@Resolver(() => CooperativeModel)
export class CooperativeResolver {
  constructor(
    private readonly cooperatives: CooperativeService,
    private readonly directory: CooperativeDirectoryService,
    private readonly reviews: CooperativeReviewService,
    private readonly memberships: MembershipService,
    private readonly geo: CooperativeGeoLoader,
    private readonly profileChanges: ProfileChangeService,
    private readonly invitationService: InvitationService,
    direct: DirectFieldResolvers,
  ) {
    // Asked for every product card's cooperative: resolved without Nest's per-call wrapper.
    direct.add<CooperativeModel, unknown>('Cooperative', 'region', (c, _, { rc }) => this.region(c, rc));
    direct.add<CooperativeModel, unknown>('Cooperative', 'province', (c, _, { rc }) => this.province(c, rc));
  }

  @Query(() => CooperativeModel, {
    nullable: true,
    description:
      'By id or slug (exactly one). Null when unknown or not visible: the public sees APPROVED ones only.',
  })
  @Policy.public()
  cooperative(
    @Ctx() rc: RequestContext,
    @Args('id', { type: () => ID, nullable: true }) id?: string,
    @Args('slug', { type: () => String, nullable: true }) slug?: string,
  ): Promise<CooperativeModel | null> {
    return this.cooperatives.find(rc, id, slug);
  }

  @Query(() => CooperativeConnection, {
    name: 'cooperatives',
    description: 'The directory: APPROVED cooperatives, plus your own in any state; admins see all.',
  })
  @Policy.public()
  directoryPage(
    @Ctx() rc: RequestContext,
    @Args() page: PageArgs,
    @Args('filter', { type: () => CooperativeFilter, nullable: true }) filter?: CooperativeFilter,
  ): Promise<CooperativeConnection> {
    return this.directory
      .list(rc, filter, page.first, page.after)
      .catch(argumentFields({ regionCode: 'filter.regionCode', provinceCode: 'filter.provinceCode' }));
  }

  @Mutation(() => CooperativeModel, { description: 'The caller becomes its OWNER; status SUBMITTED.' })
  @Policy.authenticated()
  applyForCooperative(
    @Ctx() rc: RequestContext,
    @Args('input') input: CooperativeApplicationInput,
  ): Promise<CooperativeModel> {
    return this.cooperatives.apply(rc, input).catch(argumentFields('input'));
  }

  @Mutation(() => CooperativeModel, {
    description: 'OWNER/MANAGER (a CHANGES_REQUESTED cooperative goes back to SUBMITTED); admins.',
  })
  @Policy.allow({
    platformRoles: [PlatformRole.ADMIN],
    cooperative: { roles: [CooperativeRole.OWNER, CooperativeRole.MANAGER], scope: { arg: 'id' } },
  })
  updateCooperativeProfile(
    @Ctx() rc: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: CooperativeApplicationInput,
  ): Promise<CooperativeModel> {
    return this.cooperatives.updateProfile(rc, id, input).catch(argumentFields('input'));
  }

  @Mutation(() => CooperativeModel, { description: 'ADMIN; 0..10000 basis points.' })
  @Policy.roles(PlatformRole.ADMIN)
  setCommissionRate(
    @Ctx() rc: RequestContext,
    @Args('cooperativeId', { type: () => ID }) cooperativeId: string,
    @Args('rateBps', { type: () => Int }) rateBps: number,
  ): Promise<CooperativeModel> {
    return this.cooperatives.setCommissionRate(rc, cooperativeId, rateBps);
  }

  @Mutation(() => CooperativeModel, {
    description: 'OWNER/MANAGER, admins; centimes, null clears a term.',
  })
  @Policy.allow({
    platformRoles: [PlatformRole.ADMIN],
    cooperative: { roles: [CooperativeRole.OWNER, CooperativeRole.MANAGER], scope: { arg: 'cooperativeId' } },
  })
  setShippingTerms(
    @Ctx() rc: RequestContext,
    @Args('cooperativeId', { type: () => ID }) cooperativeId: string,
    @Args('freeShippingThreshold', { type: () => Int, nullable: true }) freeShippingThreshold: number | null,
    @Args('minimumOrderAmount', { type: () => Int, nullable: true }) minimumOrderAmount: number | null,
  ): Promise<CooperativeModel> {
    return this.cooperatives.setShippingTerms(
      rc,
      cooperativeId,
      freeShippingThreshold ?? null,
      minimumOrderAmount ?? null,
    );
  }

  @ResolveField(() => MoneyModel, {
    nullable: true,
    description: 'A sub-order whose subtotal reaches this ships free; null: shipping is never free.',
  })
  freeShippingThreshold(@Parent() cooperative: CooperativeModel): MoneyModel | null {
    return cooperative.freeShippingThreshold == null ? null : money(cooperative.freeShippingThreshold);
  }

  @ResolveField(() => MoneyModel, {
    nullable: true,
    description: 'Checkout refuses a sub-order of this cooperative below this amount; null: no minimum.',
  })
  minimumOrderAmount(@Parent() cooperative: CooperativeModel): MoneyModel | null {
    return cooperative.minimumOrderAmount == null ? null : money(cooperative.minimumOrderAmount);
  }

  @ResolveField(() => RegionModel)
  region(@Parent() cooperative: CooperativeModel, @Ctx() rc: RequestContext): Promise<RegionModel> {
    return this.geo.regionOf(rc, cooperative.provinceCode);
  }

  @ResolveField(() => ProvinceModel)
  province(@Parent() cooperative: CooperativeModel, @Ctx() rc: RequestContext): Promise<ProvinceModel> {
    return this.geo.province(rc, cooperative.provinceCode);
  }

  @ResolveField(() => [ReviewNoteModel], {
    description: 'Visible to its members and admins only (FORBIDDEN for others).',
  })
  reviewNotes(
    @Parent() cooperative: CooperativeModel,
    @Ctx() rc: RequestContext,
  ): Promise<ReviewNoteModel[]> {
    return this.reviews.notesOf(rc, cooperative.id);
  }

  @ResolveField(() => [CooperativeMembershipModel], {
    description: 'Visible to its members and admins only (FORBIDDEN for others).',
  })
  members(
    @Parent() cooperative: CooperativeModel,
    @Ctx() rc: RequestContext,
  ): Promise<CooperativeMembershipModel[]> {
    return this.memberships.membersOf(rc, cooperative.id);
  }

  @ResolveField(() => CooperativeProfileChangeModel, {
    nullable: true,
    description:
      'Members’ edits to vetted facts waiting for an admin; visible to its members and admins only (FORBIDDEN for others).',
  })
  pendingProfileChange(
    @Parent() cooperative: CooperativeModel,
    @Ctx() rc: RequestContext,
  ): Promise<CooperativeProfileChangeModel | null> {
    return this.profileChanges.pendingOf(rc, cooperative.id);
  }

  @ResolveField(() => [CooperativeModel], {
    description:
      'Admins only (FORBIDDEN for others): the other cooperatives, in any state, with the same registration number (at most 20).',
  })
  registrationNumberDuplicates(
    @Parent() cooperative: CooperativeModel,
    @Ctx() rc: RequestContext,
  ): Promise<CooperativeModel[]> {
    return this.cooperatives.registrationNumberDuplicates(rc, cooperative.id);
  }

  @ResolveField(() => [CooperativeInvitationModel], {
    description:
      'Newest first (at most 100); visible to its OWNER/MANAGER and admins only (FORBIDDEN for others).',
  })
  invitations(
    @Parent() cooperative: CooperativeModel,
    @Ctx() rc: RequestContext,
  ): Promise<CooperativeInvitationModel[]> {
    return this.invitationService.ofCooperative(rc, cooperative.id);
  }
}
