import { randomBytes } from 'node:crypto';
import { TEST_PASSWORD, signUp } from './support/actors.js';
import { codes, login, LOGIN } from './support/identity-fixtures.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/**
 * Login throttling for one e-mail from one address (every request here comes from 127.0.0.1):
 * 5 failures, then TOO_MANY_REQUESTS for 60 s, doubling with each further failure. State is in
 * PostgreSQL, so it holds for aliases of one request and across API replicas. "Time passes" is
 * simulated by moving stored attempts back. Other addresses and the per-e-mail and per-address
 * rules: test/abuse-limits.e2e-spec.ts.
 */
let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.close());

const WRONG = 'definitely not the password';

async function failTimes(email: string, n: number, api: TestApi = t): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < n; i += 1) seen.push(...codes(await login(api, email, WRONG)));
  return seen;
}

/** Moves the stored attempts of an e-mail back, as if `seconds` had passed. */
async function age(email: string, seconds: number): Promise<void> {
  await t.sql(
    `UPDATE login_attempts SET attempted_at = attempted_at - make_interval(secs => $2) WHERE email = $1`,
    [email, seconds],
  );
}

describe('login throttling', () => {
  it('refuses the 6th attempt after 5 failures, even with the right password, and says when to retry', async () => {
    const user = await signUp(t);
    expect(await failTimes(user.email, 5)).toEqual(Array(5).fill('UNAUTHENTICATED'));
    const sixth = await login(t, user.email, TEST_PASSWORD);
    expect(codes(sixth)).toEqual(['TOO_MANY_REQUESTS']);
    expect(sixth.data).toBeNull();
    const retryAfter = sixth.errors![0].extensions!.retryAfterSeconds as number;
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('counts per e-mail, in any case, and throttles unknown e-mails the same way', async () => {
    const user = await signUp(t);
    const other = await signUp(t);
    await failTimes(user.email.toUpperCase(), 5);
    expect(codes(await login(t, user.email, TEST_PASSWORD))).toEqual(['TOO_MANY_REQUESTS']);
    expect(codes(await login(t, other.email, TEST_PASSWORD))).toEqual([]);

    const unknown = `nobody-${randomBytes(4).toString('hex')}@example.ma`;
    expect(await failTimes(unknown, 6)).toEqual([...Array(5).fill('UNAUTHENTICATED'), 'TOO_MANY_REQUESTS']);
  });

  it('lets the e-mail in again from that address once the last failure is 60 seconds old', async () => {
    const user = await signUp(t);
    await failTimes(user.email, 5);
    await age(user.email, 50);
    expect(codes(await login(t, user.email, TEST_PASSWORD))).toEqual(['TOO_MANY_REQUESTS']);
    await age(user.email, 11);
    const res = await login(t, user.email, TEST_PASSWORD);
    expect(codes(res)).toEqual([]);
    expect(res.data!.login.user.id).toBe(user.id);
  });

  it('a success clears the failures, so a user who mistyped four times is not locked out later', async () => {
    const user = await signUp(t);
    await failTimes(user.email, 4);
    expect(codes(await login(t, user.email, TEST_PASSWORD))).toEqual([]);
    expect(await failTimes(user.email, 5)).toEqual(Array(5).fill('UNAUTHENTICATED'));
    expect(codes(await login(t, user.email, TEST_PASSWORD))).toEqual(['TOO_MANY_REQUESTS']);
  });

  it('holds when the attempts are packed as aliases in one request: such a request is refused whole', async () => {
    const user = await signUp(t);
    const packed = `mutation { ${Array.from(
      { length: 12 },
      (_, i) => `a${i}: login(input: { email: "${user.email}", password: "${WRONG} ${i}" }) { accessToken }`,
    ).join('\n')} }`;
    // At most one login per request (see hardening-graphql.e2e-spec.ts): nothing is attempted.
    expect(codes(await t.gql(packed))).toEqual(['QUERY_TOO_COMPLEX']);
    const [stored] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM login_attempts WHERE email = $1`,
      [user.email],
    );
    expect(stored.n).toBe(0);
    expect(codes(await login(t, user.email, TEST_PASSWORD))).toEqual([]);
  });

  it('holds when attempts race in parallel requests on one instance', async () => {
    const user = await signUp(t);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => login(t, user.email, `${WRONG} ${i}`)),
    );
    const all = results.flatMap(codes);
    expect(all.filter((c) => c === 'UNAUTHENTICATED').length).toBe(5);
    expect(all.filter((c) => c === 'TOO_MANY_REQUESTS').length).toBe(7);
  });

  it('shares the count between two API instances on one database', async () => {
    const second = await startTestApi({}, t.databaseUrl);
    try {
      const user = await signUp(t);
      const seen = [...(await failTimes(user.email, 3, t)), ...(await failTimes(user.email, 2, second))];
      expect(seen).toEqual(Array(5).fill('UNAUTHENTICATED'));
      expect(codes(await login(t, user.email, TEST_PASSWORD))).toEqual(['TOO_MANY_REQUESTS']);
      expect(codes(await login(second, user.email, TEST_PASSWORD))).toEqual(['TOO_MANY_REQUESTS']);
    } finally {
      await second.close();
    }
  });

  it('shares the count between two API instances attacked concurrently', async () => {
    const second = await startTestApi({}, t.databaseUrl);
    try {
      const user = await signUp(t);
      const results = await Promise.all(
        Array.from({ length: 16 }, (_, i) => login(i % 2 ? second : t, user.email, `${WRONG} ${i}`)),
      );
      const all = results.flatMap(codes);
      expect(all.filter((c) => c === 'UNAUTHENTICATED').length).toBe(5);
      expect(all.filter((c) => c === 'TOO_MANY_REQUESTS').length).toBe(11);
    } finally {
      await second.close();
    }
  });

  it('refuses an over-long e-mail or password as BAD_USER_INPUT, without counting it', async () => {
    const res = await t.gql(LOGIN, { input: { email: `${'a'.repeat(260)}@example.ma`, password: WRONG } });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    const long = await t.gql(LOGIN, { input: { email: 'x@example.ma', password: 'p'.repeat(129) } });
    expect(codes(long)).toEqual(['BAD_USER_INPUT']);
    const [stored] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM login_attempts WHERE email = 'x@example.ma'`,
    );
    expect(stored.n).toBe(0);
  });
});
