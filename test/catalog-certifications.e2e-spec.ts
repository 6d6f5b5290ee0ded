import { CERTIFICATION_REMINDER_JOB, CertificationService } from '@taawoun/catalog';
import { Jobs } from '@taawoun/core';
import { grantPlatformRole, signUp, type TestUser } from './support/actors.js';
import { cooperativeWithOwner, createProduct, moroccoDate } from './support/catalog-fixtures.js';
import { startTestApi, type TestApi } from './support/test-api.js';

let t: TestApi;
let coop: string;
let owner: TestUser;
let otherOwner: TestUser;
let admin: TestUser;

beforeAll(async () => {
  t = await startTestApi();
  ({ cooperativeId: coop, owner } = await cooperativeWithOwner(t));
  ({ owner: otherOwner } = await cooperativeWithOwner(t));
  admin = await signUp(t);
  await grantPlatformRole(t, admin.id, 'ADMIN');
});
afterAll(() => t.close());

async function add(input: Record<string, unknown>, token = owner.accessToken, cooperativeId = coop) {
  return t.gql<{ addCertification: { id: string; verified: boolean; valid: boolean } }>(
    ADD,
    { cooperativeId, input: { type: 'FOOD_SAFETY_AUTHORIZATION', issuedOn: '2024-01-15', ...input } },
    token,
  );
}

