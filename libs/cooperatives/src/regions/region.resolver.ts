import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { LanguageCode, pickLanguage } from '@taawoun/core';
import { Policy } from '@taawoun/identity';
import { ProvinceModel, RegionModel } from './region.model.js';
import { RegionService } from './region.service.js';

@Resolver(() => RegionModel)
export class RegionResolver {
  constructor(private readonly regions: RegionService) {}

  @Query(() => [RegionModel], {
    name: 'regions',
    description: "Morocco's 12 regions with their provinces and prefectures.",
  })
  @Policy.public()
  regionList(): Promise<RegionModel[]> {
    return this.regions.regions();
  }

  @ResolveField(() => String, { description: 'French by default; Arabic with languageCode ar.' })
  name(
    @Parent() region: RegionModel,
    @Args('languageCode', { type: () => LanguageCode, nullable: true }) language?: LanguageCode,
  ): string {
    return pickLanguage({ fr: region.nameFr, ar: region.nameAr }, language);
  }
}

@Resolver(() => ProvinceModel)
export class ProvinceResolver {
  @ResolveField(() => String, { description: 'French by default; Arabic with languageCode ar.' })
  name(
    @Parent() province: ProvinceModel,
    @Args('languageCode', { type: () => LanguageCode, nullable: true }) language?: LanguageCode,
  ): string {
    return pickLanguage({ fr: province.nameFr, ar: province.nameAr }, language);
  }
}
