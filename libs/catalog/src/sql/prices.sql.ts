/**
 * The min/max variant price kept on the product (the sort key of PRICE_ASC/PRICE_DESC): current
 * definitions of its functions and triggers (see search.sql.ts for how they are checked).
 */

/** After inserting variants: refreshes the prices of their products (a transition table, per statement). */
export const CATALOG_PRODUCTS_PRICE_REFRESH_ROWS_SQL = `CREATE OR REPLACE FUNCTION catalog_products_price_refresh_rows() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    UPDATE products p SET min_price_amount = s.min_price, max_price_amount = s.max_price
      FROM (SELECT v.product_id, min(v.price_amount) AS min_price, max(v.price_amount) AS max_price
              FROM product_variants v WHERE v.product_id IN (SELECT product_id FROM changed)
             GROUP BY v.product_id) s
     WHERE p.id = s.product_id
       AND (p.min_price_amount, p.max_price_amount) IS DISTINCT FROM (s.min_price, s.max_price);
    RETURN NULL;
  END $$`;

export const TRG_PRODUCT_VARIANTS_PRICE_INSERT_SQL = `CREATE TRIGGER "TRG_product_variants_price_insert" AFTER INSERT ON "product_variants"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalog_products_price_refresh_rows()`;

/** After a variant's price changes: refreshes its product's prices. */
export const CATALOG_PRODUCTS_PRICE_REFRESH_ROW_SQL = `CREATE OR REPLACE FUNCTION catalog_products_price_refresh_row() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    UPDATE products p SET min_price_amount = s.min_price, max_price_amount = s.max_price
      FROM (SELECT min(price_amount) AS min_price, max(price_amount) AS max_price
              FROM product_variants WHERE product_id = NEW.product_id) s
     WHERE p.id = NEW.product_id
       AND (p.min_price_amount, p.max_price_amount) IS DISTINCT FROM (s.min_price, s.max_price);
    RETURN NULL;
  END $$`;

/** Only on a price change: stock updates must never touch (and lock) the product row. */
export const TRG_PRODUCT_VARIANTS_PRICE_UPDATE_SQL = `CREATE TRIGGER "TRG_product_variants_price_update" AFTER UPDATE OF price_amount ON "product_variants"
  FOR EACH ROW WHEN (OLD.price_amount IS DISTINCT FROM NEW.price_amount)
  EXECUTE FUNCTION catalog_products_price_refresh_row()`;
