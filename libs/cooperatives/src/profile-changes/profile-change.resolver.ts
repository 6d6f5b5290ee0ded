import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '@taawoun/core';
import { CooperativeGeoLoader } from '../cooperatives/cooperative-geo.loader.js';
import { ProvinceModel } from '../regions/region.model.js';
import { CooperativeProfileChangeModel } from './profile-change.model.js';

@Resolver(() => CooperativeProfileChangeModel)
export class ProfileChangeResolver {
  constructor(private readonly geo: CooperativeGeoLoader) {}

  @ResolveField(() => ProvinceModel, { nullable: true })
  async province(
    @Parent() change: CooperativeProfileChangeModel,
    @Ctx() rc: RequestContext,
  ): Promise<ProvinceModel | null> {
    return change.provinceCode == null ? null : this.geo.province(rc, change.provinceCode);
  }
}
