import { randomBytes } from 'node:crypto';
import { TEST_PASSWORD } from './support/actors.js';
import { gqlFrom } from './support/client-address.js';
import { codes, LOGIN, REGISTER, type Session } from './support/identity-fixtures.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/**
 * Abuse limits seen from outside, over real HTTP from distinct loopback addresses (each test
 * uses addresses of its own, so `request.ip` differs without trusting a forwarding header):
 * a stranger's failures slow the stranger, not the owner; spraying e-mails from one address and
 * registering in bulk are refused with TOO_MANY_REQUESTS. Limits are set low for this file.
 */
let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({
    RATE_LIMIT_REGISTER_PER_IP_HOUR: '3',
    RATE_LIMIT_REGISTER_PER_EMAIL_HOUR: '4',
    RATE_LIMIT_LOGIN_PER_IP_MINUTE: '12',
    LOGIN_FAILURES_PER_IP_HOUR: '8',
    LOGIN_FAILURES_PER_EMAIL_BEFORE_DELAY: '10',
  });
});
afterAll(() => t.close());

const WRONG = 'definitely not the password';

let counter = 0;
/** A loopback address no other test of this file uses. */
function address(): string {
  counter += 1;
  return `127.0.${Math.floor(counter / 250)}.${(counter % 250) + 2}`;
}

function newEmail(): string {
  return `user-${randomBytes(4).toString('hex')}@example.ma`;
}

function register(from: string, email = newEmail()) {
  return gqlFrom<{ register: Session }>(t, from, REGISTER, {
    input: { email, password: TEST_PASSWORD, fullName: 'Test User' },
  });
}

function login(from: string, email: string, password: string) {
  return gqlFrom<{ login: Session }>(t, from, LOGIN, { input: { email, password } });
}

async function signUpFrom(from = address()): Promise<string> {
  const email = newEmail();
  const res = await register(from, email);
  if (!res.data) throw new Error(`register failed: ${JSON.stringify(res.errors)}`);
  return email;
}

function retryAfter(res: { errors?: { extensions?: Record<string, unknown> }[] }): number {
  return res.errors![0].extensions!.retryAfterSeconds as number;
}

/** Moves every stored login failure of an e-mail back in time, as if `seconds` had passed. */
async function age(email: string, seconds: number): Promise<void> {
  await t.sql(
    `UPDATE login_attempts SET attempted_at = attempted_at - make_interval(secs => $2) WHERE email = $1`,
    [email, seconds],
  );
}

