import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { PlatformRole } from '@taawoun/core';
import { Policy } from '@taawoun/identity';
import { PartnerOrganizationModel } from './partner.model.js';
import { PartnerService } from './partner.service.js';

@Resolver(() => PartnerOrganizationModel)
export class PartnerResolver {
  constructor(private readonly partners: PartnerService) {}

  @Query(() => [PartnerOrganizationModel], { description: 'ADMIN; by name.' })
  @Policy.roles(PlatformRole.ADMIN)
  partnerOrganizations(): Promise<PartnerOrganizationModel[]> {
    return this.partners.list();
  }

  @Mutation(() => PartnerOrganizationModel, { description: 'ADMIN; names are unique (case-insensitive).' })
  @Policy.roles(PlatformRole.ADMIN)
  createPartnerOrganization(
    @Args('name') name: string,
    @Args('description', { type: () => String, nullable: true }) description?: string | null,
  ): Promise<PartnerOrganizationModel> {
    return this.partners.create(name, description);
  }

  @Mutation(() => Boolean, {
    description:
      'ADMIN; gives the user the PARTNER role. The address must belong to an account that verified it (BAD_USER_INPUT otherwise: only admins get this answer).',
  })
  @Policy.roles(PlatformRole.ADMIN)
  addPartnerMember(
    @Args('partnerId', { type: () => ID }) partnerId: string,
    @Args('email') email: string,
  ): Promise<boolean> {
    return this.partners.addMember(partnerId, email);
  }
}
