export * from './catalog.module.js';
export * from './categories/category.entity.js';
export * from './categories/category.service.js';
export * from './certifications/certification-type.js';
export * from './certifications/certification.entity.js';
export * from './certifications/certification-reminder.entity.js';
export * from './certifications/certification.model.js';
export * from './certifications/certification.service.js';
export {
  CertificationRepository,
  type BulkCertificationRow,
  type CertificationRow,
} from './certifications/certification.repository.js';
export { FacetSummaryRepository } from './search/facet-summary.repository.js';
export * from './catalog.loaders.js';
export * from './products/product-sort.js';
export * from './products/product-status.js';
export * from './products/product.entity.js';
export * from './products/product-image.entity.js';
export * from './products/product-certification.entity.js';
export * from './products/product.model.js';
export * from './products/product.repository.js';
export * from './products/product.service.js';
export * from './variants/variant.entity.js';
export * from './variants/stock-movement.entity.js';
export * from './variants/variant.model.js';
export * from './variants/variant.service.js';
export { VariantRepository, type VariantRow } from './variants/variant.repository.js';
export { StockService, MAX_STOCK_LINES } from './variants/stock.service.js';
export type { StockLine } from './variants/stock.repository.js';
import { CategoryEntity } from './categories/category.entity.js';
import { CertificationReminderEntity } from './certifications/certification-reminder.entity.js';
import { CertificationEntity } from './certifications/certification.entity.js';
import { ProductCertificationEntity } from './products/product-certification.entity.js';
import { ProductImageEntity } from './products/product-image.entity.js';
import { ProductEntity } from './products/product.entity.js';
import { StockMovementEntity } from './variants/stock-movement.entity.js';
import { VariantEntity } from './variants/variant.entity.js';

/** The TypeORM entities of this lib, for the data source. */
export const CATALOG_ENTITIES = [
  CategoryEntity,
  ProductEntity,
  VariantEntity,
  StockMovementEntity,
  ProductImageEntity,
  CertificationEntity,
  ProductCertificationEntity,
  CertificationReminderEntity,
];
export * from './sql/index.js';
