import { Injectable } from '@nestjs/common';
import { Db } from '@taawoun/core';
import { validCertificationSql } from '../certifications/certification-validity.js';
import { binder, productVisibility } from '../products/product-visibility.js';
import type { Statement } from './product-search.repository.js';

/** The filters the facet summary answers: no search, price or cooperative (those take the bounded path). */
export interface SummaryFilter {
  categoryCode?: string | null;
  regionCode?: string | null;
  womenLed?: boolean | null;
  certified?: boolean | null;
  inStock?: boolean | null;
}

/** One count, with when the summary was computed (null: counted now by the fallback statement). */
export interface SummaryRow {
  kind: 'total' | 'category' | 'region' | 'certification';
  value: string | null;
  count: number;
  asOf: Date | null;
}

/** Public products with their summary keys: the one visibility rule, live cooperative status. */
const KEYED = `SELECT p.id, p.category_code, pr.region_code, c.women_led,
         EXISTS (SELECT 1 FROM product_variants v WHERE v.product_id = p.id AND v.stock > 0) AS in_stock
    FROM products p
    JOIN cooperatives c ON c.id = p.cooperative_id
    JOIN provinces pr ON pr.code = c.province_code
   WHERE ${productVisibility(null, binder([]))}`;

const CELL_KEY = 'category_code, region_code, women_led, in_stock';

export const FACET_SUMMARY_SQL = {
  /**
   * The refresh reads the whole catalogue (2–4 s at 100,000 products on a loaded 2-core
   * machine): its transaction gets 2 minutes instead of DATABASE_STATEMENT_TIMEOUT_MS, which
   * bounds what a request may cost, not this job; and enough memory to group the products in
   * memory instead of an external sort (3.4 s instead of 4.0–4.7 s at 100k, same load).
   */
  settings: `SELECT set_config('statement_timeout', '120s', true), set_config('work_mem', '32MB', true)`,
  /**
   * Refreshes run one at a time (a transaction-level advisory lock, which readers never take):
   * the second of two concurrent refreshes takes its snapshot after the first has committed.
   */
  lock: `SELECT pg_advisory_xact_lock(hashtext('catalog_facet_summary.refresh'))`,
  /**
   * Recomputes every cell in one statement (one snapshot): cells upserted, cells no product has
   * any more deleted (the upserted and the deleted rows are disjoint), and the time recorded.
   * Readers keep seeing the previous summary until it commits.
   */
  refresh: `WITH keyed AS MATERIALIZED (${KEYED}),
       types AS MATERIALIZED (
         SELECT DISTINCT pc.product_id, ce.type
           FROM product_certifications pc
           JOIN certifications ce ON ce.id = pc.certification_id AND ${validCertificationSql('ce')}
          WHERE pc.product_id IN (SELECT id FROM keyed)),
       cells AS MATERIALIZED (
         SELECT k.category_code, k.region_code, k.women_led, k.in_stock,
                EXISTS (SELECT 1 FROM types t WHERE t.product_id = k.id) AS certified, count(*)::int AS products
           FROM keyed k GROUP BY 1, 2, 3, 4, 5),
       type_cells AS MATERIALIZED (
         SELECT k.category_code, k.region_code, k.women_led, k.in_stock, t.type AS certification_type,
                count(*)::int AS products
           FROM keyed k JOIN types t ON t.product_id = k.id GROUP BY 1, 2, 3, 4, 5),
       upsert_cells AS (
         INSERT INTO catalog_facet_cells (${CELL_KEY}, certified, products)
         SELECT * FROM cells
         ON CONFLICT (${CELL_KEY}, certified) DO UPDATE SET products = EXCLUDED.products),
       drop_cells AS (
         DELETE FROM catalog_facet_cells x
          WHERE NOT EXISTS (SELECT 1 FROM cells f WHERE (f.category_code, f.region_code, f.women_led, f.in_stock, f.certified)
                                                        = (x.category_code, x.region_code, x.women_led, x.in_stock, x.certified))),
       upsert_types AS (
         INSERT INTO catalog_facet_certification_cells (${CELL_KEY}, certification_type, products)
         SELECT * FROM type_cells
         ON CONFLICT (${CELL_KEY}, certification_type) DO UPDATE SET products = EXCLUDED.products),
       drop_types AS (
         DELETE FROM catalog_facet_certification_cells x
          WHERE NOT EXISTS (SELECT 1 FROM type_cells f
                             WHERE (f.category_code, f.region_code, f.women_led, f.in_stock, f.certification_type)
                                 = (x.category_code, x.region_code, x.women_led, x.in_stock, x.certification_type)))
       INSERT INTO catalog_facet_refresh (id, refreshed_at) VALUES (true, statement_timestamp())
       ON CONFLICT (id) DO UPDATE SET refreshed_at = EXCLUDED.refreshed_at`,
} as const;

