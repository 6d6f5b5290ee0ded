import { randomBytes } from 'node:crypto';
import { signUp, TEST_PASSWORD } from './support/actors.js';
import { gqlFrom } from './support/client-address.js';
import { codes, fieldsOf, LOGIN, login } from './support/identity-fixtures.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/**
 * The account e-mails a client can ask for are rate-limited per e-mail (and per address), the
 * same way whether or not the address has an account; a wrong current password in
 * changePassword counts as a failed sign-in, so a stolen access token is no password oracle.
 */
let t: TestApi;
beforeAll(async () => {
  // The per-e-mail budget of account e-mails keeps its default (3 an hour).
  t = await startTestApi();
});
afterAll(() => t.close());

const RESET = `mutation($email: String!) { requestPasswordReset(email: $email) }`;
const CHANGE = `mutation($current: String!, $next: String!) {
  changePassword(currentPassword: $current, newPassword: $next) { accessToken }
}`;

async function resetAnswers(email: string, times: number): Promise<string[]> {
  const answers: string[] = [];
  for (let i = 0; i < times; i += 1) {
    const res = await t.gql<{ requestPasswordReset: boolean }>(RESET, { email });
    answers.push(res.errors ? codes(res).join(',') : String(res.data!.requestPasswordReset));
  }
  return answers;
}

it('requestPasswordReset: a fourth request for one e-mail within the hour is refused, account or not', async () => {
  const user = await signUp(t);
  const unknown = `nobody-${randomBytes(4).toString('hex')}@example.ma`;
  const expected = ['true', 'true', 'true', 'TOO_MANY_REQUESTS'];
  expect(await resetAnswers(user.email, 4)).toEqual(expected);
  expect(await resetAnswers(unknown, 4)).toEqual(expected);
  const queued = await t.sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'identity.password-reset-request' AND data->>'email' = $1`,
    [unknown],
  );
  expect(queued[0].n).toBe(3);
});

it('requestEmailVerification shares that budget', async () => {
  const user = await signUp(t);
  const ask = () => t.gql(`mutation { requestEmailVerification }`, {}, user.accessToken);
  for (let i = 0; i < 3; i += 1) expect(codes(await ask())).toEqual([]);
  expect(codes(await ask())).toEqual(['TOO_MANY_REQUESTS']);
});

it('changePassword: wrong current passwords count as failed sign-ins and are slowed down', async () => {
  const user = await signUp(t);
  const wrong = await Promise.all(
    Array.from({ length: 5 }, () =>
      t.gql(CHANGE, { current: 'not the password at all', next: 'a brand new passphrase' }, user.accessToken),
    ),
  );
  for (const res of wrong) expect(fieldsOf(res)).toEqual(['currentPassword']);
  const sixth = await t.gql(
    CHANGE,
    { current: TEST_PASSWORD, next: 'a brand new passphrase' },
    user.accessToken,
  );
  expect(codes(sixth)).toEqual(['TOO_MANY_REQUESTS']);
  // The same pair (e-mail, address) is delayed for sign-in too, and nothing changed: the old
  // password still signs in from another address, which the delay does not touch.
  expect(codes(await login(t, user.email, TEST_PASSWORD))).toEqual(['TOO_MANY_REQUESTS']);
  const elsewhere = await gqlFrom<{ login: { accessToken: string } }>(t, '127.0.0.7', LOGIN, {
    input: { email: user.email, password: TEST_PASSWORD },
  });
  expect(elsewhere.errors).toBeUndefined();
});
