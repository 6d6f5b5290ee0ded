import { Injectable } from '@nestjs/common';
import { Db, type Actor } from '@taawoun/core';
import type { ProductFilter } from '../products/product.input.js';
import { validCertificationSql } from '../certifications/certification-validity.js';
import { binder, productVisibility } from '../products/product-visibility.js';
import { PRODUCT_COLUMNS, type ProductRow } from '../products/product.repository.js';

/** A search phrase made ready for SQL once: its tsquery (typo neighbours included) and normalised text. */
export interface SearchExpansion {
  term: string;
  /** The tsquery as text (null when the phrase has no word), cast back with `::tsquery`. */
  query: string | null;
  normalized: string;
}

/** A product row of a page, with what its cursor needs. */
export interface ProductPageRow extends ProductRow {
  /** created_at as text: microsecond precision for the cursor (a JS Date keeps milliseconds). */
  createdAtKey: string;
  minPrice: number;
  rank: number;
}

/** One count of a totals query: the group (a cooperative id, or '' for one list), the kind and value. */
export interface TotalsRow {
  grp: string;
  kind: 'total' | 'category' | 'region' | 'certification';
  value: string | null;
  count: number;
}

/**
 * A WHERE clause over `p` (products), `c` (cooperatives), `pr` (provinces) and, with a search
 * term, `sq` (the expanded phrase: `q` its tsquery, `t` its normalised text), with parameters.
 */
export interface ProductWhere {
  where: string;
  params: unknown[];
  /** The placeholders of the expanded search (tsquery text, normalised text), when searching. */
  search: { query: string; text: string } | null;
}

/**
 * The WHERE clause of the `products` list for a filter (checked by the service) and, with a
 * search term, its expansion. A cooperative's list shows what the caller may see of it
 * (`productVisibility`: members and admins, every status); the catalogue is the public view,
 * whoever asks.
 */
export function productListWhere(
  actor: Actor | null | undefined,
  filter: ProductFilter,
  expanded: SearchExpansion | null,
): ProductWhere {
  const params: unknown[] = [];
  const p = binder(params);
  const conditions: string[] = [];
  let search: ProductWhere['search'] = null;
  if (expanded) {
    search = { query: p(expanded.query), text: p(expanded.normalized) };
    conditions.push(`(p.search_document @@ sq.q OR sq.t <% p.search_text)`);
  }
  if (filter.cooperativeId)
    conditions.push(`p.cooperative_id = ${p(filter.cooperativeId)}`, productVisibility(actor, p));
  else conditions.push(productVisibility(null, p));
  if (filter.categoryCode) {
    const code = p(filter.categoryCode);
    conditions.push(
      `p.category_code IN (SELECT code FROM categories WHERE code = ${code} OR parent_code = ${code})`,
    );
  }
  if (filter.regionCode) conditions.push(`pr.region_code = ${p(filter.regionCode)}`);
  if (filter.womenLed != null) conditions.push(`c.women_led = ${p(filter.womenLed)}`);
  if (filter.certified != null) {
    const exists = `EXISTS (SELECT 1 FROM product_certifications pc JOIN certifications ce ON ce.id = pc.certification_id
                      WHERE pc.product_id = p.id AND ${validCertificationSql('ce')})`;
    conditions.push(filter.certified ? exists : `NOT ${exists}`);
  }
  const variant: string[] = [];
  if (filter.minPrice != null) variant.push(`v.price_amount >= ${p(filter.minPrice)}`);
  if (filter.maxPrice != null) variant.push(`v.price_amount <= ${p(filter.maxPrice)}`);
  if (filter.inStock) variant.push('v.stock > 0');
  // The product's price range (kept by the variants' triggers) rules out most products
  // before their variants are read; the variant condition below stays the rule.
  if (filter.minPrice != null) conditions.push(`p.max_price_amount >= ${p(filter.minPrice)}`);
  if (filter.maxPrice != null) conditions.push(`p.min_price_amount <= ${p(filter.maxPrice)}`);
  if (variant.length)
    conditions.push(
      `EXISTS (SELECT 1 FROM product_variants v WHERE v.product_id = p.id AND ${variant.join(' AND ')})`,
    );
  if (filter.inStock === false)
    conditions.push(
      `NOT EXISTS (SELECT 1 FROM product_variants v WHERE v.product_id = p.id AND v.stock > 0)`,
    );
  return { where: conditions.join(' AND '), params, search };
}

