import { Injectable } from '@nestjs/common';
import {
  BadUserInputError,
  Cursors,
  Db,
  isAdmin,
  keysetAfter,
  keysetOrderBy,
  pageSize,
  toConnection,
  type Connection,
  type CursorType,
  type KeysetColumn,
  type RequestContext,
  memberCooperativeIds,
} from '@taawoun/core';
import type { CooperativeFilter } from '../cooperatives/cooperative.input.js';
import { CooperativeLoader } from '../cooperatives/cooperative.loader.js';
import {
  COOPERATIVE_COLUMNS,
  rowToCooperativeModel,
  type CooperativeRow,
} from '../cooperatives/cooperative.mapper.js';
import type { CooperativeModel } from '../cooperatives/cooperative.model.js';

/** The normalised name the trigram index covers (IDX_cooperatives_name_trgm). */
const NAME_DOC = `lower(immutable_unaccent(c.name))`;

const BY_NAME: KeysetColumn[] = [
  { expr: 'name', direction: 'ASC' },
  { expr: 'id', direction: 'ASC' },
];
/** Relevance is rounded to a numeric so that the cursor holds it exactly. */
const BY_RELEVANCE: KeysetColumn[] = [{ expr: 'score', direction: 'DESC' }, ...BY_NAME];
/** What the cursor values of each ordering must be before they reach SQL. */
const NAME_TYPES: CursorType[] = ['string', 'uuid'];
const RELEVANCE_TYPES: CursorType[] = ['decimal', 'string', 'uuid'];

type DirectoryRow = Partial<CooperativeRow> & { score: string | null; total: string };

/**
 * The public directory: APPROVED cooperatives for everyone, plus the caller's own in any state;
 * admins see all and may filter by status. Keyset pages, one SQL statement per page (rows and
 * totalCount together).
 */
@Injectable()
export class CooperativeDirectoryService {
  constructor(
    private readonly db: Db,
    private readonly loader: CooperativeLoader,
    private readonly cursors: Cursors,
  ) {}

  async list(
    rc: RequestContext,
    filter: CooperativeFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<CooperativeModel>> {
    const size = pageSize(first);
    const f = filter ?? {};
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    const actor = rc.actor;
    if (!isAdmin(actor)) {
      where.push(`(c.status = 'APPROVED' OR c.id = ANY(${param(memberCooperativeIds(actor))}::uuid[]))`);
    }
    if (f.status) where.push(`c.status = ${param(f.status)}`);
    if (f.sector) where.push(`c.sector = ${param(f.sector)}`);
    if (f.womenLed != null) where.push(`c.women_led = ${param(f.womenLed)}`);
    // Unknown codes are refused rather than answering an empty list that looks like "no cooperatives".
    const known = await this.knownCodes(f.regionCode, f.provinceCode);
    if (f.regionCode) {
      if (!known.region) throw BadUserInputError.field('filter.regionCode', 'is not a known region code');
      where.push(`p.region_code = ${param(f.regionCode)}`);
    }
    if (f.provinceCode) {
      if (!known.province)
        throw BadUserInputError.field('filter.provinceCode', 'is not a known province code');
      where.push(`c.province_code = ${param(f.provinceCode)}`);
    }
    const search = f.search ? f.search.toLowerCase() : null;
    let score = 'NULL::numeric';
    if (search) {
      const q = `lower(immutable_unaccent(${param(search)}))`;
      const fragment = `lower(immutable_unaccent(${param(search.replace(/[\\%_]/g, '\\$&'))}))`;
      // `<%` (word similarity above pg_trgm's threshold) uses the GIN index and tolerates typos;
      // the substring match (wildcards escaped) catches short fragments with too few trigrams.
      where.push(`(${q} <% ${NAME_DOC} OR ${NAME_DOC} LIKE '%' || ${fragment} || '%')`);
      score = `round(word_similarity(${q}, ${NAME_DOC})::numeric, 6)`;
    }
    const order = search ? BY_RELEVANCE : BY_NAME;
    const kind = search ? 'cooperatives:relevance' : 'cooperatives:name';
    let keyset = 'TRUE';
    if (after) {
      const values = this.cursors.decode(after, kind, search ? RELEVANCE_TYPES : NAME_TYPES, 'after');
      keyset = keysetAfter(order, params.length + 1);
      params.push(...values);
    }
    // The count is joined to the page (LEFT JOIN) so that a page past the end still reports it.
    const rows = await this.db.query<DirectoryRow>(
      `WITH f AS (
         SELECT ${COOPERATIVE_COLUMNS}, ${score} AS score
         FROM cooperatives c JOIN provinces p ON p.code = c.province_code
         WHERE ${where.length ? where.join(' AND ') : 'TRUE'}
       ),
       page AS (SELECT * FROM f WHERE ${keyset} ORDER BY ${keysetOrderBy(order)} LIMIT ${size + 1})
       SELECT page.*, t.total FROM (SELECT count(*) AS total FROM f) t LEFT JOIN page ON TRUE
       ORDER BY ${keysetOrderBy(order)}`,
      params,
    );
    const total = rows.length ? Number(rows[0].total) : 0;
    const page = rows.filter((row): row is DirectoryRow & CooperativeRow => row.id != null);
    return toConnection(
      page,
      size,
      total,
      (row) => this.cursors.encode(kind, search ? [row.score ?? '0', row.name, row.id] : [row.name, row.id]),
      (row) => this.loader.prime(rc, rowToCooperativeModel(row)),
    );
  }

  private async knownCodes(
    regionCode: string | null | undefined,
    provinceCode: string | null | undefined,
  ): Promise<{ region: boolean; province: boolean }> {
    if (!regionCode && !provinceCode) return { region: false, province: false };
    const [row] = await this.db.query<{ region: boolean; province: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM regions WHERE code = $1) AS region,
              EXISTS (SELECT 1 FROM provinces WHERE code = $2) AS province`,
      [regionCode ?? null, provinceCode ?? null],
    );
    return row;
  }
}
