import { Jobs } from '@taawoun/core';
import { signUp } from './support/actors.js';
import { startTestApi, type TestApi } from './support/test-api.js';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.close());

it('the nightly prune job deletes stale login attempts and long-expired refresh tokens, and nothing else', async () => {
  const user = await signUp(t);
  await t.sql(
    `INSERT INTO login_attempts (email, attempted_at) VALUES ('old@x.ma', now() - interval '1 hour'), ('new@x.ma', now())`,
  );
  await t.sql(
    `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at)
     VALUES ($1, gen_random_uuid(), repeat('a', 64), now() - interval '2 days')`,
    [user.id],
  );
  await t.api.app.get(Jobs).runNow('identity.prune', {});
  expect(await t.sql(`SELECT email FROM login_attempts ORDER BY email`)).toEqual([{ email: 'new@x.ma' }]);
  const tokens = await t.sql<{ token_hash: string }>(
    `SELECT token_hash FROM refresh_tokens WHERE user_id = $1`,
    [user.id],
  );
  expect(tokens).toHaveLength(1); // the live one from sign-up
  expect(tokens[0].token_hash).not.toBe('a'.repeat(64));
});
