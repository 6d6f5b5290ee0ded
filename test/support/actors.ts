import { randomBytes } from 'node:crypto';
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

/** Inserts a cooperative row directly (a fixture for tests of other domains); APPROVED by default. */
export async function insertCooperative(
  t: TestApi,
  options: {
    name?: string;
    status?: string;
    provinceCode?: string;
    sector?: string;
    womenLed?: boolean;
  } = {},
): Promise<string> {
  const suffix = randomBytes(4).toString('hex');
  const name = options.name ?? `Coopérative ${suffix}`;
  const [row] = await t.sql<{ id: string }>(
    `INSERT INTO cooperatives (slug, name, registration_number, sector, province_code, founded_on, member_count,
                               women_member_count, women_led, contact_phone, status, commission_rate_bps)
     VALUES ($1, $2, $3, $4, $5, '2015-03-01', 12, 9, $6, '+212600000000', $7, 500) RETURNING id`,
    [
      `coop-${suffix}`,
      name,
      `RC-${suffix}`,
      options.sector ?? 'BEEKEEPING',
      options.provinceCode ?? 'MA-NOU',
      options.womenLed ?? true,
      options.status ?? 'APPROVED',
    ],
  );
  return row.id;
}

/** Makes a user a member of a cooperative directly in the database. */
export async function addMembership(
  t: TestApi,
  userId: string,
  cooperativeId: string,
  role: 'OWNER' | 'MANAGER' | 'STAFF',
): Promise<void> {
  await t.sql(`INSERT INTO cooperative_memberships (user_id, cooperative_id, role) VALUES ($1, $2, $3)`, [
    userId,
    cooperativeId,
    role,
  ]);
}
