import { Injectable } from '@nestjs/common';
import {
  AppConfig,
  BadUserInputError,
  Cursors,
  keysetAfter,
  keysetOrderBy,
  pageSize,
  toConnection,
  type CursorType,
  type CursorValue,
  type KeysetColumn,
  type RequestContext,
  manyByKey,
} from '@taawoun/core';
import type { ProductFilter } from '../products/product.input.js';
import { toProductModel } from '../products/product.mapper.js';
import type { ProductConnection, ProductTotals } from '../products/product.model.js';
import { ProductSort } from '../products/product-sort.js';
import {
  ProductSearchRepository,
  productListWhere,
  type KeysetCondition,
  type ProductPageRow,
  type RelevanceWindow,
  type ProductWhere,
  type SearchExpansion,
  type TotalsRow,
  totalsStatement,
} from './product-search.repository.js';
import { FacetSummaryRepository, type SummaryFilter } from './facet-summary.repository.js';

/** At most this many words in a search phrase: each is expanded with its typo neighbours. */
export const MAX_SEARCH_WORDS = 8;
/** The longest word of a search phrase (the vocabulary keeps words of 3 to 40 letters). */
export const MAX_SEARCH_WORD_LENGTH = 40;

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

type PageRow = ProductPageRow;

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
 * The `products` list: filters, four keyset-paginated sorts, and totals/facets computed only
 * when the query selects them, exact up to CATALOG_EXACT_COUNT_LIMIT matches (above it, over
 * that many: flagged inexact). A search in RELEVANCE order ranks a bounded window of its
 * matches (CATALOG_SEARCH_CANDIDATES / CATALOG_SEARCH_RANKED). Public reads join the live
 * cooperative status, so suspending a cooperative hides its products at once.
 */
@Injectable()
export class ProductSearchService {
  private readonly relevance: RelevanceWindow;
  private readonly countLimit: number;
  private readonly useSummary: boolean;

  constructor(
    private readonly repository: ProductSearchRepository,
    private readonly summary: FacetSummaryRepository,
    private readonly cursors: Cursors,
    config: AppConfig,
  ) {
    this.relevance = { candidates: config.CATALOG_SEARCH_CANDIDATES, ranked: config.CATALOG_SEARCH_RANKED };
    this.countLimit = config.CATALOG_EXACT_COUNT_LIMIT;
    this.useSummary = config.CATALOG_FACET_SUMMARY;
  }

  async list(
    rc: RequestContext,
    filter: ProductFilter | null | undefined,
    sort: ProductSort | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<ProductConnection> {
    const size = pageSize(first);
    const f = await this.filterSql(rc, filter ?? {});
    // RELEVANCE needs a term; without one it is NEWEST (and so is the default).
    const effective =
      sort && (sort !== ProductSort.RELEVANCE || f.search)
        ? sort
        : f.search
          ? ProductSort.RELEVANCE
          : ProductSort.NEWEST;
    const plan = SORTS[effective];
    const rows = await this.repository.page(
      f,
      this.keyset(plan, after),
      keysetOrderBy(plan.columns),
      size + 1,
      effective === ProductSort.RELEVANCE ? this.relevance : null,
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
      totals: () => (totals ??= this.totals(filter ?? {}, f)),
    });
    return result;
  }

  /**
   * Count and facets of the list, in one statement: from the facet summary (exact as of its last
   * refresh) when the filter is one it answers and it has been computed; otherwise counted now
   * over at most CATALOG_EXACT_COUNT_LIMIT + 1 matches.
   */
  private async totals(filter: ProductFilter, f: ProductWhere): Promise<ProductTotals> {
    const common = this.useSummary ? summaryFilter(filter, f) : null;
    if (!common) return toTotals(await this.repository.totals(f, `''`, this.countLimit), this.countLimit);
    const rows = await this.summary.read(common, totalsStatement(f, `''`, this.countLimit));
    const asOf = rows.find((r) => r.asOf)?.asOf ?? null;
    const totals = toTotals(
      rows.map((r) => ({ grp: '', kind: r.kind, value: r.value, count: r.count })),
      asOf ? null : this.countLimit,
    );
    return { ...totals, asOf };
  }

