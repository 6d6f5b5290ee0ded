import {
  CATALOG_PRODUCTS_PRICE_REFRESH_ROW_SQL,
  CATALOG_PRODUCTS_PRICE_REFRESH_ROWS_SQL,
  TRG_PRODUCT_VARIANTS_PRICE_INSERT_SQL,
  TRG_PRODUCT_VARIANTS_PRICE_UPDATE_SQL,
} from './prices.sql.js';
import {
  CATALOG_IS_TYPO_SQL,
  CATALOG_NORMALIZE_SQL,
  CATALOG_PRODUCTS_SEARCH_REFRESH_SQL,
  CATALOG_SEARCH_ALTERNATIVES_SQL,
  CATALOG_SEARCH_QUERY_SQL,
  CATALOG_SORTED_LETTERS_SQL,
  TRG_PRODUCTS_SEARCH_SQL,
} from './search.sql.js';

/** A trigger as code: its name, table and `CREATE TRIGGER` text. */
export interface TriggerDefinition {
  name: string;
  table: string;
  sql: string;
}

/** The catalog's database functions (name → `CREATE OR REPLACE FUNCTION`), in dependency order. */
export const CATALOG_FUNCTIONS: Readonly<Record<string, string>> = {
  catalog_normalize: CATALOG_NORMALIZE_SQL,
  catalog_sorted_letters: CATALOG_SORTED_LETTERS_SQL,
  catalog_is_typo: CATALOG_IS_TYPO_SQL,
  catalog_search_alternatives: CATALOG_SEARCH_ALTERNATIVES_SQL,
  catalog_search_query: CATALOG_SEARCH_QUERY_SQL,
  catalog_products_search_refresh: CATALOG_PRODUCTS_SEARCH_REFRESH_SQL,
  catalog_products_price_refresh_rows: CATALOG_PRODUCTS_PRICE_REFRESH_ROWS_SQL,
  catalog_products_price_refresh_row: CATALOG_PRODUCTS_PRICE_REFRESH_ROW_SQL,
};

/** The catalog's triggers. */
export const CATALOG_TRIGGERS: readonly TriggerDefinition[] = [
  { name: 'TRG_products_search', table: 'products', sql: TRG_PRODUCTS_SEARCH_SQL },
  {
    name: 'TRG_product_variants_price_insert',
    table: 'product_variants',
    sql: TRG_PRODUCT_VARIANTS_PRICE_INSERT_SQL,
  },
  {
    name: 'TRG_product_variants_price_update',
    table: 'product_variants',
    sql: TRG_PRODUCT_VARIANTS_PRICE_UPDATE_SQL,
  },
];
