import { Injectable } from '@nestjs/common';
import { AppConfig, Db, RateLimiter, TooManyRequestsError } from '@taawoun/core';
import { LoginAttemptRepository, type LoginFailuresRow } from './login-attempt.repository.js';

/** Failures for one e-mail from one address before that pair has to wait (60 s, doubling, at most 1 h). */
export const LOGIN_FAILURES_PER_PAIR = 5;
/** How long a failure is remembered for the pair and e-mail rules (the nightly prune drops older ones). */
export const LOGIN_FAILURE_MEMORY_SECONDS = 24 * 60 * 60;

const PAIR_DELAY = { firstSeconds: 60, maxSeconds: 60 * 60 };
const EMAIL_DELAY = { firstSeconds: 10, maxSeconds: 5 * 60 };
const IP_WINDOW_SECONDS = 60 * 60;

/** The address used when the request has none (scripts, tests without HTTP). */
export const UNKNOWN_IP = 'unknown';

type Reservation = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Login throttling shared by every API replica through PostgreSQL. Failures slow the attacker
 * instead of locking the owner out:
 * - per e-mail *and* address: after {@link LOGIN_FAILURES_PER_PAIR} failures the pair waits
 *   60 s, then twice as long after each further failure (at most an hour); the owner, from
 *   another address, is not concerned;
 * - per e-mail from every address: past `LOGIN_FAILURES_PER_EMAIL_BEFORE_DELAY` failures each
 *   attempt waits 10 s after the last failure, doubling up to 5 minutes, which slows distributed
 *   guessing and delays the owner by minutes at worst, never a long lock;
 * - per address on every e-mail (password spraying): `LOGIN_FAILURES_PER_IP_HOUR` failures in
 *   an hour, then refused until the oldest is an hour old;
 * - per address, every attempt: `RATE_LIMIT_LOGIN_PER_IP_MINUTE`.
 * Each attempt is first reserved (counted as a failure) under advisory locks on its address and
 * e-mail, so attempts racing in parallel (aliases, several replicas) are counted one after the
 * other; the password check runs after the locks are released, and a success clears the pair.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly db: Db,
    private readonly attempts: LoginAttemptRepository,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  /** Counts an attempt for `email` from `ip`, or refuses it with TOO_MANY_REQUESTS. */
  async reserve(email: string, ip: string | null): Promise<void> {
    const address = ip ?? UNKNOWN_IP;
    await this.limiter.consume(
      `login:ip:${address}`,
      this.config.RATE_LIMIT_LOGIN_PER_IP_MINUTE,
      60,
      'Too many sign-in attempts from this address; try again later',
    );
    const reservation = await this.db.transaction<Reservation>(async () => {
      await this.attempts.lock(email, address);
      const failures = await this.attempts.failures(email, address, LOGIN_FAILURE_MEMORY_SECONDS);
      const retryAfterSeconds = this.waitFor(failures);
      if (retryAfterSeconds > 0) return { ok: false, retryAfterSeconds };
      await this.attempts.insert(email, address);
      return { ok: true };
    });
    if (!reservation.ok)
      throw new TooManyRequestsError(
        'Too many failed sign-in attempts; try again later',
        reservation.retryAfterSeconds,
      );
  }

  /** A successful login clears the failures of this e-mail from this address. */
  async succeeded(email: string, ip: string | null): Promise<void> {
    await this.attempts.clearPair(email, ip ?? UNKNOWN_IP);
  }

  /** Seconds the attempt must still wait under the strictest rule; 0 when it may go ahead. */
  private waitFor(f: LoginFailuresRow): number {
    const waits = [
      progressiveWait(f.pairFailures, LOGIN_FAILURES_PER_PAIR, f.pairIdleSeconds, PAIR_DELAY),
      progressiveWait(
        f.emailFailures,
        this.config.LOGIN_FAILURES_PER_EMAIL_BEFORE_DELAY,
        f.emailIdleSeconds,
        EMAIL_DELAY,
      ),
      f.ipFailures >= this.config.LOGIN_FAILURES_PER_IP_HOUR
        ? IP_WINDOW_SECONDS - (f.ipOldestSeconds ?? 0)
        : 0,
    ];
    const wait = Math.max(...waits);
    return wait > 0 ? Math.max(1, Math.ceil(wait)) : 0;
  }
}

/**
 * Past `threshold` failures, the next attempt waits `firstSeconds` after the last failure, twice
 * as long for each failure beyond, at most `maxSeconds`. Answers the seconds still to wait.
 */
function progressiveWait(
  failures: number,
  threshold: number,
  idleSeconds: number | null,
  delay: { firstSeconds: number; maxSeconds: number },
): number {
  if (failures < threshold || idleSeconds === null) return 0;
  const exponent = Math.min(failures - threshold, 30);
  const required = Math.min(delay.maxSeconds, delay.firstSeconds * 2 ** exponent);
  return Math.max(0, required - idleSeconds);
}
