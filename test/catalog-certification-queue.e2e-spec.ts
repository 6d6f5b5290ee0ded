// The admins' certificate verification queue (certificationsToVerify) and Certification.cooperative.
import { grantPlatformRole, signUp, type TestUser } from './support/actors.js';
import { insertCertification } from './support/catalog-fixtures.js';
import { newCooperative } from './support/factories.js';
import { startTestApi, type TestApi } from './support/test-api.js';

let t: TestApi;
let admin: TestUser;

beforeAll(async () => {
  t = await startTestApi();
  admin = await signUp(t);
  await grantPlatformRole(t, admin.id, 'ADMIN');
});
afterAll(() => t.close());

const QUEUE = `query($first: Int) {
  certificationsToVerify(first: $first) { id reference verified cooperative { id name } }
}`;

type Queue = {
  certificationsToVerify: { id: string; verified: boolean; cooperative: { id: string } | null }[];
};

describe('certificationsToVerify', () => {
  it('lists unverified certificates oldest first with their cooperative, and drops them once verified', async () => {
    const coop = await newCooperative(t);
    const first = await insertCertification(t, coop.id, { verified: false });
    const verified = await insertCertification(t, coop.id, { verified: true });
    const second = await insertCertification(t, coop.id, { verified: false });

    const res = await t.gql<Queue>(QUEUE, { first: 100 }, admin.accessToken);
    expect(res.errors).toBeUndefined();
    const ids = res.data!.certificationsToVerify.map((c) => c.id);
    expect(ids).not.toContain(verified);
    expect(ids.indexOf(first)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(second)).toBeGreaterThan(ids.indexOf(first));
    const item = res.data!.certificationsToVerify.find((c) => c.id === first);
    expect(item).toMatchObject({ verified: false, cooperative: { id: coop.id } });

    const verify = await t.gql(
      `mutation($id: ID!) { verifyCertification(id: $id, verified: true) { id } }`,
      { id: first },
      admin.accessToken,
    );
    expect(verify.errors).toBeUndefined();
    const after = await t.gql<Queue>(QUEUE, { first: 100 }, admin.accessToken);
    expect(after.data!.certificationsToVerify.map((c) => c.id)).not.toContain(first);
    expect(after.data!.certificationsToVerify.map((c) => c.id)).toContain(second);
  });

  it('returns at most `first`, and names the field when it is out of 1–100', async () => {
    const coop = await newCooperative(t);
    await insertCertification(t, coop.id, { verified: false });
    await insertCertification(t, coop.id, { verified: false });
    const one = await t.gql<Queue>(QUEUE, { first: 1 }, admin.accessToken);
    expect(one.data!.certificationsToVerify).toHaveLength(1);
    for (const first of [0, 101]) {
      const bad = await t.gql(QUEUE, { first }, admin.accessToken);
      expect(bad.status).toBe(200);
      expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(bad.errors?.[0].extensions?.fields).toEqual([{ field: 'first', message: expect.any(String) }]);
    }
  });

  it('is refused to anyone but admins', async () => {
    const buyer = await signUp(t);
    const res = await t.gql(QUEUE, {}, buyer.accessToken);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(res.data).toBeNull();
  });
});
