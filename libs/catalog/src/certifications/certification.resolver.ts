import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { argumentFields, Ctx, PlatformRole, type RequestContext } from '@taawoun/core';
import { CooperativeModel, CooperativeService } from '@taawoun/cooperatives';
import { Policy } from '@taawoun/identity';
import { CATALOG_ROLES } from '../products/product.resolver.js';
import { CertificationInput } from './certification.input.js';
import { CertificationModel } from './certification.model.js';
import { CertificationService } from './certification.service.js';

@Resolver(() => CertificationModel)
export class CertificationResolver {
  constructor(
    private readonly certifications: CertificationService,
    private readonly cooperatives: CooperativeService,
  ) {}

  @Query(() => [CertificationModel], {
    description: 'ADMIN; the verification queue: unverified certificates, oldest first (first: 1–100).',
  })
  @Policy.roles(PlatformRole.ADMIN)
  certificationsToVerify(
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
  ): Promise<CertificationModel[]> {
    return this.certifications.toVerify(first);
  }

  @ResolveField(() => CooperativeModel, {
    nullable: true,
    description: 'The cooperative holding it; null when you may not see that cooperative.',
  })
  cooperative(
    @Parent() certification: CertificationModel,
    @Ctx() rc: RequestContext,
  ): Promise<CooperativeModel | null> {
    return this.cooperatives.loadVisible(rc, certification.cooperativeId);
  }

  @Mutation(() => CertificationModel, {
    description: 'Members of an APPROVED cooperative; starts unverified.',
  })
  @Policy.allow({ cooperative: { roles: CATALOG_ROLES, scope: { arg: 'cooperativeId' } } })
  addCertification(
    @Ctx() rc: RequestContext,
    @Args('cooperativeId', { type: () => ID }) cooperativeId: string,
    @Args('input') input: CertificationInput,
  ): Promise<CertificationModel> {
    return this.certifications.add(rc, cooperativeId, input).catch(argumentFields('input'));
  }

  @Mutation(() => CertificationModel, { description: 'ADMIN.' })
  @Policy.roles(PlatformRole.ADMIN)
  verifyCertification(
    @Ctx() rc: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('verified') verified: boolean,
  ): Promise<CertificationModel> {
    return this.certifications.verify(rc, id, verified);
  }
}
