import { jest } from '@jest/globals';
import { Db, Jobs, RequestContext } from '@taawoun/core';
import { IdentityMaintenanceService } from '@taawoun/identity';
import { signUp } from './support/actors.js';
import { startTestApi, type TestApi } from './support/test-api.js';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.close());

/** `n` login failures a day and an hour old (past the 24 h memory) for e-mails `prefix-1...`. */
async function seedStaleAttempts(n: number, prefix: string): Promise<void> {
  await t.sql(
    `INSERT INTO login_attempts (email, ip, attempted_at)
     SELECT $2 || '-' || i || '@x.ma', '127.0.0.1', now() - interval '25 hours' FROM generate_series(1, $1::int) i`,
    [n, prefix],
  );
}

/** `n` rate-limit buckets whose windows ended long ago. */
async function seedExpiredBuckets(n: number, prefix: string): Promise<void> {
  await t.sql(
    `INSERT INTO rate_limit_buckets (key, window_start, expires_at, hits)
     SELECT $2 || i, now() - interval '3 hours', now() - interval '1 hour', 1 FROM generate_series(1, $1::int) i`,
    [n, prefix],
  );
}

it('the nightly prune job deletes stale login attempts, long-expired refresh tokens and past rate-limit buckets, and nothing else', async () => {
  const user = await signUp(t);
  await seedStaleAttempts(10_000, 'old');
  await t.sql(
    `INSERT INTO login_attempts (email, ip, attempted_at) VALUES ('recent@x.ma', '127.0.0.1', now() - interval '23 hours'), ('new@x.ma', '127.0.0.1', now())`,
  );
  await t.sql(
    `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at)
     VALUES ($1, gen_random_uuid(), repeat('a', 64), now() - interval '2 days')`,
    [user.id],
  );
  await seedExpiredBuckets(10_000, 'old:');
  await t.sql(
    `INSERT INTO rate_limit_buckets (key, window_start, expires_at, hits) VALUES ('live', now(), now() + interval '1 hour', 1)`,
  );

  await t.api.app.get(Jobs).runNow('identity.prune', {});

  expect(await t.sql(`SELECT email FROM login_attempts ORDER BY email`)).toEqual([
    { email: 'new@x.ma' },
    { email: 'recent@x.ma' },
  ]);
  const tokens = await t.sql<{ token_hash: string }>(
    `SELECT token_hash FROM refresh_tokens WHERE user_id = $1`,
    [user.id],
  );
  expect(tokens).toHaveLength(1); // the live one from sign-up
  expect(tokens[0].token_hash).not.toBe('a'.repeat(64));
  expect(await t.sql(`SELECT key FROM rate_limit_buckets WHERE key NOT LIKE 'register:%'`)).toEqual([
    { key: 'live' },
  ]);
});

it('deletes in bounded batches in SQL, never carrying the deleted rows back', async () => {
  await t.sql(`DELETE FROM login_attempts`);
  await t.sql(`DELETE FROM rate_limit_buckets`);
  await seedStaleAttempts(2_500, 'batch');
  await seedExpiredBuckets(1_000, 'batch:');

  const db = t.api.app.get(Db);
  const statements: { sql: string; affected: number }[] = [];
  const execute = db.execute.bind(db);
  const executeSpy = jest.spyOn(db, 'execute').mockImplementation(async (sql, params) => {
    const affected = await execute(sql, params);
    statements.push({ sql, affected });
    return affected;
  });
  const querySpy = jest.spyOn(db, 'query');
  const context = new RequestContext('prune-test');
  try {
    const counts = await RequestContext.run(context, () =>
      t.api.app.get(IdentityMaintenanceService).prune(1_000),
    );
    expect(counts).toEqual({ loginAttempts: 2_500, refreshTokens: 0, rateLimitBuckets: 1_000 });
  } finally {
    executeSpy.mockRestore();
    querySpy.mockRestore();
  }

  // Login attempts 1000 + 1000 + 500 (short: done), refresh tokens 0, buckets 1000 + 0.
  expect(statements.map((s) => s.affected)).toEqual([1_000, 1_000, 500, 0, 1_000, 0]);
  // Every statement went through the count-only path: no RETURNING, no rows read back.
  expect(querySpy).not.toHaveBeenCalled();
  expect(statements.every((s) => /^\s*DELETE\b/.test(s.sql) && !/RETURNING/i.test(s.sql))).toBe(true);
  expect(context.queryCount).toBe(statements.length);
  expect(await t.sql(`SELECT count(*)::int AS n FROM login_attempts`)).toEqual([{ n: 0 }]);
});
