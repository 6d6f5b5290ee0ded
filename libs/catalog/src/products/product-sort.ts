import { registerEnumType } from '@nestjs/graphql';

/** Orderings of the `products` list; RELEVANCE needs a search term and falls back to NEWEST without one. */
export enum ProductSort {
  RELEVANCE = 'RELEVANCE',
  NEWEST = 'NEWEST',
  PRICE_ASC = 'PRICE_ASC',
  PRICE_DESC = 'PRICE_DESC',
}
registerEnumType(ProductSort, { name: 'ProductSort' });
