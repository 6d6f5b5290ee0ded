import { Module } from '@nestjs/common';
import { ProvinceResolver, RegionResolver } from './region.resolver.js';
import { RegionRepository } from './region.repository.js';
import { RegionService } from './region.service.js';

@Module({
  providers: [RegionRepository, RegionService, RegionResolver, ProvinceResolver],
  exports: [RegionService],
})
export class RegionsModule {}
