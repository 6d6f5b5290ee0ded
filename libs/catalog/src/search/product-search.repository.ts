import { Injectable } from '@nestjs/common';
import { Db } from '@taawoun/core';
import { PUBLIC_PRODUCT_SQL, validCertificationSql } from '../catalog-sql.js';
import { PRODUCT_COLUMNS, type ProductRow } from '../products/product.mapper.js';

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

/** The SQL of product search: the typo expansion, the batched per-cooperative pages, the totals. */
@Injectable()
export class ProductSearchRepository {
  constructor(private readonly db: Db) {}

  /**
   * Expands search phrases (each through `catalog_search_query`, whose typo lookup walks the
   * vocabulary's trigram index) in one statement.
   */
  async expand(terms: readonly string[]): Promise<SearchExpansion[]> {
    return this.db.query<SearchExpansion>(
      `SELECT s.term, catalog_search_query(s.term)::text AS query, catalog_normalize(s.term) AS normalized
         FROM unnest($1::text[]) AS s(term)`,
      [terms],
    );
  }

  /**
   * The first `limit` products (newest first, after `keyset`) of each cooperative in `ids`, in
   * one statement: a LATERAL page per cooperative. Products of the cooperatives in `fullIds`
   * (the caller is a member, or an admin) are listed whatever their status; others, public ones.
   * `keyset` is a condition over `s` whose placeholders start at $4.
   */
  async cooperativePages(
    ids: readonly string[],
    fullIds: readonly string[],
    limit: number,
    keyset: string,
    keysetParams: unknown[],
  ): Promise<ProductPageRow[]> {
    return this.db.query<ProductPageRow>(
      `SELECT x.* FROM unnest($1::uuid[]) AS k(id)
       CROSS JOIN LATERAL (
         SELECT * FROM (
           SELECT ${PRODUCT_COLUMNS}, p.created_at::text AS "createdAtKey", p.min_price_amount AS "minPrice",
                  0::float8 AS rank
             FROM products p
             JOIN cooperatives c ON c.id = p.cooperative_id
            WHERE p.cooperative_id = k.id AND (p.cooperative_id = ANY($2::uuid[]) OR ${PUBLIC_PRODUCT_SQL})) s
          WHERE ${keyset}
          ORDER BY s."createdAt" DESC, s.id DESC
          LIMIT $3) x`,
      [ids, fullIds, limit, ...keysetParams],
    );
  }

  /** The visibility condition of {@link cooperativePages} for totals: placeholders $1 (ids) and $2 (full). */
  static readonly COOPERATIVES_WHERE = `p.cooperative_id = ANY($1::uuid[]) AND (p.cooperative_id = ANY($2::uuid[]) OR ${PUBLIC_PRODUCT_SQL})`;

  /**
   * Count and facets of a filtered set in one statement, per group (`group` an SQL text
   * expression over `p`, e.g. the cooperative id, or `''` for a single list).
   */
  async totals(w: ProductWhere, group: string): Promise<TotalsRow[]> {
    return this.db.query<TotalsRow>(
      `WITH ${w.search ? `sq AS MATERIALIZED (SELECT ${w.search.query}::tsquery AS q, ${w.search.text}::text AS t),` : ''}
       filtered AS (
         SELECT ${group} AS grp, p.id, p.category_code, pr.region_code
           FROM products p
           JOIN cooperatives c ON c.id = p.cooperative_id
           JOIN provinces pr ON pr.code = c.province_code
           ${w.search ? 'CROSS JOIN sq' : ''}
          WHERE ${w.where})
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
      w.params,
    );
  }
}
