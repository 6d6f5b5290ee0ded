import { randomBytes } from 'node:crypto';
import { RateLimiter, TooManyRequestsError } from '@taawoun/core';
import { startTestApi, type TestApi } from './support/test-api.js';

/**
 * The PostgreSQL rate limiter: hits racing on one key from two API instances (two pools, many
 * connections) are counted one by one, so exactly `limit` pass.
 */
let t: TestApi;
let second: TestApi;
beforeAll(async () => {
  t = await startTestApi();
  second = await startTestApi({}, t.databaseUrl);
});
afterAll(async () => {
  await second.close();
  await t.close();
});

function key(): string {
  return `test:${randomBytes(6).toString('hex')}`;
}

async function outcome(work: Promise<void>): Promise<'ok' | number> {
  try {
    await work;
    return 'ok';
  } catch (error) {
    if (!(error instanceof TooManyRequestsError)) throw error;
    return error.extensions.retryAfterSeconds as number;
  }
}

describe('RateLimiter', () => {
  it('lets exactly `limit` of many racing hits through, across instances and connections', async () => {
    const limiters = [t.api.app.get(RateLimiter), second.api.app.get(RateLimiter)];
    const k = key();
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) => outcome(limiters[i % 2].consume(k, 7, 3600))),
    );
    expect(results.filter((r) => r === 'ok')).toHaveLength(7);
    const refused = results.filter((r): r is number => r !== 'ok');
    expect(refused).toHaveLength(17);
    for (const retryAfter of refused) {
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(3600);
    }
    const [bucket] = await t.sql<{ hits: number }>(`SELECT hits FROM rate_limit_buckets WHERE key = $1`, [
      `${k}/3600`,
    ]);
    expect(bucket.hits).toBe(24);
  });

  it('counts keys and window lengths apart, and refused hits too', async () => {
    const limiter = t.api.app.get(RateLimiter);
    const a = key();
    const b = key();
    expect(await outcome(limiter.consume(a, 1, 60))).toBe('ok');
    expect(await outcome(limiter.consume(a, 1, 60))).not.toBe('ok');
    expect(await outcome(limiter.consume(b, 1, 60))).toBe('ok');
    expect(await outcome(limiter.consume(a, 1, 3600))).toBe('ok');
    // A refused hit counts: raising the limit to 2 still finds 3 hits in the window.
    expect(await outcome(limiter.consume(a, 2, 60))).not.toBe('ok');
  });

  it('stores an over-long key as a short hash, still counted per key', async () => {
    const limiter = t.api.app.get(RateLimiter);
    const long = `${key()}:${'x'.repeat(5000)}`;
    expect(await outcome(limiter.consume(long, 1, 60))).toBe('ok');
    expect(await outcome(limiter.consume(long, 1, 60))).not.toBe('ok');
    expect(await outcome(limiter.consume(`${long}y`, 1, 60))).toBe('ok');
    const [longest] = await t.sql<{ n: number }>(`SELECT max(length(key))::int AS n FROM rate_limit_buckets`);
    expect(longest.n).toBeLessThanOrEqual(300);
  });

  it('weighs the previous window, so a burst at a window boundary is not let through twice', async () => {
    const limiter = t.api.app.get(RateLimiter);
    const k = key();
    await t.sql(
      `INSERT INTO rate_limit_buckets (key, window_start, expires_at, hits)
       SELECT $1, start - interval '1 hour', start + interval '1 hour', 1
         FROM (SELECT to_timestamp(floor(extract(epoch FROM clock_timestamp()) / 3600) * 3600) AS start) w`,
      [`${k}/3600`],
    );
    expect(await outcome(limiter.consume(k, 1, 3600))).not.toBe('ok');
    expect(await outcome(limiter.consume(key(), 1, 3600))).toBe('ok');
  });
});
