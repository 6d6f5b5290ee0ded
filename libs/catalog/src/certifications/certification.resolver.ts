import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { argumentFields, Ctx, PlatformRole, type RequestContext } from '@taawoun/core';
import { Policy } from '@taawoun/identity';
import { CATALOG_ROLES } from '../products/product.resolver.js';
import { CertificationInput } from './certification.input.js';
import { CertificationModel } from './certification.model.js';
import { CertificationService } from './certification.service.js';

@Resolver(() => CertificationModel)
export class CertificationResolver {
  constructor(private readonly certifications: CertificationService) {}

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
