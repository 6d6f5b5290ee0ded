/**
 * What the catalog's whole-set SQL weighs in the query cost estimate (GRAPHQL_MAX_COST, 50,000 by
 * default), against 1 per field and per row returned.
 *
 * - A search term runs the typo lookup over the word list, builds the index bitmaps of its matches
 *   and ranks a bounded window of them (CATALOG_SEARCH_CANDIDATES), once for the page and again
 *   for totals/facets: {@link SEARCH_COST} (so 30 aliased searches go over the limit).
 * - `totalCount`, `totalCountIsExact` and `facets` each stand for one statement over at most
 *   CATALOG_EXACT_COUNT_LIMIT + 1 products of the filtered set ({@link TOTALS_COST}; they share it
 *   when several are asked, counted each time to stay an upper bound).
 */
export const SEARCH_COST = 2_000;
export const TOTALS_COST = 1_000;

/** The own cost of a product list: a search costs {@link SEARCH_COST}, a plain list 1. */
export function productListCost(args: Record<string, unknown>): number {
  const filter = args.filter as { search?: unknown } | null | undefined;
  return typeof filter?.search === 'string' && filter.search.trim() !== '' ? SEARCH_COST : 1;
}
