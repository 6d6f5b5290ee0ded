import { addMembership, grantPlatformRole, signUp, type TestUser } from './support/actors.js';
import { application, apply, forceStatus, statusOf } from './support/cooperatives-fixtures.js';
import { codes, fieldsOf } from './support/identity-fixtures.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/**
 * Issue 8 items 6 and 9: vetted facts of an APPROVED cooperative change only through an admin's
 * review, and registration numbers conflict with approved cooperatives only (an application's
 * number can neither be probed nor squatted), with duplicates shown to the reviewer.
 */
let t: TestApi;
let admin: TestUser;
let owner: TestUser;
let outsider: TestUser;

beforeAll(async () => {
  t = await startTestApi();
  [admin, owner, outsider] = await Promise.all([signUp(t), signUp(t), signUp(t)]);
  await grantPlatformRole(t, admin.id, 'ADMIN');
});
afterAll(() => t.close());

async function approvedCooperative(overrides: Record<string, unknown> = {}) {
  const input = application(overrides);
  const coop = await apply(t, owner.accessToken, input);
  await forceStatus(t, coop.id, 'APPROVED');
  return { ...coop, input };
}

const rowOf = async (id: string) =>
  (
    await t.sql<{ name: string; registration_number: string; member_count: number; description: string }>(
      `SELECT name, registration_number, member_count, description FROM cooperatives WHERE id = $1`,
      [id],
    )
  )[0];