/**
 * The catalogue's facet summary: per combination of category, region, women-led, in stock and
 * certified, how many public products have it (and per valid certification type). Read in work
 * bounded by the number of combinations, whatever the catalogue's size.
 */
@Injectable()
export class FacetSummaryRepository {
  constructor(private readonly db: Db) {}

  /** Recomputes the summary from the products now (one refresh at a time). */
  async refresh(): Promise<void> {
    await this.db.transaction(async () => {
      await this.db.query(FACET_SUMMARY_SQL.settings);
      await this.db.query(FACET_SUMMARY_SQL.lock);
      await this.db.execute(FACET_SUMMARY_SQL.refresh);
    });
  }

  /**
   * Count and facets of the public products matching `filter`, as of the last refresh, in one
   * statement. Same meaning as the exact path of the `products` totals: a category includes its
   * children, inStock false means no variant in stock, the certification facet counts products
   * with a valid certificate of each type. When the summary was never computed, the same
   * statement answers `fallback`'s rows instead (its kind, value, count; `asOf` null): the
   * fallback runs only then (a one-time filter), so a list costs one statement either way.
   */
  async read(filter: SummaryFilter, fallback: Statement): Promise<SummaryRow[]> {
    const params: unknown[] = [...fallback.params];
    const p = binder(params);
    const keys: string[] = ['TRUE'];
    if (filter.categoryCode) {
      const code = p(filter.categoryCode);
      keys.push(
        `category_code IN (SELECT code FROM categories WHERE code = ${code} OR parent_code = ${code})`,
      );
    }
    if (filter.regionCode) keys.push(`region_code = ${p(filter.regionCode)}`);
    if (filter.womenLed != null) keys.push(`women_led = ${p(filter.womenLed)}`);
    if (filter.inStock != null) keys.push(`in_stock = ${p(filter.inStock)}`);
    // Only certified products have a type: certified true adds nothing there, false leaves none.
    const typed = filter.certified === false ? ['FALSE'] : keys;
    const cells = filter.certified != null ? [...keys, `certified = ${p(filter.certified)}`] : keys;
    return this.db.query<SummaryRow>(
      `SELECT * FROM (
         WITH cells AS MATERIALIZED (
           SELECT category_code, region_code, products FROM catalog_facet_cells WHERE ${cells.join(' AND ')}),
         counts AS (
           SELECT 'total' AS kind, NULL AS value, coalesce(sum(products), 0)::int AS count FROM cells
           UNION ALL
           SELECT 'category', category_code, sum(products)::int FROM cells GROUP BY category_code
           UNION ALL
           SELECT 'region', region_code, sum(products)::int FROM cells GROUP BY region_code
           UNION ALL
           SELECT 'certification', certification_type, sum(products)::int
             FROM catalog_facet_certification_cells WHERE ${typed.join(' AND ')} GROUP BY certification_type)
         SELECT x.kind, x.value, x.count, r.refreshed_at AS "asOf" FROM counts x CROSS JOIN catalog_facet_refresh r) s
       UNION ALL
       SELECT f.kind, f.value, f.count, NULL::timestamptz FROM (${fallback.sql}) f
        WHERE NOT EXISTS (SELECT 1 FROM catalog_facet_refresh)`,
      params,
    );
  }
}
