export * from './cooperatives.module.js';
export * from './cooperatives/cooperative-status.js';
export * from './cooperatives/cooperative.entity.js';
export * from './memberships/membership.entity.js';
export * from './memberships/membership.model.js';
export * from './regions/province.entity.js';
export * from './regions/region.entity.js';
export * from './regions/region.model.js';
export * from './regions/region.service.js';
import { CooperativeEntity } from './cooperatives/cooperative.entity.js';
import { MembershipEntity } from './memberships/membership.entity.js';
import { ProvinceEntity } from './regions/province.entity.js';
import { RegionEntity } from './regions/region.entity.js';

/** The TypeORM entities of this lib, for the data source. */
export const COOPERATIVES_ENTITIES = [RegionEntity, ProvinceEntity, CooperativeEntity, MembershipEntity];