describe('vetted profile changes (item 6)', () => {
  it('keeps vetted facts of an APPROVED cooperative until an admin approves; other fields apply at once', async () => {
    const coop = await approvedCooperative({ memberCount: 12, womenMemberCount: 7 });
    const statsBefore = await t.gql<{ cooperativeStatistics: { members: number } }>(
      STATS,
      {},
      admin.accessToken,
    );
    const edit = {
      ...coop.input,
      name: 'Coopérative Géante',
      registrationNumber: 'RC-VETTED-NEW-1',
      memberCount: 999999,
      description: 'Nouvelle description',
    };
    const res = await t.gql<{ updateCooperativeProfile: { name: string; memberCount: number } }>(
      UPDATE,
      { id: coop.id, input: edit },
      owner.accessToken,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateCooperativeProfile).toMatchObject({
      name: coop.input.name,
      memberCount: 12,
    });
    const row = await rowOf(coop.id);
    expect(row).toEqual({
      name: coop.input.name,
      registration_number: coop.input.registrationNumber,
      member_count: 12,
      description: 'Nouvelle description',
    });
    const pub = await t.gql<{ cooperative: { name: string; memberCount: number; description: string } }>(
      PUBLIC_VIEW,
      { id: coop.id },
    );
    expect(pub.data!.cooperative).toEqual({
      name: coop.input.name,
      memberCount: 12,
      description: 'Nouvelle description',
    });
    const statsAfter = await t.gql<{ cooperativeStatistics: { members: number } }>(
      STATS,
      {},
      admin.accessToken,
    );
    expect(statsAfter.data!.cooperativeStatistics.members).toBe(
      statsBefore.data!.cooperativeStatistics.members,
    );

    const pending = await t.gql<{ cooperative: { pendingProfileChange: Record<string, unknown> } }>(
      PENDING,
      { id: coop.id },
      owner.accessToken,
    );
    expect(pending.data!.cooperative.pendingProfileChange).toMatchObject({
      name: 'Coopérative Géante',
      registrationNumber: 'RC-VETTED-NEW-1',
      memberCount: 999999,
      sector: null,
      province: null,
      foundedOn: null,
      womenLed: null,
    });
    expect(typeof pending.data!.cooperative.pendingProfileChange.requestedAt).toBe('string');

    const audit = await t.sql<{ action: string; actor_id: string; data: Record<string, unknown> }>(
      `SELECT action, actor_id, data FROM audit_log WHERE target_id = $1 ORDER BY at`,
      [coop.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'cooperative.profile.update', actor_id: owner.id });
    expect(audit[0].data).toMatchObject({
      applied: { description: 'Nouvelle description' },
      pending: { name: 'Coopérative Géante', registrationNumber: 'RC-VETTED-NEW-1', memberCount: 999999 },
    });
  });

  it('merges later edits into the one pending change; APPROVE applies it, audited with the note', async () => {
    const coop = await approvedCooperative({ memberCount: 12, womenMemberCount: 7 });
    await t.gql(UPDATE, { id: coop.id, input: { ...coop.input, name: 'Nom Un' } }, owner.accessToken);
    await t.gql(
      UPDATE,
      { id: coop.id, input: { ...coop.input, name: 'Nom Un', memberCount: 20, provinceCode: 'MA-CAS' } },
      owner.accessToken,
    );
    expect(
      await t.sql(`SELECT 1 FROM cooperative_profile_changes WHERE cooperative_id = $1`, [coop.id]),
    ).toHaveLength(1);
    const pending = await t.gql<{ cooperative: { pendingProfileChange: Record<string, unknown> } }>(
      PENDING,
      { id: coop.id },
      owner.accessToken,
    );
    expect(pending.data!.cooperative.pendingProfileChange).toMatchObject({
      name: 'Nom Un',
      memberCount: 20,
      province: { code: 'MA-CAS' },
    });

    const approved = await t.gql<{ reviewCooperativeProfileChange: Record<string, unknown> }>(
      REVIEW_CHANGE,
      { id: coop.id, decision: 'APPROVE', note: 'Justificatifs reçus' },
      admin.accessToken,
    );
    expect(approved.errors).toBeUndefined();
    expect(approved.data!.reviewCooperativeProfileChange).toMatchObject({
      name: 'Nom Un',
      memberCount: 20,
      province: { code: 'MA-CAS' },
      pendingProfileChange: null,
    });
    expect(await statusOf(t, coop.id)).toBe('APPROVED');
    const [audit] = await t.sql<{ actor_id: string; data: Record<string, unknown> }>(
      `SELECT actor_id, data FROM audit_log WHERE target_id = $1 AND action = 'cooperative.profile_change.approve'`,
      [coop.id],
    );
    expect(audit.actor_id).toBe(admin.id);
    expect(audit.data).toMatchObject({
      note: 'Justificatifs reçus',
      changes: { name: 'Nom Un', memberCount: 20 },
    });
    const again = await t.gql(
      REVIEW_CHANGE,
      { id: coop.id, decision: 'APPROVE', note: 'encore' },
      admin.accessToken,
    );
    expect(codes(again)).toEqual(['NOT_FOUND']);
  });

  it('REJECT discards the pending change, audited; the vetted values stay', async () => {
    const coop = await approvedCooperative();
    await t.gql(UPDATE, { id: coop.id, input: { ...coop.input, name: 'Refusé' } }, owner.accessToken);
    const res = await t.gql<{ reviewCooperativeProfileChange: { name: string; pendingProfileChange: null } }>(
      REVIEW_CHANGE,
      { id: coop.id, decision: 'REJECT', note: 'Aucun justificatif' },
      admin.accessToken,
    );
    expect(res.data!.reviewCooperativeProfileChange).toMatchObject({
      name: coop.input.name,
      pendingProfileChange: null,
    });
    const [audit] = await t.sql<{ data: Record<string, unknown> }>(
      `SELECT data FROM audit_log WHERE target_id = $1 AND action = 'cooperative.profile_change.reject'`,
      [coop.id],
    );
    expect(audit.data).toMatchObject({ note: 'Aucun justificatif', changes: { name: 'Refusé' } });
  });

  it('lets only admins review, and refuses REQUEST_CHANGES and an empty note naming the argument', async () => {
    const coop = await approvedCooperative();
    await t.gql(UPDATE, { id: coop.id, input: { ...coop.input, name: 'En attente' } }, owner.accessToken);
    for (const token of [owner.accessToken, outsider.accessToken, undefined]) {
      const res = await t.gql(REVIEW_CHANGE, { id: coop.id, decision: 'APPROVE', note: 'x' }, token);
      expect(codes(res)[0]).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    }
    const bad = await t.gql(
      REVIEW_CHANGE,
      { id: coop.id, decision: 'REQUEST_CHANGES', note: 'x' },
      admin.accessToken,
    );
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(bad)).toEqual(['decision']);
    const empty = await t.gql(
      REVIEW_CHANGE,
      { id: coop.id, decision: 'APPROVE', note: ' ' },
      admin.accessToken,
    );
    expect(fieldsOf(empty)).toEqual(['note']);
    expect((await rowOf(coop.id)).name).toBe(coop.input.name);
  });

  it('shows the pending change to members and admins only', async () => {
    const coop = await approvedCooperative();
    const staff = await signUp(t);
    await addMembership(t, staff.id, coop.id, 'STAFF');
    await t.gql(UPDATE, { id: coop.id, input: { ...coop.input, name: 'Secret' } }, owner.accessToken);
    for (const token of [staff.accessToken, admin.accessToken]) {
      const res = await t.gql<{ cooperative: { pendingProfileChange: { name: string } } }>(
        PENDING,
        { id: coop.id },
        token,
      );
      expect(res.data!.cooperative.pendingProfileChange.name).toBe('Secret');
    }
    for (const token of [outsider.accessToken, undefined]) {
      expect(codes(await t.gql(PENDING, { id: coop.id }, token))).toEqual(['FORBIDDEN']);
    }
  });

  it('lets applications (not approved) edit directly, as before', async () => {
    const coop = await apply(t, owner.accessToken);
    const input = application({ name: 'Direct', memberCount: 30 });
    const res = await t.gql<{ updateCooperativeProfile: { name: string } }>(
      UPDATE,
      { id: coop.id, input },
      owner.accessToken,
    );
    expect(res.data!.updateCooperativeProfile.name).toBe('Direct');
    expect(
      await t.sql(`SELECT 1 FROM cooperative_profile_changes WHERE cooperative_id = $1`, [coop.id]),
    ).toEqual([]);
  });
});

