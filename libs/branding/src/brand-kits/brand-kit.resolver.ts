import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { argumentFields, CooperativeRole, Ctx, type RequestContext } from '@taawoun/core';
import { CooperativeModel } from '@taawoun/cooperatives';
import { Policy } from '@taawoun/identity';
import { IdentityProposalInput } from '../requests/identity-request.model.js';
import { BrandKitModel } from './brand-kit.model.js';
import { BrandKitService } from './brand-kit.service.js';

/** `Cooperative.brandKit` (added here: branding depends on cooperatives) and `updateBrandKit`. */
@Resolver(() => CooperativeModel)
export class BrandKitResolver {
  constructor(private readonly brandKits: BrandKitService) {}

  /** Shown wherever the cooperative is (its visibility already decided who reaches it). */
  @ResolveField(() => BrandKitModel, { nullable: true })
  brandKit(
    @Parent() cooperative: CooperativeModel,
    @Ctx() rc: RequestContext,
  ): Promise<BrandKitModel | null> {
    return this.brandKits.forCooperative(rc, cooperative.id);
  }

  @Mutation(() => BrandKitModel, { description: 'OWNER/MANAGER; a kit the cooperative designed itself.' })
  @Policy.allow({
    cooperative: { roles: [CooperativeRole.OWNER, CooperativeRole.MANAGER], scope: { arg: 'cooperativeId' } },
  })
  updateBrandKit(
    @Ctx() rc: RequestContext,
    @Args('cooperativeId', { type: () => ID }) cooperativeId: string,
    @Args('input', { type: () => IdentityProposalInput }) input: IdentityProposalInput,
  ): Promise<BrandKitModel> {
    return this.brandKits.update(rc, cooperativeId, input).catch(argumentFields('input'));
  }
}
