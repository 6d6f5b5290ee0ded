import { registerEnumType } from '@nestjs/graphql';

/** DRAFT → PUBLISHED → ARCHIVED (a draft may also be archived directly). */
export enum ProductStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(ProductStatus, { name: 'ProductStatus' });

/** The moves a product may make: target status → statuses it may come from. */
export const PRODUCT_TRANSITIONS: Readonly<Record<ProductStatus, readonly ProductStatus[]>> = {
  [ProductStatus.DRAFT]: [],
  [ProductStatus.PUBLISHED]: [ProductStatus.DRAFT],
  [ProductStatus.ARCHIVED]: [ProductStatus.DRAFT, ProductStatus.PUBLISHED],
};