describe('certifications', () => {
  it('are added unverified by members and verified by admins; valid = verified and not expired', async () => {
    const res = await add({ reference: 'ONSSA-AUT-2024-0012', expiresOn: await moroccoDate(t, 200) });
    expect(res.errors).toBeUndefined();
    const { id } = res.data!.addCertification;
    expect(res.data!.addCertification).toMatchObject({ verified: false, valid: false });
    const denied = await t.gql(VERIFY, { id, verified: true }, owner.accessToken);
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const verified = await t.gql<{ verifyCertification: { verified: boolean; valid: boolean } }>(
      VERIFY,
      { id, verified: true },
      admin.accessToken,
    );
    expect(verified.data!.verifyCertification).toEqual({ id, verified: true, valid: true });
    const [row] = await t.sql(`SELECT verified_by FROM certifications WHERE id = $1`, [id]);
    expect(row.verified_by).toBe(admin.id);
    const audit = await t.sql(
      `SELECT actor_id, action FROM audit_log WHERE target_type = 'certification' AND target_id = $1`,
      [id],
    );
    expect(audit).toEqual([{ actor_id: admin.id, action: 'certification.verify' }]);
  });

  it('stays valid on its expiry day and stops being valid the day after, with no write', async () => {
    const today = await moroccoDate(t, 0);
    const { id } = (
      await add({ reference: 'IMANOR-NM-21.5.200', type: 'NATIONAL_STANDARD', expiresOn: today })
    ).data!.addCertification;
    await t.gql(VERIFY, { id, verified: true }, admin.accessToken);
    const product = await createProduct(t, owner.accessToken, coop, {
      categoryCode: 'masks',
      translations: [{ languageCode: 'fr', name: 'Masque barrière lavable' }],
      certificationIds: [id],
    });
    const read = async () =>
      (
        await t.gql<{ product: { certifications: { valid: boolean }[] } }>(
          `query($id: ID) { product(id: $id) { certifications { valid } } }`,
          { id: product.id },
        )
      ).data!.product.certifications[0].valid;
    const certifiedIds = async () =>
      (
        await t.gql<{ products: { edges: { node: { id: string } }[] } }>(
          `query($c: ID) { products(filter: { cooperativeId: $c, certified: true }) { edges { node { id } } } }`,
          { c: coop },
        )
      ).data!.products.edges.map((e) => e.node.id);
    expect(await read()).toBe(true);
    expect(await certifiedIds()).toContain(product.id);
    // Simulate tomorrow by moving the expiry one day back (the reading side computes "today").
    await t.sql(
      `UPDATE certifications SET expires_on = expires_on - 1, issued_on = '2020-01-01' WHERE id = $1`,
      [id],
    );
    expect(await read()).toBe(false);
    expect(await certifiedIds()).not.toContain(product.id);
  });

  it.each([
    ['a malformed date', { reference: 'X-1', issuedOn: '15/01/2024' }, 'input.issuedOn'],
    ['an impossible date', { reference: 'X-2', issuedOn: '2024-02-31' }, 'input.issuedOn'],
    ['an expiry before issue', { reference: 'X-3', expiresOn: '2023-01-01' }, 'input.expiresOn'],
    ['an empty reference', { reference: '' }, 'input.reference'],
  ])('refuses %s with BAD_USER_INPUT', async (_, input, field) => {
    const before = await t.sql(`SELECT count(*)::int AS n FROM certifications`);
    const res = await add(input);
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: expect.arrayContaining([expect.objectContaining({ field })]),
    });
    expect(await t.sql(`SELECT count(*)::int AS n FROM certifications`)).toEqual(before);
  });

  it('refuses the same certificate twice, also when racing', async () => {
    const results = await Promise.all([1, 2, 3].map(() => add({ reference: 'ONSSA-DUP-1' })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    for (const r of results.filter((r) => r.errors))
      expect(r.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: 'input.reference' })],
      });
  });

  it("is FORBIDDEN for another cooperative's member", async () => {
    const res = await add({ reference: 'ONSSA-X' }, otherOwner.accessToken);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('remindExpiringCertifications (daily job)', () => {
  it('records one reminder per certificate and expiry, 30 days ahead, idempotently', async () => {
    const { cooperativeId } = await cooperativeWithOwner(t);
    const insert = (reference: string, expiresOn: string | null, verified = true) =>
      t.sql<{ id: string }>(
        `INSERT INTO certifications (cooperative_id, type, reference, issued_on, expires_on, verified)
         VALUES ($1, 'FOOD_SAFETY_AUTHORIZATION', $2, '2020-01-01', $3, $4) RETURNING id`,
        [cooperativeId, reference, expiresOn, verified],
      );
    const [soon] = await insert('SOON', '2027-03-20');
    const [edge] = await insert('EDGE', '2027-03-31');
    const [later] = await insert('LATER', '2027-04-01');
    await insert('FOREVER', null);
    await insert('UNVERIFIED', '2027-03-15', false);
    const service = t.api.app.get(CertificationService);
    const first = await service.remindExpiringCertifications('2027-03-01');
    expect(first.filter((r) => r.cooperativeId === cooperativeId).map((r) => r.reference)).toEqual([
      'SOON',
      'EDGE',
    ]);
    expect(await service.remindExpiringCertifications('2027-03-01')).toEqual([]);
    // The next day LATER enters the 30-day window: racing runs (several replicas) remind it once.
    const racing = await Promise.all([1, 2, 3].map(() => service.remindExpiringCertifications('2027-03-02')));
    expect(racing.flat().map((r) => r.certificationId)).toEqual([later.id]);
    // Renewed (new expiry): reminded again for the new date.
    await t.sql(`UPDATE certifications SET expires_on = '2027-03-25' WHERE id = $1`, [soon.id]);
    const renewed = await service.remindExpiringCertifications('2027-03-02');
    expect(renewed.map((r) => r.certificationId)).toEqual([soon.id]);
    const rows = await t.sql(
      `SELECT certification_id, expires_on::text FROM certification_reminders WHERE certification_id = ANY($1) ORDER BY 2`,
      [[soon.id, edge.id]],
    );
    expect(rows).toEqual([
      { certification_id: soon.id, expires_on: '2027-03-20' },
      { certification_id: soon.id, expires_on: '2027-03-25' },
      { certification_id: edge.id, expires_on: '2027-03-31' },
    ]);
  });
});

describe('the daily reminder job', () => {
  it('is registered with the job queue and reminds what expires within 30 days of today', async () => {
    const jobs = t.api.app.get(Jobs);
    expect(jobs.names).toContain(CERTIFICATION_REMINDER_JOB);
    const { cooperativeId } = await cooperativeWithOwner(t);
    const [row] = await t.sql<{ id: string }>(
      `INSERT INTO certifications (cooperative_id, type, reference, issued_on, expires_on, verified)
       VALUES ($1, 'ORGANIC', 'BIO-MA-77', '2020-01-01', $2, true) RETURNING id`,
      [cooperativeId, await moroccoDate(t, 10)],
    );
    await jobs.runNow(CERTIFICATION_REMINDER_JOB, {});
    await jobs.runNow(CERTIFICATION_REMINDER_JOB, {});
    const reminders = await t.sql(`SELECT 1 FROM certification_reminders WHERE certification_id = $1`, [
      row.id,
    ]);
    expect(reminders).toHaveLength(1);
  });
});

const ADD = `mutation($cooperativeId: ID!, $input: CertificationInput!) {
  addCertification(cooperativeId: $cooperativeId, input: $input) { id type reference issuedOn expiresOn verified valid } }`;
const VERIFY = `mutation($id: ID!, $verified: Boolean!) { verifyCertification(id: $id, verified: $verified) { id verified valid } }`;
