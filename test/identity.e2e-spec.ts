import { randomBytes, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import {
  TEST_PASSWORD,
  addMembership,
  grantPlatformRole,
  insertCooperative,
  signUp,
} from './support/actors.js';
import {
  LOGOUT,
  REGISTER,
  codes,
  fieldsOf,
  login,
  loginOk,
  me,
  refresh,
} from './support/identity-fixtures.js';
import { startTestApi, type TestApi } from './support/test-api.js';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.close());

const uniqueEmail = (tag = 'user') => `${tag}-${randomBytes(5).toString('hex')}@example.ma`;

async function usersWithEmail(email: string): Promise<number> {
  const [row] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [email]);
  return row.n;
}

describe('register', () => {
  it('creates an account with a normalised e-mail, keeps the preferred language, and signs it in', async () => {
    const email = uniqueEmail('Salma');
    const res = await t.gql<{
      register: {
        accessToken: string;
        user: { id: string; email: string; preferredLanguage: string; roles: string[] };
      };
    }>(REGISTER, {
      input: {
        email: `  ${email.toUpperCase()} `,
        password: TEST_PASSWORD,
        fullName: ' Salma ',
        preferredLanguage: 'ar',
      },
    });
    expect(res.errors).toBeUndefined();
    const { user, accessToken } = res.data!.register;
    expect(user).toMatchObject({ email: email.toLowerCase(), preferredLanguage: 'ar', roles: ['BUYER'] });
    expect((await me(t, accessToken)).data!.me).toEqual({ id: user.id, roles: ['BUYER'] });
    const [stored] = await t.sql<{ full_name: string; password_hash: string }>(
      `SELECT full_name, password_hash FROM users WHERE id = $1`,
      [user.id],
    );
    expect(stored.full_name).toBe('Salma');
    expect(stored.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it.each([
    ['not-an-email', 'input.email', /valid e-mail/],
    ['buyer@', 'input.email', /valid e-mail/],
    [`${'a'.repeat(250)}@example.ma`, 'input.email', /at most 254/],
  ])('refuses the e-mail %j naming input.email, and stores nothing', async (email, field, message) => {
    const res = await t.gql(REGISTER, { input: { email, password: TEST_PASSWORD, fullName: 'X' } });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(res)).toEqual([field]);
    expect(res.errors![0].message).toMatch(message);
    expect(await usersWithEmail(email.trim().toLowerCase())).toBe(0);
  });

  it.each([
    ['short', 'too short', /at least 10/],
    ['too long', 'x'.repeat(129), /at most 128/],
    ['common', 'qwertyuiop', /most common/],
    ['common in another case', 'PassWord123', /most common/],
    ['common locally', 'Casablanca', /most common/],
  ])('refuses a %s password naming input.password, and stores nothing', async (_, password, message) => {
    const email = uniqueEmail();
    const res = await t.gql(REGISTER, { input: { email, password, fullName: 'X' } });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(res)).toEqual(['input.password']);
    expect(res.errors![0].message).toMatch(message);
    expect(await usersWithEmail(email)).toBe(0);
  });

  it('accepts a passphrase without digits, capitals or symbols (no composition rules)', async () => {
    const res = await t.gql(REGISTER, {
      input: { email: uniqueEmail(), password: 'le miel de dar bouazza', fullName: 'Hassan' },
    });
    expect(res.errors).toBeUndefined();
  });

  it('answers CONFLICT on input.email for an e-mail already registered, in any case', async () => {
    const email = uniqueEmail();
    await signUp(t, { email });
    const res = await t.gql(REGISTER, {
      input: { email: email.toUpperCase(), password: 'another long passphrase', fullName: 'Dup' },
    });
    expect(codes(res)).toEqual(['CONFLICT']);
    expect(fieldsOf(res)).toEqual(['input.email']);
    expect(await usersWithEmail(email)).toBe(1);
  });

  it('creates one account only when registrations of one e-mail race', async () => {
    const email = uniqueEmail('race');
    const attempts = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.gql(REGISTER, {
          input: {
            email: i % 2 ? email.toUpperCase() : email,
            password: `${TEST_PASSWORD} ${i}`,
            fullName: `R${i}`,
          },
        }),
      ),
    );
    expect(attempts.filter((r) => !r.errors).length).toBe(1);
    expect(attempts.flatMap(codes).sort()).toEqual(Array(7).fill('CONFLICT'));
    expect(await usersWithEmail(email)).toBe(1);
  });
});