describe('login failures slow the attacker, not the owner', () => {
  it("a stranger's wrong logins from one address do not stop the owner signing in from another", async () => {
    const email = await signUpFrom();
    const stranger = address();
    const seen: string[] = [];
    for (let i = 0; i < 7; i += 1) seen.push(...codes(await login(stranger, email, `${WRONG} ${i}`)));
    expect(seen).toEqual([...Array(5).fill('UNAUTHENTICATED'), 'TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
    // Even the right password is refused from the stranger's address...
    expect(codes(await login(stranger, email, TEST_PASSWORD))).toEqual(['TOO_MANY_REQUESTS']);
    // ...while the owner, from their own address, gets in.
    const owner = await login(address(), email, TEST_PASSWORD);
    expect(codes(owner)).toEqual([]);
    expect(owner.data!.login.user.email).toBe(email);
  });

  it('the delay for one e-mail and address grows exponentially with each further failure', async () => {
    const email = await signUpFrom();
    const from = address();
    for (let i = 0; i < 5; i += 1) await login(from, email, WRONG);
    const first = await login(from, email, WRONG);
    expect(codes(first)).toEqual(['TOO_MANY_REQUESTS']);
    expect(retryAfter(first)).toBeGreaterThan(0);
    expect(retryAfter(first)).toBeLessThanOrEqual(60);

    await age(email, 61);
    expect(codes(await login(from, email, WRONG))).toEqual(['UNAUTHENTICATED']);
    const second = await login(from, email, WRONG);
    expect(codes(second)).toEqual(['TOO_MANY_REQUESTS']);
    expect(retryAfter(second)).toBeGreaterThan(60);
    expect(retryAfter(second)).toBeLessThanOrEqual(120);

    await age(email, 121);
    expect(codes(await login(from, email, TEST_PASSWORD))).toEqual([]);
  });

  it('many failures from many addresses only slow the e-mail down, with a short retry-after', async () => {
    const email = await signUpFrom();
    for (let i = 0; i < 10; i += 1)
      expect(codes(await login(address(), email, WRONG))).toEqual(['UNAUTHENTICATED']);
    const attacker = await login(address(), email, WRONG);
    expect(codes(attacker)).toEqual(['TOO_MANY_REQUESTS']);
    expect(retryAfter(attacker)).toBeGreaterThan(0);
    expect(retryAfter(attacker)).toBeLessThanOrEqual(10);
    await age(email, 11);
    expect(codes(await login(address(), email, TEST_PASSWORD))).toEqual([]);
  });
});

describe('password spraying and bulk requests from one address', () => {
  it('refuses an address that fails on many e-mails, while other addresses go on', async () => {
    const sprayer = address();
    const seen: string[] = [];
    for (let i = 0; i < 10; i += 1) seen.push(...codes(await login(sprayer, newEmail(), WRONG)));
    expect(seen).toEqual([...Array(8).fill('UNAUTHENTICATED'), 'TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
    const refused = await login(sprayer, newEmail(), WRONG);
    expect(retryAfter(refused)).toBeGreaterThan(0);
    expect(retryAfter(refused)).toBeLessThanOrEqual(3600);
    expect(codes(await login(address(), newEmail(), WRONG))).toEqual(['UNAUTHENTICATED']);
  });

  it('counts racing failures on many e-mails from one address one by one', async () => {
    const sprayer = address();
    const results = await Promise.all(Array.from({ length: 12 }, () => login(sprayer, newEmail(), WRONG)));
    const all = results.flatMap(codes);
    expect(all.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(8);
    expect(all.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(4);
  });

  it('limits login attempts per address per minute, whatever their outcome', async () => {
    const email = await signUpFrom();
    const from = address();
    const seen: string[] = [];
    for (let i = 0; i < 13; i += 1) seen.push(...codes(await login(from, email, TEST_PASSWORD)));
    expect(seen).toEqual(['TOO_MANY_REQUESTS']);
  });

  it('limits registrations per address, also when they race', async () => {
    const from = address();
    const seen: string[] = [];
    for (let i = 0; i < 4; i += 1) seen.push(...codes(await register(from)));
    expect(seen).toEqual(['TOO_MANY_REQUESTS']);
    expect(codes(await register(address()))).toEqual([]);

    const racing = address();
    const results = await Promise.all(Array.from({ length: 10 }, () => register(racing)));
    expect(results.filter((r) => r.data?.register).length).toBe(3);
    expect(results.flatMap(codes)).toEqual(Array(7).fill('TOO_MANY_REQUESTS'));
    const [stored] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM users WHERE email = ANY($1)`,
      [results.flatMap((r) => (r.data ? [r.data.register.user.email] : []))],
    );
    expect(stored.n).toBe(3);
  });

  it('does not count a registration refused as bad input', async () => {
    const from = address();
    for (let i = 0; i < 4; i += 1) {
      const res = await gqlFrom(t, from, REGISTER, {
        input: { email: 'not an e-mail', password: TEST_PASSWORD, fullName: 'Test User' },
      });
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    }
    expect(
      await t.sql(`SELECT key FROM rate_limit_buckets WHERE key LIKE $1`, [`register:ip:${from}/%`]),
    ).toEqual([]);
    expect(codes(await register(from))).toEqual([]);
  });

  it('limits registrations per e-mail across addresses', async () => {
    const email = newEmail();
    const seen: string[] = [];
    for (let i = 0; i < 5; i += 1) seen.push(...codes(await register(address(), email)));
    expect(seen).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'TOO_MANY_REQUESTS']);
  });
});
