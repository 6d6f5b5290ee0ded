import { Injectable } from '@nestjs/common';
import {
  BadUserInputError,
  Cursors,
  Db,
  keysetAfter,
  keysetOrderBy,
  pageSize,
  toConnection,
  type CursorType,
  type CursorValue,
  type KeysetColumn,
  type RequestContext,
  isAdminOrMemberOf,
} from '@taawoun/core';
import { PUBLIC_PRODUCT_SQL, validCertificationSql } from '../catalog-sql.js';
import type { ProductFilter } from '../products/product.input.js';
import { PRODUCT_COLUMNS, toProductModel, type ProductRow } from '../products/product.mapper.js';
import type { ProductConnection, ProductTotals } from '../products/product.model.js';
import { ProductSort } from '../products/product-status.js';

/** How one sort orders rows: its keyset columns (ending with the id) and cursor value types. */
interface SortPlan {
  kind: string;
  columns: KeysetColumn[];
  /** SQL casts of the cursor values, in column order. */
  casts: string[];
  /** What each cursor value must be, checked before it reaches SQL. */
  types: CursorType[];
  /** The cursor values of a row, in column order. */
  values: (row: PageRow) => CursorValue[];
}

interface PageRow extends ProductRow {
  /** created_at as text: microsecond precision for the cursor (a JS Date keeps milliseconds). */
  createdAtKey: string;
  minPrice: number;
  rank: number;
}

/** A WHERE clause with its parameters, built once per request and shared by page and totals. */
interface FilterSql {
  where: string;
  params: unknown[];
  search: boolean;
}

const SORTS: Record<ProductSort, SortPlan> = {
  [ProductSort.NEWEST]: {
    kind: 'products:NEWEST',
    columns: [
      // created_at itself (PRODUCT_COLUMNS' "createdAt"), not its text key, so the
      // (created_at, id) index serves the order.
      { expr: 's."createdAt"', direction: 'DESC' },
      { expr: 's.id', direction: 'DESC' },
    ],
    casts: ['::timestamptz', '::uuid'],
    types: ['timestamp', 'uuid'],
    values: (r) => [r.createdAtKey, r.id],
  },
  [ProductSort.PRICE_ASC]: {
    kind: 'products:PRICE_ASC',
    columns: [
      { expr: 's."minPrice"', direction: 'ASC' },
      { expr: 's.id', direction: 'ASC' },
    ],
    casts: ['::int', '::uuid'],
    types: ['int', 'uuid'],
    values: (r) => [r.minPrice, r.id],
  },
  [ProductSort.PRICE_DESC]: {
    kind: 'products:PRICE_DESC',
    columns: [
      { expr: 's."minPrice"', direction: 'DESC' },
      { expr: 's.id', direction: 'DESC' },
    ],
    casts: ['::int', '::uuid'],
    types: ['int', 'uuid'],
    values: (r) => [r.minPrice, r.id],
  },
  [ProductSort.RELEVANCE]: {
    kind: 'products:RELEVANCE',
    columns: [
      { expr: 's.rank', direction: 'DESC' },
      { expr: 's.id', direction: 'ASC' },
    ],
    casts: ['::float8', '::uuid'],
    types: ['float', 'uuid'],
    values: (r) => [r.rank, r.id],
  },
};

/**
 * The `products` list: filters, four keyset-paginated sorts, and totals/facets over the whole
 * filtered set, computed only when the query selects them. Public reads join the live
 * cooperative status, so suspending a cooperative hides its products at once.
 */
@Injectable()
export class ProductSearchService {
  constructor(
    private readonly db: Db,
    private readonly cursors: Cursors,
  ) {}