describe('login', () => {
  it('signs in with the right password, whatever the e-mail case', async () => {
    const user = await signUp(t);
    const session = await loginOk(t, ` ${user.email.toUpperCase()}`, TEST_PASSWORD);
    expect(session.user.id).toBe(user.id);
    expect((await me(t, session.accessToken)).data!.me!.id).toBe(user.id);
  });

  it('answers the same UNAUTHENTICATED error for a wrong password and an unknown e-mail', async () => {
    const user = await signUp(t);
    const wrong = await login(t, user.email, 'not the password at all');
    const unknown = await login(t, uniqueEmail('nobody'), TEST_PASSWORD);
    expect(codes(wrong)).toEqual(['UNAUTHENTICATED']);
    expect(codes(unknown)).toEqual(['UNAUTHENTICATED']);
    expect(wrong.errors![0].message).toBe(unknown.errors![0].message);
  });

  it('me is null for anonymous callers', async () => {
    const res = await me(t);
    expect(res.errors).toBeUndefined();
    expect(res.data!.me).toBeNull();
  });
});

describe('access tokens', () => {
  let user: Awaited<ReturnType<typeof signUp>>;
  const secret = () => new TextEncoder().encode(process.env.JWT_SECRET);

  beforeAll(async () => {
    user = await signUp(t);
  });

  async function expectUnauthenticated(authorization: string, message?: RegExp): Promise<void> {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    const body = (await response.json()) as {
      data: unknown;
      errors?: { message: string; extensions: { code: string } }[];
    };
    expect(response.status).toBeLessThan(500);
    expect(body.errors?.map((e) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
    if (message) expect(body.errors![0].message).toMatch(message);
  }

  it('a valid token identifies its user', async () => {
    expect((await me(t, user.accessToken)).data!.me!.id).toBe(user.id);
  });

  it.each([
    ['garbage', 'Bearer not-a-jwt'],
    ['three garbage parts', 'Bearer aaa.bbb.ccc'],
    ['an empty bearer', 'Bearer '],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    ['a long garbage value', `Bearer ${'x'.repeat(8_000)}`],
  ])('refuses %s as UNAUTHENTICATED, never a 500', async (_, authorization) => {
    await expectUnauthenticated(authorization);
  });

  it('refuses an expired token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ ver: 0 })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(user.id)
      .setIssuer('taawoun')
      .setIssuedAt(now - 3600)
      .setExpirationTime(now - 60)
      .sign(secret());
    await expectUnauthenticated(`Bearer ${expired}`, /expired/);
  });

  it('refuses a token whose payload was changed (signature no longer matches)', async () => {
    const other = await signUp(t);
    const [header, payload, signature] = user.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: other.id })).toString('base64url');
    await expectUnauthenticated(`Bearer ${header}.${forged}.${signature}`, /invalid/);
  });

  it('refuses an unsigned ("alg": "none") token and one signed with another secret', async () => {
    const [, payload] = user.accessToken.split('.');
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    await expectUnauthenticated(`Bearer ${none}.${payload}.`);
    const foreign = await new SignJWT({ ver: 0 })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setIssuer('taawoun')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(randomBytes(32).toString('hex')));
    await expectUnauthenticated(`Bearer ${foreign}`);
  });

  it('refuses a token for an unknown user', async () => {
    const ghost = await new SignJWT({ ver: 0 })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(randomUUID())
      .setIssuer('taawoun')
      .setExpirationTime('5m')
      .sign(secret());
    await expectUnauthenticated(`Bearer ${ghost}`, /revoked/);
  });

  it('refuses every token issued before the token version was bumped, on the next request', async () => {
    const victim = await signUp(t);
    expect((await me(t, victim.accessToken)).data!.me!.id).toBe(victim.id);
    await t.sql(`UPDATE users SET token_version = token_version + 1 WHERE id = $1`, [victim.id]);
    await expectUnauthenticated(`Bearer ${victim.accessToken}`, /revoked/);
    // A fresh login carries the new version.
    const session = await loginOk(t, victim.email, TEST_PASSWORD);
    expect((await me(t, session.accessToken)).data!.me!.id).toBe(victim.id);
  });

  it('refuses a bad token even on a public operation, instead of treating the caller as anonymous', async () => {
    const res = await t.gql('{ regions { code } }', {}, 'not-a-jwt');
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('refresh tokens', () => {
  it('rotate: each use answers a new pair, and the new access token works', async () => {
    const user = await signUp(t);
    const first = await refresh(t, user.refreshToken);
    expect(first.errors).toBeUndefined();
    const second = await refresh(t, first.data!.refreshToken.refreshToken);
    expect(second.errors).toBeUndefined();
    const tokens = [
      user.refreshToken,
      first.data!.refreshToken.refreshToken,
      second.data!.refreshToken.refreshToken,
    ];
    expect(new Set(tokens).size).toBe(3);
    expect((await me(t, second.data!.refreshToken.accessToken)).data!.me!.id).toBe(user.id);
    // Stored hashed: the token itself appears nowhere in the table.
    const [leak] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM refresh_tokens WHERE token_hash = $1 OR token_hash = $2`,
      [tokens[2], tokens[2].slice(0, 64)],
    );
    expect(leak.n).toBe(0);
  });

  it('reusing a used token revokes its whole family, including the newest token', async () => {
    const user = await signUp(t);
    const other = await loginOk(t, user.email, TEST_PASSWORD); // another device: another family
    const rotated = await refresh(t, user.refreshToken);
    const newest = rotated.data!.refreshToken.refreshToken;

    const replay = await refresh(t, user.refreshToken);
    expect(codes(replay)).toEqual(['UNAUTHENTICATED']);
    expect(codes(await refresh(t, newest))).toEqual(['UNAUTHENTICATED']);
    // The other family (another login) is untouched.
    expect((await refresh(t, other.refreshToken)).errors).toBeUndefined();
  });

  it('logout revokes the family; a second logout and unknown tokens answer false', async () => {
    const user = await signUp(t);
    const rotated = await refresh(t, user.refreshToken);
    const current = rotated.data!.refreshToken.refreshToken;
    const out = await t.gql<{ logout: boolean }>(LOGOUT, { refreshToken: user.refreshToken });
    expect(out.data!.logout).toBe(true);
    expect(codes(await refresh(t, current))).toEqual(['UNAUTHENTICATED']);
    const unknown = await t.gql<{ logout: boolean }>(LOGOUT, { refreshToken: 'never-issued' });
    expect(unknown.data!.logout).toBe(false);
  });

  it('of concurrent uses of one refresh token, at most one succeeds', async () => {
    const user = await signUp(t);
    const results = await Promise.all(Array.from({ length: 6 }, () => refresh(t, user.refreshToken)));
    const winners = results.filter((r) => !r.errors);
    expect(winners.length).toBeLessThanOrEqual(1);
    for (const loser of results.filter((r) => r.errors)) expect(codes(loser)).toEqual(['UNAUTHENTICATED']);
    // The losers saw a replay: the family, including any token the winner got, is revoked.
    for (const winner of winners)
      expect(codes(await refresh(t, winner.data!.refreshToken.refreshToken))).toEqual(['UNAUTHENTICATED']);
    const [live] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM refresh_tokens WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL`,
      [user.id],
    );
    expect(live.n).toBe(0);
  });

  it('refuses a refresh token that was never issued, and changes nothing', async () => {
    await signUp(t);
    const res = await refresh(t, randomBytes(32).toString('base64url'));
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
    expect(res.data).toBeNull();
  });

  it('refuses an expired refresh token without revoking its family', async () => {
    const user = await signUp(t);
    await t.sql(`UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
      user.id,
    ]);
    expect(codes(await refresh(t, user.refreshToken))).toEqual(['UNAUTHENTICATED']);
    const [revoked] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NOT NULL`,
      [user.id],
    );
    expect(revoked.n).toBe(0);
  });
});

describe('roles and memberships are read on every request', () => {
  it('a removed ADMIN role is refused on the very next request, with the same token', async () => {
    const admin = await signUp(t);
    await grantPlatformRole(t, admin.id, 'ADMIN');
    const allowed = await t.gql(STATISTICS, {}, admin.accessToken);
    expect(codes(allowed)).toEqual([]);
    expect((await me(t, admin.accessToken)).data!.me!.roles).toEqual(['BUYER', 'ADMIN']);

    await t.sql(`UPDATE users SET platform_roles = array_remove(platform_roles, 'ADMIN') WHERE id = $1`, [
      admin.id,
    ]);
    expect(codes(await t.gql(STATISTICS, {}, admin.accessToken))).toEqual(['FORBIDDEN']);
  });

  it('a removed membership is refused on the very next request, with the same token', async () => {
    const owner = await signUp(t);
    const cooperativeId = await insertCooperative(t);
    await addMembership(t, owner.id, cooperativeId, 'OWNER');
    const variables = { cooperativeId, userId: randomUUID() };
    // Through the policy (the service may then refuse the unknown member, but not as FORBIDDEN).
    const before = await t.gql(REMOVE_MEMBER, variables, owner.accessToken);
    expect(codes(before)).not.toContain('FORBIDDEN');
    expect(codes(before)).not.toContain('UNAUTHENTICATED');

    await t.sql(`DELETE FROM cooperative_memberships WHERE user_id = $1`, [owner.id]);
    expect(codes(await t.gql(REMOVE_MEMBER, variables, owner.accessToken))).toEqual(['FORBIDDEN']);
  });
});

const STATISTICS = `{ cooperativeStatistics { cooperatives } }`;
const REMOVE_MEMBER = `mutation($cooperativeId: ID!, $userId: ID!) { removeCooperativeMember(cooperativeId: $cooperativeId, userId: $userId) }`;
