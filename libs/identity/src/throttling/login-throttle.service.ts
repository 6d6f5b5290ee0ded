import { Injectable } from '@nestjs/common';
import { Db, TooManyRequestsError } from '@taawoun/core';

/** Failures allowed for one e-mail within {@link LOGIN_WINDOW_SECONDS}; the next attempt is refused. */
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_SECONDS = 15 * 60;

/** First key of the two-key advisory lock, so these locks never collide with other features'. */
const LOCK_NAMESPACE = 'taawoun.login-throttle';

type Reservation = { ok: true; attemptId: string } | { ok: false; retryAfterSeconds: number };

/**
 * Per-e-mail login throttling shared by every API replica through PostgreSQL. Each attempt is
 * first reserved (counted as a failure) under a transaction-scoped advisory lock on the e-mail,
 * so attempts racing in parallel (aliases of one request, several replicas) are counted one
 * after the other and the sixth never slips through; the password check runs after the lock is
 * released, and a success clears the e-mail's failures.
 */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly db: Db) {}

  /** Counts an attempt for `email`, or refuses it with TOO_MANY_REQUESTS when the window is full. */
  async reserve(email: string): Promise<string> {
    const reservation = await this.db.transaction<Reservation>(async () => {
      await this.db.query(`SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))`, [
        LOCK_NAMESPACE,
        email,
      ]);
      await this.db.query(
        `DELETE FROM login_attempts WHERE email = $1 AND attempted_at <= now() - make_interval(secs => $2)`,
        [email, LOGIN_WINDOW_SECONDS],
      );
      const [window] = await this.db.query<{ failures: number; retry_after: number | null }>(
        `SELECT count(*)::int AS failures,
                ceil(extract(epoch FROM min(attempted_at) + make_interval(secs => $2) - now()))::int AS retry_after
           FROM login_attempts WHERE email = $1`,
        [email, LOGIN_WINDOW_SECONDS],
      );
      if (window.failures >= LOGIN_MAX_FAILURES)
        return { ok: false, retryAfterSeconds: Math.max(1, window.retry_after ?? LOGIN_WINDOW_SECONDS) };
      const [attempt] = await this.db.query<{ id: string }>(
        `INSERT INTO login_attempts (email) VALUES ($1) RETURNING id`,
        [email],
      );
      return { ok: true, attemptId: attempt.id };
    });
    if (!reservation.ok)
      throw new TooManyRequestsError(
        'Too many failed sign-in attempts for this e-mail; try again later',
        reservation.retryAfterSeconds,
      );
    return reservation.attemptId;
  }

  /** A successful login clears the e-mail's failures. */
  async succeeded(email: string): Promise<void> {
    await this.db.query(`DELETE FROM login_attempts WHERE email = $1`, [email]);
  }
}
