import { registerEnumType } from '@nestjs/graphql';

/** DRAFT → PUBLISHED → ARCHIVED (a draft may also be archived directly). */
export enum ProductStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(ProductStatus, { name: 'ProductStatus' });

/** Orderings of the `products` list; RELEVANCE needs a search term and falls back to NEWEST without one. */
export enum ProductSort {
  RELEVANCE = 'RELEVANCE',
  NEWEST = 'NEWEST',
  PRICE_ASC = 'PRICE_ASC',
  PRICE_DESC = 'PRICE_DESC',
}
registerEnumType(ProductSort, { name: 'ProductSort' });

/** The moves a product may make: target status → statuses it may come from. */
export const PRODUCT_TRANSITIONS: Readonly<Record<ProductStatus, readonly ProductStatus[]>> = {
  [ProductStatus.DRAFT]: [],
  [ProductStatus.PUBLISHED]: [ProductStatus.DRAFT],
  [ProductStatus.ARCHIVED]: [ProductStatus.DRAFT, ProductStatus.PUBLISHED],
};
