// Scenarios 1–9 of issue 13 as specifications the load process (bench/load.mjs) runs.
import { CATALOG_PAGE, DIRECTORY_PAGE, FILTERED_PAGE, PRODUCT_DETAIL, SEARCH_PAGE } from './documents.mjs';

/** Real terms in French, Arabic and English; the last ones with typos. */
export const SEARCH_TERMS = [
  'miel',
  "huile d'argan",
  'tapis',
  'savon bio',
  'عسل',
  'زيت الزيتون',
  'كسكس',
  'honey',
  'olive oil',
  'handmade rug',
  'djelaba',
  'couscouss',
  'amlu',
  'tajin',
];

export const FILTERS = [
  { categoryCode: 'honey-hive-products', minPrice: 20_000, inStock: true },
  { certified: true, inStock: true },
  { womenLed: true, maxPrice: 100_000 },
  { categoryCode: 'argan-oil', inStock: true },
  { certified: true, minPrice: 20_000, maxPrice: 150_000 },
];

export const DIRECTORY_FILTERS = [
  { regionCode: 'MA-06' },
  { regionCode: 'MA-09', womenLed: true },
  { sector: 'BEEKEEPING' },
  { regionCode: 'MA-01', sector: 'HANDICRAFT' },
  { womenLed: true },
];

const body = (query, variables) => JSON.stringify({ query, variables });

/** The target each scenario is judged by; see lib/targets.mjs. */
export const SCENARIO_TITLES = {
  1: 'catalog page, first 20',
  2: 'catalog page, first 100',
  3: 'search fr/ar/en + typos, facets',
  4: 'filtered page, total + facets',
  5: 'deep paging',
  6: 'product detail by slug',
  7: 'cooperative directory, filters',
  8: 'checkout: 2 cooperatives, COD',
  9: 'contention: buyers race for units',
};

/**
 * Read scenarios: each is one or more `rotate` runs (request bodies sent in turn, every answer
 * checked to hold a non-empty value at `expect`). `data` holds what the database gave (slugs,
 * the deep cursor); `o` the options.
 */
export function readScenario(n, data, o) {
  const rotate = (key, title, bodies, expect, extra = {}) => ({
    scenario: n,
    key,
    title,
    kind: 'rotate',
    bodies,
    expect,
    connections: o.concurrency,
    ...extra,
  });
  switch (n) {
    case 1:
      return [rotate('catalog20', SCENARIO_TITLES[1], [body(CATALOG_PAGE, { first: 20 })], 'products.edges')];
    case 2:
      return [
        rotate('catalog100', SCENARIO_TITLES[2], [body(CATALOG_PAGE, { first: 100 })], 'products.edges'),
      ];
    case 3:
      return [
        rotate(
          'search',
          SCENARIO_TITLES[3],
          SEARCH_TERMS.map((search) => body(SEARCH_PAGE, { search })),
          'products.edges',
        ),
      ];
    case 4:
      return [
        rotate(
          'filtered',
          SCENARIO_TITLES[4],
          FILTERS.map((filter) => body(FILTERED_PAGE, { filter })),
          'products.edges',
        ),
      ];
    case 5:
      return [
        rotate('deep-first', 'deep paging: page 1', [body(CATALOG_PAGE, { first: 20 })], 'products.edges'),
        rotate(
          'deep-after',
          `deep paging: page ${data.deepPage}`,
          [body(CATALOG_PAGE, { first: 20, after: data.deepCursor })],
          'products.edges',
        ),
      ];
    case 6:
      return [
        rotate(
          'product',
          SCENARIO_TITLES[6],
          data.slugs.map((slug) => body(PRODUCT_DETAIL, { slug })),
          'product',
        ),
      ];
    case 7:
      return [
        rotate(
          'directory',
          SCENARIO_TITLES[7],
          DIRECTORY_FILTERS.map((filter) => body(DIRECTORY_PAGE, { filter })),
          'cooperatives.edges',
        ),
      ];
    default:
      throw new Error(`scenario ${n} is not a read scenario`);
  }
}
