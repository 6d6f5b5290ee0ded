import { randomBytes } from 'node:crypto';
import type { TestApi } from './test-api.js';

/** A valid application; override fields to test one problem at a time. */
export function application(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `Coopérative ${randomBytes(3).toString('hex')}`,
    registrationNumber: `RC-${randomBytes(5).toString('hex').toUpperCase()}`,
    sector: 'BEEKEEPING',
    provinceCode: 'MA-NOU',
    foundedOn: '2014-05-12',
    memberCount: 12,
    womenMemberCount: 7,
    womenLed: true,
    description: 'Miel, cire, gelée royale et propolis.',
    contactPhone: '+212 6 12 34 56 78',
    ...overrides,
  };
}

export interface AppliedCooperative {
  id: string;
  slug: string;
  status: string;
}

/** Applies over HTTP as `token` and fails the test when refused. */
export async function apply(
  t: TestApi,
  token: string,
  overrides: Record<string, unknown> = {},
): Promise<AppliedCooperative> {
  const res = await t.gql<{ applyForCooperative: AppliedCooperative }>(
    `mutation($input: CooperativeApplicationInput!) { applyForCooperative(input: $input) { id slug status } }`,
    { input: application(overrides) },
    token,
  );
  if (!res.data) throw new Error(`applyForCooperative failed: ${JSON.stringify(res.errors)}`);
  return res.data.applyForCooperative;
}

/** Moves a cooperative straight to a status in SQL, past the workflow trigger (fixtures only). */
export async function forceStatus(t: TestApi, id: string, status: string): Promise<void> {
  await t.sql(
    `WITH bypass AS (SELECT set_config('taawoun.allow_any_cooperative_status', 'on', true))
     UPDATE cooperatives SET status = $2 FROM bypass WHERE id = $1`,
    [id, status],
  );
}

export async function statusOf(t: TestApi, id: string): Promise<string> {
  const [row] = await t.sql<{ status: string }>(`SELECT status FROM cooperatives WHERE id = $1`, [id]);
  return row.status;
}
