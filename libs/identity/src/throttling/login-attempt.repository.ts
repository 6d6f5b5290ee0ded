import { Injectable } from '@nestjs/common';
import { Db } from '@taawoun/core';

/** First key of the two-key advisory locks, so these locks never collide with other features'. */
const LOCK_NAMESPACE = 'taawoun.login-throttle';

/** What the stored failures say about one attempt's e-mail, address and pair. */
export interface LoginFailuresRow {
  /** Failures of this e-mail from this address within the memory window, and seconds since the last. */
  pairFailures: number;
  pairIdleSeconds: number | null;
  /** Failures of this e-mail from every address within the memory window, and seconds since the last. */
  emailFailures: number;
  emailIdleSeconds: number | null;
  /** Failures from this address on any e-mail within the last hour, and the age of the oldest. */
  ipFailures: number;
  ipOldestSeconds: number | null;
}

export const LOGIN_ATTEMPT_SQL = {
  /**
   * Transaction-scoped advisory locks on the address, then the e-mail (always in this order, so
   * two attempts never wait on each other crosswise).
   */
  lock: `SELECT pg_advisory_xact_lock(hashtext($1), hashtext('ip:' || $2)),
      pg_advisory_xact_lock(hashtext($1), hashtext('email:' || $3))`,
  failures: `SELECT
      count(*) FILTER (WHERE email = $1 AND ip = $2 AND attempted_at > now() - make_interval(secs => $3))::int
        AS "pairFailures",
      extract(epoch FROM now() - max(attempted_at)
        FILTER (WHERE email = $1 AND ip = $2 AND attempted_at > now() - make_interval(secs => $3)))::float8
        AS "pairIdleSeconds",
      count(*) FILTER (WHERE email = $1 AND attempted_at > now() - make_interval(secs => $3))::int
        AS "emailFailures",
      extract(epoch FROM now() - max(attempted_at)
        FILTER (WHERE email = $1 AND attempted_at > now() - make_interval(secs => $3)))::float8
        AS "emailIdleSeconds",
      count(*) FILTER (WHERE ip = $2 AND attempted_at > now() - interval '1 hour')::int AS "ipFailures",
      extract(epoch FROM now() - min(attempted_at)
        FILTER (WHERE ip = $2 AND attempted_at > now() - interval '1 hour'))::float8 AS "ipOldestSeconds"
    FROM login_attempts
    WHERE (email = $1 OR ip = $2) AND attempted_at > now() - make_interval(secs => greatest($3, 3600))`,
  insert: `INSERT INTO login_attempts (email, ip) VALUES ($1, $2) RETURNING id`,
  clearPair: `DELETE FROM login_attempts WHERE email = $1 AND ip = $2`,
  deleteOlderThanBatch: `DELETE FROM login_attempts WHERE ctid IN (
    SELECT ctid FROM login_attempts WHERE attempted_at <= now() - make_interval(secs => $1) LIMIT $2)`,
} as const;

/** SQL of `login_attempts` (see {@link LoginAttemptEntity}). */
@Injectable()
export class LoginAttemptRepository {
  constructor(private readonly db: Db) {}

  /** Attempts sharing the address or the e-mail are counted one after the other (see LOGIN_ATTEMPT_SQL.lock). */
  async lock(email: string, ip: string): Promise<void> {
    await this.db.query(LOGIN_ATTEMPT_SQL.lock, [LOCK_NAMESPACE, ip, email]);
  }

  async failures(email: string, ip: string, memorySeconds: number): Promise<LoginFailuresRow> {
    const [row] = await this.db.query<LoginFailuresRow>(LOGIN_ATTEMPT_SQL.failures, [
      email,
      ip,
      memorySeconds,
    ]);
    return row;
  }

  async insert(email: string, ip: string): Promise<string> {
    const [row] = await this.db.query<{ id: string }>(LOGIN_ATTEMPT_SQL.insert, [email, ip]);
    return row.id;
  }

  /** Forgets the failures of this e-mail from this address (after a successful login). */
  async clearPair(email: string, ip: string): Promise<void> {
    await this.db.execute(LOGIN_ATTEMPT_SQL.clearPair, [email, ip]);
  }

  /** Deletes at most `limit` attempts older than `seconds`; answers how many. */
  deleteOlderThanBatch(seconds: number, limit: number): Promise<number> {
    return this.db.execute(LOGIN_ATTEMPT_SQL.deleteOlderThanBatch, [seconds, limit]);
  }
}
