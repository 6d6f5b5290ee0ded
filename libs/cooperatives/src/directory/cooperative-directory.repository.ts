import { Injectable } from '@nestjs/common';
import { Db, keysetAfter, keysetOrderBy, type CursorType, type KeysetColumn } from '@taawoun/core';
import type { CooperativeStatus } from '../cooperatives/cooperative-status.js';
import { COOPERATIVE_COLUMNS, type CooperativeRow } from '../cooperatives/cooperative.repository.js';
import { visibleCooperativeSql, type CooperativeVisibility } from '../cooperatives/cooperative-visibility.js';
import type { Sector } from '../cooperatives/sector.js';

/** The normalised name the trigram index covers (IDX_cooperatives_name_trgm). */
const NAME_DOC = `lower(immutable_unaccent(c.name))`;

const BY_NAME: KeysetColumn[] = [
  { expr: 'name', direction: 'ASC' },
  { expr: 'id', direction: 'ASC' },
];

/**
 * The directory's two orderings: by name, or by relevance when searching (rounded to a numeric
 * so that the cursor holds it exactly). `types` are what cursor values must be before they reach SQL.
 */
export const DIRECTORY_ORDERS = {
  name: { kind: 'cooperatives:name', columns: BY_NAME, types: ['string', 'uuid'] as CursorType[] },
  relevance: {
    kind: 'cooperatives:relevance',
    columns: [{ expr: 'score', direction: 'DESC' }, ...BY_NAME] as KeysetColumn[],
    types: ['decimal', 'string', 'uuid'] as CursorType[],
  },
} as const;

export interface DirectoryQuery {
  visibility: CooperativeVisibility;
  status?: CooperativeStatus | null;
  sector?: Sector | null;
  womenLed?: boolean | null;
  regionCode?: string | null;
  provinceCode?: string | null;
  /** Lower-cased search text; orders by relevance when present. */
  search?: string | null;
  /** The decoded cursor values of the ordering in use, or null for the first page. */
  after: unknown[] | null;
  size: number;
}

/** A directory row: the cooperative and its relevance (null without a search). */
export interface DirectoryRow extends CooperativeRow {
  score: string | null;
}

/** The directory's one dynamic statement (its filters are optional). */
@Injectable()
export class CooperativeDirectoryRepository {
  constructor(private readonly db: Db) {}

  /**
   * One page of visible cooperatives matching the filters, `size + 1` rows at most (the extra
   * one says there is a next page), with the total count of matches, in one statement.
   */
  async page(q: DirectoryQuery): Promise<{ rows: DirectoryRow[]; total: number }> {
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [visibleCooperativeSql('c', params.length + 1)];
    params.push(...q.visibility.params);
    if (q.status) where.push(`c.status = ${param(q.status)}`);
    if (q.sector) where.push(`c.sector = ${param(q.sector)}`);
    if (q.womenLed != null) where.push(`c.women_led = ${param(q.womenLed)}`);
    if (q.regionCode) where.push(`p.region_code = ${param(q.regionCode)}`);
    if (q.provinceCode) where.push(`c.province_code = ${param(q.provinceCode)}`);
    let score = 'NULL::numeric';
    if (q.search) {
      const text = `lower(immutable_unaccent(${param(q.search)}))`;
      const fragment = `lower(immutable_unaccent(${param(q.search.replace(/[\\%_]/g, '\\$&'))}))`;
      // `<%` (word similarity above pg_trgm's threshold) uses the GIN index and tolerates typos;
      // the substring match (wildcards escaped) catches short fragments with too few trigrams.
      where.push(`(${text} <% ${NAME_DOC} OR ${NAME_DOC} LIKE '%' || ${fragment} || '%')`);
      score = `round(word_similarity(${text}, ${NAME_DOC})::numeric, 6)`;
    }
    const order = (q.search ? DIRECTORY_ORDERS.relevance : DIRECTORY_ORDERS.name).columns;
    let keyset = 'TRUE';
    if (q.after) {
      keyset = keysetAfter(order, params.length + 1);
      params.push(...q.after);
    }
    // The count is joined to the page (LEFT JOIN) so that a page past the end still reports it.
    const rows = await this.db.query<Partial<DirectoryRow> & { total: string }>(
      `WITH f AS (
         SELECT ${COOPERATIVE_COLUMNS}, ${score} AS score
         FROM cooperatives c JOIN provinces p ON p.code = c.province_code
         WHERE ${where.join(' AND ')}
       ),
       page AS (SELECT * FROM f WHERE ${keyset} ORDER BY ${keysetOrderBy(order)} LIMIT ${q.size + 1})
       SELECT page.*, t.total FROM (SELECT count(*) AS total FROM f) t LEFT JOIN page ON TRUE
       ORDER BY ${keysetOrderBy(order)}`,
      params,
    );
    return {
      total: rows.length ? Number(rows[0].total) : 0,
      rows: rows.filter((row) => row.id != null).map(({ total: _total, ...row }) => row as DirectoryRow),
    };
  }
}
