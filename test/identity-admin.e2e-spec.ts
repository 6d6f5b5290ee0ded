import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { BadUserInputError } from '@taawoun/core';
import { ensureAdminAccount } from '@taawoun/identity';
import { TEST_PASSWORD, signUp } from './support/actors.js';
import { codes, loginOk, me } from './support/identity-fixtures.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/**
 * `npm run admin:create` calls ensureAdminAccount with the CLI's TypeORM DataSource; these tests
 * do the same against the test database, then use the account over HTTP.
 */
let t: TestApi;
let dataSource: DataSource;
beforeAll(async () => {
  t = await startTestApi();
  dataSource = new DataSource({ type: 'postgres', url: t.databaseUrl, logging: false });
  await dataSource.initialize();
});
afterAll(async () => {
  await dataSource.destroy();
  await t.close();
});

const uniqueEmail = () => `admin-${randomBytes(5).toString('hex')}@odco.ma`;

async function fieldsOfFailure(work: Promise<unknown>): Promise<string[]> {
  try {
    await work;
  } catch (error) {
    if (error instanceof BadUserInputError) return error.fields.map((f) => f.field);
    throw error;
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('admin:create (ensureAdminAccount)', () => {
  it('creates an account with the ADMIN role that can sign in and pass an admin-only policy', async () => {
    const email = uniqueEmail();
    const result = await ensureAdminAccount(dataSource, {
      email: `  ${email.toUpperCase()}`,
      password: 'une phrase de passe solide',
      fullName: ' Nadia Admin ',
    });
    expect(result).toMatchObject({ email, created: true, granted: true });
    const session = await loginOk(t, email, 'une phrase de passe solide');
    expect((await me(t, session.accessToken)).data!.me).toEqual({
      id: result.userId,
      roles: ['BUYER', 'ADMIN'],
    });
    expect(codes(await t.gql(`{ cooperativeStatistics { cooperatives } }`, {}, session.accessToken))).toEqual(
      [],
    );
    const [row] = await t.sql<{ full_name: string }>(`SELECT full_name FROM users WHERE id = $1`, [
      result.userId,
    ]);
    expect(row.full_name).toBe('Nadia Admin');
  });

  it('grants ADMIN to an existing account, keeping its password; a second run changes nothing', async () => {
    const user = await signUp(t);
    const first = await ensureAdminAccount(dataSource, { email: user.email });
    expect(first).toEqual({ userId: user.id, email: user.email, created: false, granted: true });
    const again = await ensureAdminAccount(dataSource, {
      email: user.email,
      password: 'ignored for existing',
      fullName: 'X',
    });
    expect(again).toEqual({ userId: user.id, email: user.email, created: false, granted: false });
    const [row] = await t.sql<{ platform_roles: string[] }>(
      `SELECT platform_roles FROM users WHERE id = $1`,
      [user.id],
    );
    expect(row.platform_roles).toEqual(['ADMIN']);
    // The old password still works and the role applies to the token the user already holds.
    await loginOk(t, user.email, TEST_PASSWORD);
    expect((await me(t, user.accessToken)).data!.me!.roles).toEqual(['BUYER', 'ADMIN']);
  });

  it('validates like register: e-mail, password length and common passwords', async () => {
    expect(
      await fieldsOfFailure(
        ensureAdminAccount(dataSource, { email: 'not-an-email', password: TEST_PASSWORD, fullName: 'A' }),
      ),
    ).toEqual(['email']);
    const email = uniqueEmail();
    expect(
      await fieldsOfFailure(ensureAdminAccount(dataSource, { email, password: 'short', fullName: 'A' })),
    ).toEqual(['password']);
    expect(
      await fieldsOfFailure(
        ensureAdminAccount(dataSource, { email, password: 'Password123', fullName: 'A' }),
      ),
    ).toEqual(['password']);
    expect(await fieldsOfFailure(ensureAdminAccount(dataSource, { email }))).toEqual([
      'password',
      'fullName',
    ]);
    const [row] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [
      email,
    ]);
    expect(row.n).toBe(0);
  });

  it('makes one admin account when run concurrently for a new e-mail', async () => {
    const email = uniqueEmail();
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        ensureAdminAccount(dataSource, { email, password: TEST_PASSWORD, fullName: 'Race' }),
      ),
    );
    expect(new Set(results.map((r) => r.userId)).size).toBe(1);
    expect(results.filter((r) => r.created).length).toBe(1);
    const [row] = await t.sql<{ n: number; roles: string[] }>(
      `SELECT count(*)::int AS n, max(platform_roles::text) AS roles FROM users WHERE email = $1`,
      [email],
    );
    expect(row).toEqual({ n: 1, roles: '{ADMIN}' });
  });
});
