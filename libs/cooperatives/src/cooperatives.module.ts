import { Module } from '@nestjs/common';
import { RegionsModule } from './regions/regions.module.js';

/** Cooperatives, their regions and provinces, onboarding review and statistics. */
@Module({ imports: [RegionsModule], exports: [RegionsModule] })
export class CooperativesModule {}
