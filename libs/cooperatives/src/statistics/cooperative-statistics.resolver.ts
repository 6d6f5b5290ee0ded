import { Args, Query, Resolver } from '@nestjs/graphql';
import { PlatformRole } from '@taawoun/core';
import { Policy } from '@taawoun/identity';
import { CooperativeStatisticsModel } from './statistics.model.js';
import { CooperativeStatisticsService } from './cooperative-statistics.service.js';

@Resolver(() => CooperativeStatisticsModel)
export class CooperativeStatisticsResolver {
  constructor(private readonly statistics: CooperativeStatisticsService) {}

  @Query(() => CooperativeStatisticsModel, {
    description: 'ADMIN; APPROVED cooperatives of a region (all regions when null).',
  })
  @Policy.roles(PlatformRole.ADMIN)
  cooperativeStatistics(
    @Args('regionCode', { type: () => String, nullable: true }) regionCode?: string,
  ): Promise<CooperativeStatisticsModel> {
    return this.statistics.statistics(regionCode);
  }
}