/**
 * How a RELEVANCE search bounds its work: the first `candidates` matches found, of which the
 * `ranked` best by text rank are ordered by the full relevance and listed.
 */
export interface RelevanceWindow {
  candidates: number;
  ranked: number;
}

/** A keyset condition over `s` (the page's rows), its values pushed onto `params`. */
export type KeysetCondition = (params: unknown[]) => string;

/** The columns of a page row over `p`, after {@link PRODUCT_COLUMNS}. */
const PAGE_COLUMNS = `${PRODUCT_COLUMNS}, p.created_at::text AS "createdAtKey", p.min_price_amount AS "minPrice"`;

export const PRODUCT_SEARCH_SQL = {
  /** Each phrase through `catalog_search_query`, whose typo lookup walks the vocabulary's trigram index. */
  expand: `SELECT s.term, catalog_search_query(s.term)::text AS query, catalog_normalize(s.term) AS normalized
             FROM unnest($1::text[]) AS s(term)`,
} as const;

/** The SQL of product search: the typo expansion, the batched per-cooperative pages, the totals. */
@Injectable()
export class ProductSearchRepository {
  constructor(private readonly db: Db) {}

  /**
   * Expands search phrases (each through `catalog_search_query`, whose typo lookup walks the
   * vocabulary's trigram index) in one statement.
   */
  async expand(terms: readonly string[]): Promise<SearchExpansion[]> {
    return this.db.query<SearchExpansion>(PRODUCT_SEARCH_SQL.expand, [terms]);
  }

  /**
   * A page of the filtered list (`w`, whose visibility condition its builder took from
   * `productVisibility`): the rows after `keyset`, in `orderBy`, at most `limit`. Rows carry a
   * relevance rank only when `relevance` is given (a search sorted by RELEVANCE), see
   * {@link rankedPage}; other sorts need none (rank 0).
   */
  async page(
    w: ProductWhere,
    keyset: KeysetCondition,
    orderBy: string,
    limit: number,
    relevance: RelevanceWindow | null = null,
  ): Promise<ProductPageRow[]> {
    if (relevance && w.search) return this.rankedPage(w, keyset, orderBy, limit, relevance);
    const params = [...w.params];
    const after = keyset(params);
    const bind = binder(params);
    return this.db.query<ProductPageRow>(
      `${w.search ? `WITH ${searchCte(w)}` : ''}
       SELECT * FROM (
         SELECT ${PAGE_COLUMNS}, 0::float8 AS rank
           FROM products p
           JOIN cooperatives c ON c.id = p.cooperative_id
           JOIN provinces pr ON pr.code = c.province_code
           ${w.search ? 'CROSS JOIN sq' : ''}
          WHERE ${w.where}) s
        WHERE ${after}
        ORDER BY ${orderBy}
        LIMIT ${bind(limit)}`,
      params,
    );
  }

  /**
   * A page of a search in relevance order, its work bounded whatever the number of matches:
   * the first `candidates` matches the search indexes give (no order: a bitmap scan stops
   * there), their text rank (`ts_rank`, cheap), the `ranked` best of those by it, and only
   * these get the full relevance (text rank + `word_similarity` over the whole text, the
   * costly part) and are paged. The window does not depend on the cursor, so every page of a
   * walk pages through the same ranked rows.
   */
  private async rankedPage(
    w: ProductWhere,
    keyset: KeysetCondition,
    orderBy: string,
    limit: number,
    relevance: RelevanceWindow,
  ): Promise<ProductPageRow[]> {
    const params = [...w.params];
    const bind = binder(params);
    const candidates = bind(relevance.candidates);
    const ranked = bind(relevance.ranked);
    const after = keyset(params);
    return this.db.query<ProductPageRow>(
      `WITH ${searchCte(w)},
       candidates AS MATERIALIZED (
         SELECT p.id, ts_rank(p.search_document, sq.q) AS text_rank
           FROM products p
           JOIN cooperatives c ON c.id = p.cooperative_id
           JOIN provinces pr ON pr.code = c.province_code
           CROSS JOIN sq
          WHERE ${w.where}
          LIMIT ${candidates}),
       best AS MATERIALIZED (
         SELECT id, text_rank FROM candidates ORDER BY text_rank DESC, id LIMIT ${ranked})
       SELECT * FROM (
         SELECT ${PAGE_COLUMNS}, (b.text_rank + word_similarity(sq.t, p.search_text))::float8 AS rank
           FROM best b
           JOIN products p ON p.id = b.id
           CROSS JOIN sq) s
        WHERE ${after}
        ORDER BY ${orderBy}
        LIMIT ${bind(limit)}`,
      params,
    );
  }

