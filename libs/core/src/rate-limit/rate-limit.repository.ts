import { Injectable } from '@nestjs/common';
import { Db } from '../database/db.service.js';

/** The counters of one key after a hit: this window's hits (the new one included) and the previous window's. */
export interface RateLimitHitRow {
  hits: number;
  previous_hits: number;
  /** How far into the current window we are, from 0 (start) to 1 (end). */
  elapsed: number;
}

/** Every statement on `rate_limit_buckets` (prepared against the schema by test/repository-statements). */
export const RATE_LIMIT_SQL = {
  hit: `WITH clock AS (SELECT extract(epoch FROM clock_timestamp()) / $2::int AS position),
            win AS (SELECT to_timestamp(floor(position) * $2::int) AS start,
                           (position - floor(position))::float8 AS elapsed FROM clock),
            hit AS (
              INSERT INTO rate_limit_buckets AS b (key, window_start, expires_at, hits)
              SELECT $1, win.start, win.start + make_interval(secs => 2 * $2::int), 1 FROM win
              ON CONFLICT (key, window_start) DO UPDATE SET hits = b.hits + 1
              RETURNING b.hits)
       SELECT hit.hits, coalesce(previous.hits, 0) AS previous_hits, win.elapsed
         FROM hit CROSS JOIN win
         LEFT JOIN rate_limit_buckets previous
           ON previous.key = $1 AND previous.window_start = win.start - make_interval(secs => $2::int)`,
  deleteExpiredBatch: `DELETE FROM rate_limit_buckets WHERE ctid IN (
         SELECT ctid FROM rate_limit_buckets WHERE expires_at < now() LIMIT $1)`,
} as const;

/**
 * SQL of `rate_limit_buckets`: one row per key and fixed window, counting hits. Statements run
 * on their own pooled connection, outside any transaction of the request, so a hit counts even
 * when the work it guards fails and rolls back.
 */
@Injectable()
export class RateLimitRepository {
  constructor(private readonly db: Db) {}

  /**
   * Counts one hit for `key` in the current window of `windowSeconds` and answers the counters,
   * in one atomic statement: concurrent hits on one key queue on the row and each sees its own
   * count (no read-then-write race). A bucket is kept two windows, for the sliding estimate.
   */
  async hit(key: string, windowSeconds: number): Promise<RateLimitHitRow> {
    const rows = await this.db.dataSource.query<RateLimitHitRow[]>(RATE_LIMIT_SQL.hit, [key, windowSeconds]);
    return rows[0];
  }

  /** Deletes at most `limit` buckets no window needs any more; answers how many. */
  deleteExpiredBatch(limit: number): Promise<number> {
    return this.db.execute(RATE_LIMIT_SQL.deleteExpiredBatch, [limit]);
  }
}
