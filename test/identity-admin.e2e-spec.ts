import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { BadUserInputError } from '@taawoun/core';
import { AdminAccountRefusedError, ensureAdminAccount } from '@taawoun/identity';
import { adminCreate } from '../apps/cli/src/admin-create.command.js';
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

async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AdminAccountRefusedError) return error.message;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** Runs the admin:create command as its entry point does, against the test database. */
async function runAdminCreate(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await adminCreate(argv, {
    databaseUrl: t.databaseUrl,
    out: (text) => (stdout += text),
    err: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

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

  it('refuses an existing account unless --grant-existing is given and its e-mail is verified (item 5)', async () => {
    // A squatter registers the address before the operator runs admin:create.
    const squatter = await signUp(t, { fullName: 'Squatter' });
    const refused = await refusal(
      ensureAdminAccount(dataSource, {
        email: squatter.email,
        password: 'une phrase de passe solide',
        fullName: 'Vraie Admin',
      }),
    );
    expect(refused).toMatch(/already exists.*--grant-existing/);
    const unverified = await refusal(
      ensureAdminAccount(dataSource, { email: squatter.email, grantExisting: true }),
    );
    expect(unverified).toMatch(/not verified/);
    const [row] = await t.sql<{ platform_roles: string[] }>(
      `SELECT platform_roles FROM users WHERE id = $1`,
      [squatter.id],
    );
    expect(row.platform_roles).toEqual([]);
    await loginOk(t, squatter.email, TEST_PASSWORD);
    expect((await me(t, squatter.accessToken)).data!.me!.roles).toEqual(['BUYER']);
  });

  it('grants ADMIN to a verified existing account with --grant-existing, keeping its password; a second run changes nothing', async () => {
    const user = await signUp(t, { fullName: 'Salma Vérifiée' });
    await t.sql(`UPDATE users SET email_verified_at = now() WHERE id = $1`, [user.id]);
    const first = await ensureAdminAccount(dataSource, { email: user.email, grantExisting: true });
    expect(first).toEqual({
      userId: user.id,
      email: user.email,
      fullName: 'Salma Vérifiée',
      created: false,
      granted: true,
    });
    const again = await ensureAdminAccount(dataSource, { email: user.email, grantExisting: true });
    expect(again).toMatchObject({ userId: user.id, created: false, granted: false });
    const [row] = await t.sql<{ platform_roles: string[] }>(
      `SELECT platform_roles FROM users WHERE id = $1`,
      [user.id],
    );
    expect(row.platform_roles).toEqual(['ADMIN']);
    // The old password still works and the role applies to the token the user already holds.
    await loginOk(t, user.email, TEST_PASSWORD);
    expect((await me(t, user.accessToken)).data!.me!.roles).toEqual(['BUYER', 'ADMIN']);
  });

  it('runs as the CLI: prints who gets ADMIN (name and e-mail), exits 1 on a refusal', async () => {
    const user = await signUp(t, { fullName: 'Karim Opérateur' });
    const refused = await runAdminCreate(['--email', user.email, '--grant-existing']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/not verified/);
    await t.sql(`UPDATE users SET email_verified_at = now() WHERE id = $1`, [user.id]);
    const granted = await runAdminCreate(['--email', user.email, '--grant-existing']);
    expect(granted.code).toBe(0);
    expect(granted.stdout).toContain(`Karim Opérateur <${user.email}>`);
    expect(granted.stdout).toMatch(/ADMIN granted/);
    const email = uniqueEmail();
    const created = await runAdminCreate([
      '--email',
      email,
      '--password',
      'une phrase de passe solide',
      '--name',
      'Nouvelle Admin',
    ]);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain(`Nouvelle Admin <${email}>`);
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
    // One run creates it; the others find the account already an admin and change nothing.
    expect(new Set(results.map((r) => r.userId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(results.filter((r) => r.granted)).toHaveLength(1);
    const [row] = await t.sql<{ n: number; roles: string[] }>(
      `SELECT count(*)::int AS n, max(platform_roles::text) AS roles FROM users WHERE email = $1`,
      [email],
    );
    expect(row).toEqual({ n: 1, roles: '{ADMIN}' });
  });
});
