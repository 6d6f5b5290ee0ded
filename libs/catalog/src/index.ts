export * from './catalog.module.js';
export * from './categories/category.entity.js';
export * from './categories/category.service.js';
import { CategoryEntity } from './categories/category.entity.js';

/** The TypeORM entities of this lib, for the data source. */
export const CATALOG_ENTITIES = [CategoryEntity];
