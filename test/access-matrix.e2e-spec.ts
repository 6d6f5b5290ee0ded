import {
  ACTORS,
  type AccessCase,
  type AccessFixture,
  type AccessSuite,
  type ActorName,
} from './access/access-case.js';
import { identityAccessSuite } from './access/identity.access.js';
import { cooperativesAccessSuite } from './access/cooperatives.access.js';
import { catalogAccessSuite } from './access/catalog.access.js';
import { ordersBuyerAccessSuite } from './access/orders-buyer.access.js';
import { fulfilmentAccessSuite } from './access/fulfilment.access.js';
import { brandingAccessSuite } from './access/branding.access.js';
import { paymentsAccessSuite } from './access/payments.access.js';
import { payoutsAccessSuite } from './access/payouts.access.js';
import { addMembership, grantPlatformRole, insertCooperative, signUp } from './support/actors.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/**
 * The access matrix: for every operation of the schema and every actor, the answer is allowed
 * (no FORBIDDEN / UNAUTHENTICATED) or refused (FORBIDDEN when signed in, UNAUTHENTICATED when
 * anonymous), as each suite declares, or checked by the case's `visibility`. The matrix fails
 * when the schema has an operation no suite covers: each new operation must add its case.
 *
 * For each case, refused actors go first (a refused mutation must change nothing, so the
 * allowed ones still find the state the case prepared). `variables` is called once per request.
 */
const SUITES: AccessSuite[] = [
  identityAccessSuite,
  cooperativesAccessSuite,
  catalogAccessSuite,
  ordersBuyerAccessSuite,
  fulfilmentAccessSuite,
  brandingAccessSuite,
  paymentsAccessSuite,
  payoutsAccessSuite,
];

const REFUSALS = new Set(['FORBIDDEN', 'UNAUTHENTICATED']);

let t: TestApi;
let fx: AccessFixture;

beforeAll(async () => {
  t = await startTestApi();
  const users = {
    buyerA: await signUp(t, { fullName: 'Buyer A' }),
    buyerB: await signUp(t, { fullName: 'Buyer B' }),
    staffX: await signUp(t, { fullName: 'Staff X' }),
    ownerX: await signUp(t, { fullName: 'Owner X' }),
    ownerY: await signUp(t, { fullName: 'Owner Y' }),
    partner: await signUp(t, { fullName: 'Partner' }),
    admin: await signUp(t, { fullName: 'Admin' }),
  };
  const cooperativeX = await insertCooperative(t, { name: 'Coopérative X', status: 'APPROVED' });
  const cooperativeY = await insertCooperative(t, { name: 'Coopérative Y', status: 'APPROVED' });
  await addMembership(t, users.staffX.id, cooperativeX, 'STAFF');
  await addMembership(t, users.ownerX.id, cooperativeX, 'OWNER');
  await addMembership(t, users.ownerY.id, cooperativeY, 'OWNER');
  await grantPlatformRole(t, users.partner.id, 'PARTNER');
  await grantPlatformRole(t, users.admin.id, 'ADMIN');
  fx = { t, users, cooperativeX, cooperativeY, ids: {} };
  for (const suite of SUITES) await suite.prepare?.(fx);
});
afterAll(() => t.close());

function allowedActors(c: AccessCase): Set<ActorName> {
  return new Set(c.allowed === 'everyone' ? ACTORS : c.allowed);
}

/** Runs one case for every actor, refused ones first; answers what went against the declaration. */
async function runCase(c: AccessCase): Promise<string[]> {
  const allowed = allowedActors(c);
  const order = [...ACTORS.filter((a) => !allowed.has(a)), ...ACTORS.filter((a) => allowed.has(a))];
  const mismatches: string[] = [];
  for (const actor of order) {
    const token = actor === 'anonymous' ? undefined : fx.users[actor].accessToken;
    const res = await t.gql(c.query, c.variables?.(fx), token);
    const codes = (res.errors ?? []).map((e) => String(e.extensions?.code));
    const isAllowed = allowed.has(actor);
    if (res.status >= 500 || codes.includes('INTERNAL_SERVER_ERROR')) {
      mismatches.push(`${actor}: internal error ${JSON.stringify(res.errors)}`);
      continue;
    }
    if (c.visibility) {
      if (isAllowed && codes.some((code) => REFUSALS.has(code)))
        mismatches.push(`${actor}: expected allowed, got ${codes.join(', ')}`);
      try {
        c.visibility(actor, res.data, isAllowed);
      } catch (error) {
        mismatches.push(
          `${actor}: visibility check failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      continue;
    }
    if (isAllowed) {
      const refused = codes.filter((code) => REFUSALS.has(code));
      if (refused.length > 0) mismatches.push(`${actor}: expected allowed, got ${refused.join(', ')}`);
    } else {
      const expected = actor === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
      if (codes.length === 0 || codes.some((code) => code !== expected))
        mismatches.push(`${actor}: expected ${expected}, got ${codes.join(', ') || 'no error'}`);
    }
  }
  await c.after?.(fx);
  return mismatches;
}

describe('access matrix', () => {
  it('covers every query and mutation of the schema, and nothing that is not in it', async () => {
    const res = await t.gql<{
      __schema: {
        queryType: { fields: { name: string }[] };
        mutationType: { fields: { name: string }[] } | null;
      };
    }>(`{ __schema { queryType { fields { name } } mutationType { fields { name } } } }`);
    const schema = res.data!.__schema;
    const operations = [
      ...schema.queryType.fields.map((f) => `Query.${f.name}`),
      ...(schema.mutationType?.fields ?? []).map((f) => `Mutation.${f.name}`),
    ];
    const covered = SUITES.flatMap((s) => s.cases.map((c) => c.operation));
    expect(operations.filter((op) => !covered.includes(op)).sort()).toEqual([]);
    expect(covered.filter((op) => !operations.includes(op)).sort()).toEqual([]);
  });

  for (const suite of SUITES) {
    describe(suite.name, () => {
      for (const c of suite.cases) {
        const who = c.allowed === 'everyone' ? 'everyone' : c.allowed.join(', ') || 'nobody';
        it(`${c.operation}: ${who}${c.visibility ? ' (visibility checked)' : ''}`, async () => {
          expect(await runCase(c)).toEqual([]);
        });
      }
    });
  }
});
