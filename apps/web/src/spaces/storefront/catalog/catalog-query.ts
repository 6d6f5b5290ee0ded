import type { ProductFilter, ProductSort } from '../../../gql/graphql';

/** The catalog's state, all in the URL's query string so a search can be shared. */
export interface CatalogQuery {
  search: string;
  category: string;
  region: string;
  certified: boolean;
  womenLed: boolean;
  inStock: boolean;
  sort: ProductSort | '';
}

export const SORTS = [
  'RELEVANCE',
  'NEWEST',
  'PRICE_ASC',
  'PRICE_DESC',
] as const satisfies readonly ProductSort[];

function isSort(value: string | null): value is ProductSort {
  return (SORTS as readonly string[]).includes(value ?? '');
}

export function readCatalogQuery(params: URLSearchParams): CatalogQuery {
  const sort = params.get('sort');
  return {
    search: params.get('search') ?? '',
    category: params.get('category') ?? '',
    region: params.get('region') ?? '',
    certified: params.get('certified') === '1',
    womenLed: params.get('womenLed') === '1',
    inStock: params.get('inStock') === '1',
    sort: isSort(sort) ? sort : '',
  };
}

/** Only what is set, in a stable order (clean, shareable URLs). */
export function writeCatalogQuery(query: CatalogQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.search.trim()) params.set('search', query.search.trim());
  if (query.category) params.set('category', query.category);
  if (query.region) params.set('region', query.region);
  if (query.certified) params.set('certified', '1');
  if (query.womenLed) params.set('womenLed', '1');
  if (query.inStock) params.set('inStock', '1');
  if (query.sort) params.set('sort', query.sort);
  return params;
}

/** The API's filter and sort for a catalog query (RELEVANCE needs a search term). */
export function toProductFilter(query: CatalogQuery): { filter: ProductFilter; sort: ProductSort | null } {
  const filter: ProductFilter = {};
  if (query.search.trim()) filter.search = query.search.trim();
  if (query.category) filter.categoryCode = query.category;
  if (query.region) filter.regionCode = query.region;
  if (query.certified) filter.certified = true;
  if (query.womenLed) filter.womenLed = true;
  if (query.inStock) filter.inStock = true;
  const sort = query.sort === 'RELEVANCE' && !filter.search ? null : query.sort || null;
  return { filter, sort };
}
