import { TEST_PASSWORD, signUp } from './support/actors.js';
import { codes, loginOk, refresh } from './support/identity-fixtures.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/**
 * Regression: a refresh token issued before a token_version bump (sign out everywhere, password
 * reset or change) must be refused after it. It used to mint fresh access tokens at the new
 * version, so the bump signed nobody out for long.
 */
let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.close());

it('refuses a refresh token issued before the token_version bump, and accepts one issued after', async () => {
  const user = await signUp(t);
  const before = await loginOk(t, user.email, TEST_PASSWORD);
  await t.sql(`UPDATE users SET token_version = token_version + 1 WHERE id = $1`, [user.id]);
  const stale = await refresh(t, before.refreshToken);
  expect(codes(stale)).toEqual(['UNAUTHENTICATED']);
  expect(codes(await refresh(t, user.refreshToken))).toEqual(['UNAUTHENTICATED']);
  const after = await loginOk(t, user.email, TEST_PASSWORD);
  const fresh = await refresh(t, after.refreshToken);
  expect(fresh.errors).toBeUndefined();
  expect(fresh.data?.refreshToken.accessToken).toEqual(expect.any(String));
});
