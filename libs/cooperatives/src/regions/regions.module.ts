import { Module } from '@nestjs/common';
import { ProvinceResolver, RegionResolver } from './region.resolver.js';
import { RegionService } from './region.service.js';

@Module({ providers: [RegionService, RegionResolver, ProvinceResolver], exports: [RegionService] })
export class RegionsModule {}
