import { Module } from '@nestjs/common';
import { MembershipsModule } from './memberships/memberships.module.js';
import { RegionsModule } from './regions/regions.module.js';

/** Cooperatives, their regions and provinces, memberships, onboarding review and statistics. */
@Module({ imports: [RegionsModule, MembershipsModule], exports: [RegionsModule] })
export class CooperativesModule {}