describe('registration numbers (item 9)', () => {
  it('does not reveal nor reserve the number of a hidden application', async () => {
    const hidden = await apply(t, owner.accessToken, { registrationNumber: 'RC-HIDDEN-9' });
    const probe = await t.gql<{ applyForCooperative: { id: string } }>(
      APPLY,
      { input: application({ registrationNumber: 'RC-HIDDEN-9' }) },
      outsider.accessToken,
    );
    expect(probe.errors).toBeUndefined();
    const squatter = probe.data!.applyForCooperative.id;
    expect(squatter).not.toBe(hidden.id);
  });

  it('still refuses the number of an approved cooperative, naming the field', async () => {
    const coop = await approvedCooperative({ registrationNumber: 'RC-PUBLIC-9' });
    const res = await t.gql(
      APPLY,
      { input: application({ registrationNumber: 'RC-PUBLIC-9' }) },
      outsider.accessToken,
    );
    expect(codes(res)).toEqual(['CONFLICT']);
    expect(fieldsOf(res)).toEqual(['input.registrationNumber']);
    expect(coop.id).toBeTruthy();
  });

  it('shows the reviewer the other cooperatives with the same number; admins only', async () => {
    const first = await apply(t, owner.accessToken, { registrationNumber: 'RC-DUP-9' });
    const second = await apply(t, outsider.accessToken, { registrationNumber: 'RC-DUP-9' });
    const res = await t.gql<{ cooperative: { registrationNumberDuplicates: { id: string }[] } }>(
      DUPLICATES,
      { id: first.id },
      admin.accessToken,
    );
    expect(res.data!.cooperative.registrationNumberDuplicates.map((c) => c.id)).toEqual([second.id]);
    expect(codes(await t.gql(DUPLICATES, { id: first.id }, owner.accessToken))).toEqual(['FORBIDDEN']);
  });

  it('approves only one of two applications with the same number, also when approved at once', async () => {
    for (let round = 0; round < 3; round++) {
      const number = `RC-APPROVE-RACE-${round}`;
      const a = await apply(t, owner.accessToken, { registrationNumber: number });
      const b = await apply(t, outsider.accessToken, { registrationNumber: number });
      await forceStatus(t, a.id, 'UNDER_REVIEW');
      await forceStatus(t, b.id, 'UNDER_REVIEW');
      const results = await Promise.all(
        [a, b].map((c) => t.gql(REVIEW_APPROVE, { id: c.id }, admin.accessToken)),
      );
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      const refused = results.find((r) => r.errors)!;
      expect(codes(refused)).toEqual(['CONFLICT']);
      expect(refused.errors![0].message).toMatch(/registration number/);
      const statuses = [await statusOf(t, a.id), await statusOf(t, b.id)].sort();
      expect(statuses).toEqual(['APPROVED', 'UNDER_REVIEW']);
    }
  });

  it('refuses a pending change to another approved cooperative’s number, and approving one that became taken', async () => {
    const taken = await approvedCooperative({ registrationNumber: 'RC-TAKEN-9' });
    const coop = await approvedCooperative();
    const res = await t.gql(
      UPDATE,
      { id: coop.id, input: { ...coop.input, registrationNumber: 'RC-TAKEN-9' } },
      owner.accessToken,
    );
    expect(codes(res)).toEqual(['CONFLICT']);
    expect(fieldsOf(res)).toEqual(['input.registrationNumber']);
    await t.gql(
      UPDATE,
      { id: coop.id, input: { ...coop.input, registrationNumber: 'RC-LATER-9' } },
      owner.accessToken,
    );
    const other = await apply(t, outsider.accessToken, { registrationNumber: 'RC-LATER-9' });
    await forceStatus(t, other.id, 'APPROVED');
    const review = await t.gql(
      REVIEW_CHANGE,
      { id: coop.id, decision: 'APPROVE', note: 'ok' },
      admin.accessToken,
    );
    expect(codes(review)).toEqual(['CONFLICT']);
    expect((await rowOf(coop.id)).registration_number).toBe(coop.input.registrationNumber);
    expect(taken.id).toBeTruthy();
  });
});

const APPLY = `mutation($input: CooperativeApplicationInput!) { applyForCooperative(input: $input) { id } }`;
const UPDATE = `mutation($id: ID!, $input: CooperativeApplicationInput!) {
  updateCooperativeProfile(id: $id, input: $input) { name memberCount }
}`;
const PUBLIC_VIEW = `query($id: ID) { cooperative(id: $id) { name memberCount description } }`;
const STATS = `{ cooperativeStatistics { members } }`;
const PENDING = `query($id: ID) { cooperative(id: $id) { pendingProfileChange {
  name registrationNumber sector province { code } foundedOn memberCount womenMemberCount womenLed requestedAt
} } }`;
const REVIEW_CHANGE = `mutation($id: ID!, $decision: ReviewDecision!, $note: String!) {
  reviewCooperativeProfileChange(cooperativeId: $id, decision: $decision, note: $note) {
    name memberCount province { code } pendingProfileChange { name }
  }
}`;
const REVIEW_APPROVE = `mutation($id: ID!) { reviewCooperative(id: $id, decision: APPROVE, note: "ok") { id status } }`;
const DUPLICATES = `query($id: ID) { cooperative(id: $id) { registrationNumberDuplicates { id } } }`;