  /**
   * `Cooperative.products`: a page of one cooperative's products, newest first (drafts and
   * archived ones too for its members and admins). Batched per request: the pages of every
   * cooperative asked with the same `first`/`after` load in one statement, and their totals
   * (when selected) in one more, however many cooperatives the request lists.
   */
  async forCooperative(
    rc: RequestContext,
    cooperativeId: string,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<ProductConnection> {
    const size = pageSize(first);
    const plan = SORTS[ProductSort.NEWEST];
    const keyset = this.keyset(plan, after);
    const rows = await rc.loaders
      .get<string, PageRow[]>(`catalog.cooperativeProducts:${size}:${after ?? ''}`, async (ids) => {
        const found = await this.repository.cooperativePages(rc.actor, ids, size + 1, keyset);
        return manyByKey(ids, found, (r) => r.cooperativeId);
      })
      .load(cooperativeId);
    const connection = toConnection(
      rows,
      size,
      0,
      (row) => this.cursors.encode(plan.kind, plan.values(row)),
      (row) => toProductModel(row),
    );
    const totals = () =>
      rc.loaders
        .get<string, ProductTotals>('catalog.cooperativeProductTotals', async (ids) => {
          const found = await this.repository.cooperativeTotals(rc.actor, ids);
          return ids.map((id) =>
            toTotals(
              found.filter((r) => r.grp === id),
              null,
            ),
          );
        })
        .load(cooperativeId);
    return Object.assign(connection, { facets: undefined, totals });
  }

  /** The cursor condition of `after` for `plan` (decoded now: a bad cursor fails before any query). */
  private keyset(plan: SortPlan, after: string | null | undefined): KeysetCondition {
    const values = after ? this.cursors.decode(after, plan.kind, plan.types, 'after') : null;
    return (params) => keysetSql(plan, values, params);
  }

  /** The expanded search phrase, once per request whatever the number of lists that use it. */
  private expansion(rc: RequestContext, term: string): Promise<SearchExpansion> {
    return rc.loaders
      .get<string, SearchExpansion>('catalog.searchExpansion', async (terms) => {
        const rows = await this.repository.expand(terms);
        return terms.map((term) => rows.find((r) => r.term === term) ?? new Error('search not expanded'));
      })
      .load(term);
  }

  /**
   * The filter as SQL over `p` (products), `c` (cooperatives), `pr` (provinces) and, with a
   * search term, `sq` (the parsed query). Members and admins listing one cooperative see every
   * status of its products; everyone else sees public products only.
   */
  private async filterSql(rc: RequestContext, filter: ProductFilter): Promise<ProductWhere> {
    if (filter.minPrice != null && filter.maxPrice != null && filter.minPrice > filter.maxPrice)
      throw BadUserInputError.field('filter.minPrice', 'must not be above maxPrice');
    const term = filter.search?.trim() ? filter.search.trim() : null;
    if (term) checkSearchTerm(term);
    const expanded = term ? await this.expansion(rc, term) : null;
    return productListWhere(rc.actor, filter, expanded);
  }
}

/**
 * Refuses a phrase whose expansion would cost more than a bounded amount: more than
 * {@link MAX_SEARCH_WORDS} words, or a word longer than {@link MAX_SEARCH_WORD_LENGTH}. Words
 * are runs of letters (with their combining marks, such as Arabic tashkeel) and digits, as
 * PostgreSQL's text parser splits them; the SQL function also expands at most 8.
 */
function checkSearchTerm(term: string): void {
  const words = term.split(/[^\p{L}\p{M}\p{N}]+/u).filter((w) => w.length > 0);
  if (words.length > MAX_SEARCH_WORDS)
    throw BadUserInputError.field('filter.search', `must have at most ${MAX_SEARCH_WORDS} words`);
  if (words.some((w) => w.length > MAX_SEARCH_WORD_LENGTH))
    throw BadUserInputError.field(
      'filter.search',
      `must not have a word longer than ${MAX_SEARCH_WORD_LENGTH} characters`,
    );
}

/** The cursor condition over `s` after `values` (TRUE without them), the values pushed onto `params`. */
function keysetSql(plan: SortPlan, values: CursorValue[] | null, params: unknown[]): string {
  if (!values) return 'TRUE';
  const first = params.length + 1;
  params.push(...values);
  // Typed placeholders: the planner compares like with like (timestamptz, uuid, float8).
  return keysetAfter(plan.columns, first).replace(
    /\$(\d+)/g,
    (_, n: string) => `$${n}${plan.casts[Number(n) - first]}`,
  );
}

/**
 * The filter as the summary's keys when it has no other condition (no search term, price or
 * cooperative: the public catalogue narrowed by category, region, women-led, certified, stock).
 */
function summaryFilter(filter: ProductFilter, f: ProductWhere): SummaryFilter | null {
  if (f.search || filter.minPrice != null || filter.maxPrice != null || filter.cooperativeId) return null;
  return {
    categoryCode: filter.categoryCode,
    regionCode: filter.regionCode,
    womenLed: filter.womenLed,
    certified: filter.certified,
    inStock: filter.inStock,
  };
}

/**
 * Count and facets from the rows of one group of a totals query counted over at most
 * `limit + 1` products (`null`: all): a count above `limit` answers `limit`, inexact.
 */
function toTotals(rows: readonly TotalsRow[], limit: number | null): ProductTotals {
  const facet = (kind: TotalsRow['kind']) =>
    rows
      .filter((r) => r.kind === kind)
      .map((r) => ({ value: r.value ?? '', count: r.count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  const counted = rows.find((r) => r.kind === 'total')?.count ?? 0;
  const exact = limit == null || counted <= limit;
  return {
    asOf: null,
    totalCount: exact ? counted : limit,
    totalCountIsExact: exact,
    facets: {
      countsAreExact: exact,
      categories: facet('category'),
      regions: facet('region'),
      certifications: facet('certification'),
    },
  };
}
