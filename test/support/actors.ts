import { randomBytes } from 'node:crypto';
import type { CooperativeStatusName } from '../../apps/cli/src/import/demo-data.js';
import { newCooperative, newMembership } from './factories.js';
import type { TestApi } from './test-api.js';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
}

export const TEST_PASSWORD = 'correct horse battery staple';

/** Registers a real account over HTTP and returns its tokens. */
export async function signUp(
  t: TestApi,
  options: { email?: string; fullName?: string } = {},
): Promise<TestUser> {
  const email = options.email ?? `user-${randomBytes(4).toString('hex')}@example.ma`;
  const res = await t.gql<{ register: { accessToken: string; refreshToken: string; user: { id: string } } }>(
    `mutation($input: RegisterInput!) { register(input: $input) { accessToken refreshToken user { id } } }`,
    { input: { email, password: TEST_PASSWORD, fullName: options.fullName ?? 'Test User' } },
  );
  if (!res.data) throw new Error(`register failed: ${JSON.stringify(res.errors)}`);
  const { accessToken, refreshToken, user } = res.data.register;
  return { id: user.id, email, password: TEST_PASSWORD, accessToken, refreshToken };
}

/** Grants a platform role (ADMIN, PARTNER) directly in the database; it applies from the next request. */
export async function grantPlatformRole(
  t: TestApi,
  userId: string,
  role: 'ADMIN' | 'PARTNER',
): Promise<void> {
  await t.sql(`UPDATE users SET platform_roles = array_append(platform_roles, $2) WHERE id = $1`, [
    userId,
    role,
  ]);
}

/**
 * A cooperative for tests of other domains (APPROVED by default), applied for by a new owner and
 * reviewed through the services (see factories.ts).
 */
export async function insertCooperative(
  t: TestApi,
  options: {
    name?: string;
    status?: CooperativeStatusName;
    provinceCode?: string;
    sector?: string;
    womenLed?: boolean;
  } = {},
): Promise<string> {
  return (await newCooperative(t, options)).id;
}

/** Makes a user a member of a cooperative (see factories.ts: newMembership). */
export async function addMembership(
  t: TestApi,
  userId: string,
  cooperativeId: string,
  role: 'OWNER' | 'MANAGER' | 'STAFF',
): Promise<void> {
  await newMembership(t, userId, cooperativeId, role);
}
