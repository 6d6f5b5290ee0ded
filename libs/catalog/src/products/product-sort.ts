import { registerEnumType } from '@nestjs/graphql';

/** Orderings of the `products` list; RELEVANCE needs a search term and falls back to NEWEST without one. */
export enum ProductSort {
  RELEVANCE = 'RELEVANCE',
  NEWEST = 'NEWEST',
  PRICE_ASC = 'PRICE_ASC',
  PRICE_DESC = 'PRICE_DESC',
}
registerEnumType(ProductSort, {
  name: 'ProductSort',
  valuesMap: {
    RELEVANCE: {
      description:
        'Best match first (needs a search term; NEWEST without one). A search with more than 1,000 matches (the default window) lists the 200 most relevant of the first 1,000 found, and no more: narrow it, filter, or sort otherwise to see every match.',
    },
  },
});
