import { randomUUID } from 'node:crypto';
import { RequestContext } from '@taawoun/core';
import { CooperativeService } from '@taawoun/cooperatives';
import { AuthService } from '@taawoun/identity';
import { application } from './support/cooperatives-fixtures.js';
import { newUser } from './support/factories.js';
import { rejectedFields as fieldsOf } from './support/domain-errors.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/**
 * The cooperatives and identity services name the fields of their errors in domain terms
 * (`provinceCode`, `email`); the resolvers map them once to argument paths (`input.provinceCode`,
 * `filter.regionCode`, `input.email`: asserted by cooperatives.e2e-spec and identity.e2e-spec).
 */
let t: TestApi;
let rc: RequestContext;

beforeAll(async () => {
  t = await startTestApi();
  const user = await newUser(t);
  rc = new RequestContext(randomUUID());
  rc.actor = { userId: user.id, platformRoles: new Set(), memberships: new Map() };
});
afterAll(() => t.close());

describe('domain field names (cooperatives, identity)', () => {
  it('CooperativeService names the application fields without `input.`', async () => {
    const cooperatives = t.api.app.get(CooperativeService);
    const input = application({ provinceCode: 'MA-XXX', foundedOn: '2999-01-01' });
    expect(await fieldsOf(cooperatives.apply(rc, input as never))).toEqual(['provinceCode', 'foundedOn']);
    const women = application({ memberCount: 5, womenMemberCount: 6 });
    expect(await fieldsOf(cooperatives.apply(rc, women as never))).toEqual(['womenMemberCount']);
  });

  it('AuthService names a taken e-mail `email`', async () => {
    const taken = await newUser(t);
    const auth = t.api.app.get(AuthService);
    const again = auth.createUser({ email: taken.email, password: taken.password, fullName: 'Again' });
    expect(await fieldsOf(again)).toEqual(['email']);
  });

  it('the resolvers map them to argument paths', async () => {
    const directory = await t.gql(`query { cooperatives(filter: { regionCode: "XX" }) { totalCount } }`);
    expect(directory.errors?.[0].extensions?.fields).toEqual([
      expect.objectContaining({ field: 'filter.regionCode' }),
    ]);
    const taken = await newUser(t);
    const register = await t.gql(
      `mutation($input: RegisterInput!) { register(input: $input) { accessToken } }`,
      { input: { email: taken.email, password: taken.password, fullName: 'Again' } },
    );
    expect(register.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT' });
    expect(register.errors?.[0].extensions?.fields).toEqual([
      expect.objectContaining({ field: 'input.email' }),
    ]);
  });
});
