export * from './cooperatives.module.js';
export * from './regions/province.entity.js';
export * from './regions/region.entity.js';
export * from './regions/region.model.js';
export * from './regions/region.service.js';
import { ProvinceEntity } from './regions/province.entity.js';
import { RegionEntity } from './regions/region.entity.js';

/** The TypeORM entities of this lib, for the data source. */
export const COOPERATIVES_ENTITIES = [RegionEntity, ProvinceEntity];
