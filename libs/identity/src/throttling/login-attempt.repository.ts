import { Injectable } from '@nestjs/common';
import { Db } from '@taawoun/core';

/** First key of the two-key advisory locks, so these locks never collide with other features'. */
const LOCK_NAMESPACE = 'taawoun.login-throttle';

/** What the stored failures say about one attempt's e-mail, address and pair. */
export interface LoginFailuresRow {
  /** Failures of this e-mail from this address within the memory window, and seconds since the last. */
  pair_failures: number;
  pair_idle_seconds: number | null;
  /** Failures of this e-mail from every address within the memory window, and seconds since the last. */
  email_failures: number;
  email_idle_seconds: number | null;
  /** Failures from this address on any e-mail within the last hour, and the age of the oldest. */
  ip_failures: number;
  ip_oldest_seconds: number | null;
}

/** SQL of `login_attempts` (see {@link LoginAttemptEntity}). */
@Injectable()
export class LoginAttemptRepository {
  constructor(private readonly db: Db) {}

  /**
   * Transaction-scoped advisory locks on the address, then the e-mail (always in this order, so
   * two attempts never wait on each other crosswise): attempts sharing either are counted one
   * after the other.
   */
  async lock(email: string, ip: string): Promise<void> {
    await this.db.query(
      `SELECT pg_advisory_xact_lock(hashtext($1), hashtext('ip:' || $2)),
              pg_advisory_xact_lock(hashtext($1), hashtext('email:' || $3))`,
      [LOCK_NAMESPACE, ip, email],
    );
  }

  async failures(email: string, ip: string, memorySeconds: number): Promise<LoginFailuresRow> {
    const [row] = await this.db.query<LoginFailuresRow>(
      `SELECT count(*) FILTER (WHERE email = $1 AND ip = $2 AND attempted_at > now() - make_interval(secs => $3))::int
                AS pair_failures,
              extract(epoch FROM now() - max(attempted_at)
                FILTER (WHERE email = $1 AND ip = $2 AND attempted_at > now() - make_interval(secs => $3)))::float8
                AS pair_idle_seconds,
              count(*) FILTER (WHERE email = $1 AND attempted_at > now() - make_interval(secs => $3))::int
                AS email_failures,
              extract(epoch FROM now() - max(attempted_at)
                FILTER (WHERE email = $1 AND attempted_at > now() - make_interval(secs => $3)))::float8
                AS email_idle_seconds,
              count(*) FILTER (WHERE ip = $2 AND attempted_at > now() - interval '1 hour')::int AS ip_failures,
              extract(epoch FROM now() - min(attempted_at)
                FILTER (WHERE ip = $2 AND attempted_at > now() - interval '1 hour'))::float8 AS ip_oldest_seconds
         FROM login_attempts
        WHERE (email = $1 OR ip = $2) AND attempted_at > now() - make_interval(secs => greatest($3, 3600))`,
      [email, ip, memorySeconds],
    );
    return row;
  }

  async insert(email: string, ip: string): Promise<string> {
    const [row] = await this.db.query<{ id: string }>(
      `INSERT INTO login_attempts (email, ip) VALUES ($1, $2) RETURNING id`,
      [email, ip],
    );
    return row.id;
  }

  /** Forgets the failures of this e-mail from this address (after a successful login). */
  async clearPair(email: string, ip: string): Promise<void> {
    await this.db.execute(`DELETE FROM login_attempts WHERE email = $1 AND ip = $2`, [email, ip]);
  }

  /** Deletes at most `limit` attempts older than `seconds`; answers how many. */
  deleteOlderThanBatch(seconds: number, limit: number): Promise<number> {
    return this.db.execute(
      `DELETE FROM login_attempts WHERE ctid IN (
         SELECT ctid FROM login_attempts WHERE attempted_at <= now() - make_interval(secs => $1) LIMIT $2)`,
      [seconds, limit],
    );
  }
}