  async list(
    rc: RequestContext,
    filter: ProductFilter | null | undefined,
    sort: ProductSort | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<ProductConnection> {
    const size = pageSize(first);
    const f = this.filterSql(rc, filter ?? {});
    // RELEVANCE needs a term; without one it is NEWEST (and so is the default).
    const effective =
      sort && (sort !== ProductSort.RELEVANCE || f.search)
        ? sort
        : f.search
          ? ProductSort.RELEVANCE
          : ProductSort.NEWEST;
    const plan = SORTS[effective];
    const params = [...f.params];
    let keyset = 'TRUE';
    if (after) {
      const values = this.cursors.decode(after, plan.kind, plan.types, 'after');
      const placeholders = values.map((v) => {
        params.push(v);
        return params.length;
      });
      // Typed placeholders: the planner compares like with like (timestamptz, uuid, float8).
      keyset = keysetAfter(plan.columns, placeholders[0]).replace(
        /\$(\d+)/g,
        (_, n: string) => `$${n}${plan.casts[Number(n) - placeholders[0]]}`,
      );
    }
    params.push(size + 1);
    const rows = await this.db.query<PageRow>(
      `${f.search ? `WITH ${SEARCH_CTE}` : ''}
       SELECT * FROM (
         SELECT ${PRODUCT_COLUMNS}, p.created_at::text AS "createdAtKey", p.min_price_amount AS "minPrice",
                ${f.search ? `(ts_rank(p.search_document, sq.q) + word_similarity(sq.t, p.search_text))::float8` : '0::float8'} AS rank
           FROM products p
           JOIN cooperatives c ON c.id = p.cooperative_id
           JOIN provinces pr ON pr.code = c.province_code
           ${f.search ? 'CROSS JOIN sq' : ''}
          WHERE ${f.where}) s
        WHERE ${keyset}
        ORDER BY ${keysetOrderBy(plan.columns)}
        LIMIT $${params.length}`,
      params,
    );
    let totals: Promise<ProductTotals> | null = null;
    const connection = toConnection(
      rows,
      size,
      0,
      (row) => this.cursors.encode(plan.kind, plan.values(row)),
      (row) => toProductModel(row),
    );
    const result: ProductConnection = Object.assign(connection, {
      facets: undefined,
      totals: () => (totals ??= this.totals(f)),
    });
    return result;
  }

  /** Count and facets of the filtered set in one query. */
  private async totals(f: FilterSql): Promise<ProductTotals> {
    const rows = await this.db.query<{ kind: string; value: string | null; count: number }>(
      `${f.search ? `WITH ${SEARCH_CTE},` : 'WITH'} filtered AS (
         SELECT p.id, p.category_code, pr.region_code
           FROM products p
           JOIN cooperatives c ON c.id = p.cooperative_id
           JOIN provinces pr ON pr.code = c.province_code
           ${f.search ? 'CROSS JOIN sq' : ''}
          WHERE ${f.where})
       SELECT 'total' AS kind, NULL AS value, count(*)::int AS count FROM filtered
       UNION ALL
       SELECT 'category', category_code, count(*)::int FROM filtered GROUP BY category_code
       UNION ALL
       SELECT 'region', region_code, count(*)::int FROM filtered GROUP BY region_code
       UNION ALL
       SELECT 'certification', ce.type, count(DISTINCT f.id)::int
         FROM filtered f
         JOIN product_certifications pc ON pc.product_id = f.id
         JOIN certifications ce ON ce.id = pc.certification_id AND ${validCertificationSql('ce')}
        GROUP BY ce.type`,
      f.params,
    );
    const facet = (kind: string) =>
      rows
        .filter((r) => r.kind === kind)
        .map((r) => ({ value: r.value ?? '', count: r.count }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    return {
      totalCount: rows.find((r) => r.kind === 'total')?.count ?? 0,
      facets: {
        categories: facet('category'),
        regions: facet('region'),
        certifications: facet('certification'),
      },
    };
  }

  /**
   * The filter as SQL over `p` (products), `c` (cooperatives), `pr` (provinces) and, with a
   * search term, `sq` (the parsed query). Members and admins listing one cooperative see every
   * status of its products; everyone else sees public products only.
   */
  private filterSql(rc: RequestContext, filter: ProductFilter): FilterSql {
    const params: unknown[] = [];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.minPrice != null && filter.maxPrice != null && filter.minPrice > filter.maxPrice)
      throw BadUserInputError.field('filter.minPrice', 'must not be above maxPrice');
    const search = filter.search?.trim() ? filter.search.trim() : null;
    const conditions: string[] = [];
    if (search) {
      // The first parameter is always the search phrase (SEARCH_CTE refers to $1).
      p(search);
      conditions.push(`(p.search_document @@ sq.q OR sq.t <% p.search_text)`);
    }
    if (filter.cooperativeId) {
      conditions.push(`p.cooperative_id = ${p(filter.cooperativeId)}`);
      if (!isAdminOrMemberOf(rc.actor, filter.cooperativeId)) conditions.push(PUBLIC_PRODUCT_SQL);
    } else {
      conditions.push(PUBLIC_PRODUCT_SQL);
    }
    if (filter.categoryCode)
      conditions.push(
        `p.category_code IN (SELECT code FROM categories WHERE code = ${p(filter.categoryCode)} OR parent_code = $${params.length})`,
      );
    if (filter.regionCode) conditions.push(`pr.region_code = ${p(filter.regionCode)}`);
    if (filter.womenLed != null) conditions.push(`c.women_led = ${p(filter.womenLed)}`);
    if (filter.certified != null) {
      const exists = `EXISTS (SELECT 1 FROM product_certifications pc JOIN certifications ce ON ce.id = pc.certification_id
                        WHERE pc.product_id = p.id AND ${validCertificationSql('ce')})`;
      conditions.push(filter.certified ? exists : `NOT ${exists}`);
    }
    if (filter.minPrice != null || filter.maxPrice != null || filter.inStock != null) {
      const variant: string[] = [];
      if (filter.minPrice != null) variant.push(`v.price_amount >= ${p(filter.minPrice)}`);
      if (filter.maxPrice != null) variant.push(`v.price_amount <= ${p(filter.maxPrice)}`);
      if (filter.inStock) variant.push('v.stock > 0');
      if (variant.length) {
        conditions.push(
          `EXISTS (SELECT 1 FROM product_variants v WHERE v.product_id = p.id AND ${variant.join(' AND ')})`,
        );
      }
      if (filter.inStock === false)
        conditions.push(
          `NOT EXISTS (SELECT 1 FROM product_variants v WHERE v.product_id = p.id AND v.stock > 0)`,
        );
    }
    return { where: conditions.join(' AND '), params, search: !!search };
  }
}

/** The parsed search phrase ($1): its tsquery (with typo neighbours) and its normalised text. */
const SEARCH_CTE = `sq AS MATERIALIZED (SELECT catalog_search_query($1) AS q, catalog_normalize($1) AS t)`;