  /**
   * The first `limit` products (newest first, after `keyset`) of each cooperative in `ids`, in
   * one statement: a LATERAL page per cooperative, of the products `actor` may see.
   */
  async cooperativePages(
    actor: Actor | null | undefined,
    ids: readonly string[],
    limit: number,
    keyset: KeysetCondition,
  ): Promise<ProductPageRow[]> {
    const params: unknown[] = [ids];
    const bind = binder(params);
    const visible = productVisibility(actor, bind);
    const after = keyset(params);
    return this.db.query<ProductPageRow>(
      `SELECT x.* FROM unnest($1::uuid[]) AS k(id)
       CROSS JOIN LATERAL (
         SELECT * FROM (
           SELECT ${PAGE_COLUMNS}, 0::float8 AS rank
             FROM products p
             JOIN cooperatives c ON c.id = p.cooperative_id
            WHERE p.cooperative_id = k.id AND ${visible}) s
          WHERE ${after}
          ORDER BY s."createdAt" DESC, s.id DESC
          LIMIT ${bind(limit)}) x`,
      params,
    );
  }

  /** Count and facets of the products of each cooperative in `ids` that `actor` may see, grouped by cooperative. */
  cooperativeTotals(actor: Actor | null | undefined, ids: readonly string[]): Promise<TotalsRow[]> {
    const params: unknown[] = [ids];
    const where = `p.cooperative_id = ANY($1::uuid[]) AND ${productVisibility(actor, binder(params))}`;
    return this.totals({ where, params, search: null }, 'p.cooperative_id::text', null);
  }

  /**
   * Count and facets of a filtered set in one statement, per group (`group` an SQL text
   * expression over `p`, e.g. the cooperative id, or `''` for a single list). With `cap`, over
   * the first `cap + 1` matching products only (whatever order they are found in): a count
   * above `cap` means the set is larger and the counts are those of that first part.
   */
  async totals(w: ProductWhere, group: string, cap: number | null): Promise<TotalsRow[]> {
    const statement = totalsStatement(w, group, cap);
    return this.db.query<TotalsRow>(statement.sql, statement.params);
  }
}

/** A statement and its parameters. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/** The statement of {@link ProductSearchRepository.totals} (rows: grp, kind, value, count). */
export function totalsStatement(w: ProductWhere, group: string, cap: number | null): Statement {
  const params = [...w.params];
  const limit = cap == null ? '' : `LIMIT ${binder(params)(cap + 1)}`;
  return {
    sql: `WITH ${w.search ? `${searchCte(w)},` : ''}
       filtered AS MATERIALIZED (
         SELECT ${group} AS grp, p.id, p.category_code, pr.region_code
           FROM products p
           JOIN cooperatives c ON c.id = p.cooperative_id
           JOIN provinces pr ON pr.code = c.province_code
           ${w.search ? 'CROSS JOIN sq' : ''}
          WHERE ${w.where}
          ${limit})
       SELECT grp, 'total' AS kind, NULL AS value, count(*)::int AS count FROM filtered GROUP BY grp
       UNION ALL
       SELECT grp, 'category', category_code, count(*)::int FROM filtered GROUP BY grp, category_code
       UNION ALL
       SELECT grp, 'region', region_code, count(*)::int FROM filtered GROUP BY grp, region_code
       UNION ALL
       SELECT f.grp, 'certification', ce.type, count(DISTINCT f.id)::int
         FROM filtered f
         JOIN product_certifications pc ON pc.product_id = f.id
         JOIN certifications ce ON ce.id = pc.certification_id AND ${validCertificationSql('ce')}
        GROUP BY f.grp, ce.type`,
    params,
  };
}

/** The expanded search phrase as the `sq` row: its tsquery (with typo neighbours) and normalised text. */
function searchCte(w: ProductWhere): string {
  return `sq AS MATERIALIZED (SELECT ${w.search!.query}::tsquery AS q, ${w.search!.text}::text AS t)`;
}
