import { CooperativeStatus, canTransition } from '@taawoun/cooperatives';
import {
  addMembership,
  grantPlatformRole,
  insertCooperative,
  signUp,
  type TestUser,
} from './support/actors.js';
import { application, apply, forceStatus, statusOf } from './support/cooperatives-fixtures.js';
import { codes, fieldsOf } from './support/identity-fixtures.js';
import { startTestApi, type TestApi } from './support/test-api.js';

let t: TestApi;
let admin: TestUser;
let admin2: TestUser;
let owner: TestUser;
let outsider: TestUser;

beforeAll(async () => {
  t = await startTestApi();
  [admin, admin2, owner, outsider] = await Promise.all([signUp(t), signUp(t), signUp(t), signUp(t)]);
  await grantPlatformRole(t, admin.id, 'ADMIN');
  await grantPlatformRole(t, admin2.id, 'ADMIN');
});
afterAll(() => t.close());

const count = async (table: string) =>
  Number((await t.sql<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0].n);

describe('applyForCooperative', () => {
  it('creates a SUBMITTED cooperative with the caller as OWNER and the default commission', async () => {
    const res = await t.gql<{ applyForCooperative: Record<string, unknown> }>(
      APPLY,
      { input: application({ name: 'Coopérative Safwat Ibdaa Bladi', registrationNumber: 'RC-SAFWAT-1' }) },
      owner.accessToken,
    );
    expect(res.errors).toBeUndefined();
    const coop = res.data!.applyForCooperative;
    expect(coop).toMatchObject({
      slug: 'cooperative-safwat-ibdaa-bladi',
      status: 'SUBMITTED',
      commissionRateBps: 500,
      registrationNumber: 'RC-SAFWAT-1',
      foundedOn: '2014-05-12',
      region: { code: 'MA-06' },
      province: { code: 'MA-NOU' },
      reviewNotes: [],
      members: [{ role: 'OWNER', user: { id: owner.id, email: owner.email } }],
    });
    const me = await t.gql<{ me: { memberships: { role: string; cooperative: { id: string } }[] } }>(
      ME,
      {},
      owner.accessToken,
    );
    expect(me.data!.me.memberships).toContainEqual({ role: 'OWNER', cooperative: { id: coop.id } });
  });

  it('gives readable, unique slugs: accents, Arabic names, a random suffix on collision, stable across renames', async () => {
    const first = await apply(t, owner.accessToken, { name: 'Tissage Aït Ourir' });
    const second = await apply(t, owner.accessToken, { name: 'Tissage Ait Ourir' });
    const arabic = await apply(t, owner.accessToken, { name: 'تعاونية المنال' });
    expect(first.slug).toBe('tissage-ait-ourir');
    expect(second.slug).toMatch(/^tissage-ait-ourir-[a-z2-7]{5}$/);
    expect(arabic.slug).toBe('taaounia-almnal');
    const renamed = await t.gql<{ updateCooperativeProfile: { slug: string; name: string } }>(
      UPDATE,
      { id: first.id, input: application({ name: 'Un tout autre nom' }) },
      owner.accessToken,
    );
    expect(renamed.data!.updateCooperativeProfile).toEqual({
      slug: 'tissage-ait-ourir',
      name: 'Un tout autre nom',
      status: 'SUBMITTED',
    });
  });

  it('gives distinct slugs to concurrent applications with the same name', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () => apply(t, owner.accessToken, { name: 'Coopérative Argan Tamri' })),
    );
    const slugs = results.map((r) => r.slug);
    expect(new Set(slugs).size).toBe(5);
    expect(slugs).toContain('cooperative-argan-tamri');
    for (const slug of slugs) expect(slug).toMatch(/^cooperative-argan-tamri(-[a-z2-7]{5})?$/);
  });

  it('refuses the registration number of an approved cooperative, naming the field; applications do not conflict', async () => {
    const input = application({ registrationNumber: 'RC-RACE-42' });
    const before = await count('cooperatives');
    const results = await Promise.all(
      [owner, outsider].map((user) =>
        t.gql<{ applyForCooperative: { id: string } }>(
          APPLY,
          { input: { ...input, name: `Race ${user.id}` } },
          user.accessToken,
        ),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(2);
    expect(await count('cooperatives')).toBe(before + 2);
    await forceStatus(t, results[0].data!.applyForCooperative.id, 'APPROVED');
    const again = await t.gql(APPLY, { input }, owner.accessToken);
    expect(codes(again)).toEqual(['CONFLICT']);
    expect(fieldsOf(again)).toEqual(['input.registrationNumber']);
  });

  it.each([
    ['unknown province', { provinceCode: 'MA-XXX' }, 'input.provinceCode'],
    ['over-long province code', { provinceCode: 'MA-TOO-LONG-CODE' }, 'input.provinceCode'],
    ['founding date in the future', { foundedOn: '2999-01-01' }, 'input.foundedOn'],
    ['impossible date', { foundedOn: '2020-02-30' }, 'input.foundedOn'],
    ['not a date', { foundedOn: 'yesterday' }, 'input.foundedOn'],
    ['negative member count', { memberCount: -1 }, 'input.memberCount'],
    ['negative women member count', { womenMemberCount: -2 }, 'input.womenMemberCount'],
    ['more women members than members', { memberCount: 5, womenMemberCount: 6 }, 'input.womenMemberCount'],
    ['over-long name', { name: 'x'.repeat(201) }, 'input.name'],
    ['empty name', { name: '   ' }, 'input.name'],
    ['over-long description', { description: 'd'.repeat(4001) }, 'input.description'],
    ['bad phone', { contactPhone: 'call me maybe' }, 'input.contactPhone'],
    ['bad registration number', { registrationNumber: '<script>' }, 'input.registrationNumber'],
  ])('refuses %s with BAD_USER_INPUT naming the field, storing nothing', async (_, overrides, field) => {
    const before = await count('cooperatives');
    const res = await t.gql(APPLY, { input: application(overrides) }, owner.accessToken);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(res)).toContain(field);
    expect(await count('cooperatives')).toBe(before);
  });

  it('needs a signed-in caller', async () => {
    const res = await t.gql(APPLY, { input: application() });
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('review workflow', () => {
  it('goes SUBMITTED → UNDER_REVIEW → CHANGES_REQUESTED → SUBMITTED → … → APPROVED → SUSPENDED → APPROVED', async () => {
    const coop = await apply(t, owner.accessToken);
    const auditBefore = await count('audit_log');

    const started = await t.gql<{ startCooperativeReview: { status: string } }>(
      START,
      { id: coop.id },
      admin.accessToken,
    );
    expect(started.data!.startCooperativeReview.status).toBe('UNDER_REVIEW');
    const [reviewer] = await t.sql<{ reviewer_id: string }>(
      `SELECT reviewer_id FROM cooperatives WHERE id = $1`,
      [coop.id],
    );
    expect(reviewer.reviewer_id).toBe(admin.id);

    const changes = await t.gql<{ reviewCooperative: { status: string } }>(
      REVIEW,
      { id: coop.id, decision: 'REQUEST_CHANGES', note: 'Joindre les statuts signés.' },
      admin.accessToken,
    );
    expect(changes.data!.reviewCooperative.status).toBe('CHANGES_REQUESTED');

    const notes = await t.gql<{
      cooperative: { reviewNotes: { decision: string; note: string; at: string }[] };
    }>(NOTES, { id: coop.id }, owner.accessToken);
    expect(notes.data!.cooperative.reviewNotes).toEqual([
      { decision: 'REQUEST_CHANGES', note: 'Joindre les statuts signés.', at: expect.any(String) },
    ]);

    const resubmitted = await t.gql<{ updateCooperativeProfile: { status: string } }>(
      UPDATE,
      { id: coop.id, input: application({ name: 'Nom corrigé' }) },
      owner.accessToken,
    );
    expect(resubmitted.data!.updateCooperativeProfile.status).toBe('SUBMITTED');

    await t.gql(START, { id: coop.id }, admin.accessToken);
    const approved = await t.gql<{ reviewCooperative: { status: string } }>(
      REVIEW,
      { id: coop.id, decision: 'APPROVE', note: 'Dossier complet.' },
      admin.accessToken,
    );
    expect(approved.data!.reviewCooperative.status).toBe('APPROVED');

    const suspended = await t.gql<{ suspendCooperative: { status: string } }>(
      SUSPEND,
      { id: coop.id, reason: 'Certificat ONSSA expiré' },
      admin.accessToken,
    );
    expect(suspended.data!.suspendCooperative.status).toBe('SUSPENDED');
    const reinstated = await t.gql<{ reinstateCooperative: { status: string } }>(
      REINSTATE,
      { id: coop.id },
      admin.accessToken,
    );
    expect(reinstated.data!.reinstateCooperative.status).toBe('APPROVED');

    const audit = await t.sql<{ action: string; actor_id: string; data: Record<string, unknown> }>(
      `SELECT action, actor_id, data FROM audit_log WHERE target_id = $1 ORDER BY at, action`,
      [coop.id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'cooperative.review.start',
      'cooperative.review.decide',
      'cooperative.profile.update',
      'cooperative.review.start',
      'cooperative.review.decide',
      'cooperative.suspend',
      'cooperative.reinstate',
    ]);
    // Every edit is audited (issue 8 item 6), the owner's resubmission too.
    expect(audit.map((a) => a.actor_id)).toEqual([admin.id, admin.id, owner.id, ...Array(4).fill(admin.id)]);
    expect(audit[5].data).toEqual({ reason: 'Certificat ONSSA expiré' });
    expect(await count('audit_log')).toBe(auditBefore + 7);
    expect(await count(`cooperative_review_notes WHERE cooperative_id = '${coop.id}'`)).toBe(2);
  });

  it.each([
    ['reviewCooperative from SUBMITTED', 'SUBMITTED', () => REVIEW_APPROVE],
    ['startCooperativeReview from APPROVED', 'APPROVED', () => START],
    ['startCooperativeReview from UNDER_REVIEW', 'UNDER_REVIEW', () => START],
    ['reinstateCooperative from APPROVED', 'APPROVED', () => REINSTATE],
    ['suspendCooperative from SUBMITTED', 'SUBMITTED', () => SUSPEND_ANY],
    ['reviewCooperative from REJECTED', 'REJECTED', () => REVIEW_APPROVE],
    ['reinstateCooperative from REJECTED', 'REJECTED', () => REINSTATE],
    ['reviewCooperative from CHANGES_REQUESTED', 'CHANGES_REQUESTED', () => REVIEW_APPROVE],
  ])('refuses %s with INVALID_STATE_TRANSITION, changing nothing', async (_, status, mutation) => {
    const coop = await apply(t, owner.accessToken);
    await forceStatus(t, coop.id, status);
    const auditBefore = await count('audit_log');
    const notesBefore = await count('cooperative_review_notes');
    const res = await t.gql(mutation(), { id: coop.id }, admin.accessToken);
    expect(codes(res)).toEqual(['INVALID_STATE_TRANSITION']);
    expect(res.errors![0].extensions).toMatchObject({ from: status });
    expect(await statusOf(t, coop.id)).toBe(status);
    expect(await count('audit_log')).toBe(auditBefore);
    expect(await count('cooperative_review_notes')).toBe(notesBefore);
  });

  it('lets exactly one of two admins start the same review', async () => {
    const coop = await apply(t, owner.accessToken);
    const results = await Promise.all(
      [admin, admin2, admin, admin2].map((a) => t.gql(START, { id: coop.id }, a.accessToken)),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.flatMap(codes).sort()).toEqual(Array(3).fill('INVALID_STATE_TRANSITION'));
    expect(await count(`audit_log WHERE target_id = '${coop.id}'`)).toBe(1);
  });

  it('lets exactly one of two concurrent decisions win, with one review note', async () => {
    const coop = await apply(t, owner.accessToken);
    await t.gql(START, { id: coop.id }, admin.accessToken);
    const results = await Promise.all([
      t.gql(REVIEW, { id: coop.id, decision: 'APPROVE', note: 'ok' }, admin.accessToken),
      t.gql(REVIEW, { id: coop.id, decision: 'REJECT', note: 'non' }, admin2.accessToken),
      t.gql(REVIEW, { id: coop.id, decision: 'REQUEST_CHANGES', note: 'à revoir' }, admin.accessToken),
    ]);
    const winners = results.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    expect(results.flatMap(codes)).toEqual(['INVALID_STATE_TRANSITION', 'INVALID_STATE_TRANSITION']);
    expect(await count(`cooperative_review_notes WHERE cooperative_id = '${coop.id}'`)).toBe(1);
    const status = await statusOf(t, coop.id);
    expect(['APPROVED', 'REJECTED', 'CHANGES_REQUESTED']).toContain(status);
  });

  it('has the database refuse exactly the moves outside the workflow, for every writer', async () => {
    const statuses = Object.values(CooperativeStatus);
    const coop = await apply(t, owner.accessToken);
    for (const from of statuses) {
      for (const to of statuses) {
        if (from === to) continue;
        await forceStatus(t, coop.id, from);
        const moved = await t.sql(`UPDATE cooperatives SET status = $2 WHERE id = $1`, [coop.id, to]).then(
          () => true,
          () => false,
        );
        expect({ from, to, moved }).toEqual({ from, to, moved: canTransition(from, to) });
      }
    }
  });

  it('is enforced by the database for every writer', async () => {
    const coop = await apply(t, owner.accessToken);
    await expect(
      t.sql(`UPDATE cooperatives SET status = 'APPROVED' WHERE id = $1`, [coop.id]),
    ).rejects.toThrow(/cannot go from SUBMITTED to APPROVED/);
    expect(await statusOf(t, coop.id)).toBe('SUBMITTED');
  });

  it('needs a note and a reason, naming the argument', async () => {
    const coop = await apply(t, owner.accessToken);
    await t.gql(START, { id: coop.id }, admin.accessToken);
    const res = await t.gql(REVIEW, { id: coop.id, decision: 'APPROVE', note: '  ' }, admin.accessToken);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(res)).toEqual(['note']);
    expect(await statusOf(t, coop.id)).toBe('UNDER_REVIEW');
  });

  it('answers NOT_FOUND for unknown and malformed ids', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'nope']) {
      const res = await t.gql(START, { id }, admin.accessToken);
      expect(codes(res)).toEqual(['NOT_FOUND']);
    }
  });
});

describe('updateCooperativeProfile', () => {
  it('is for its OWNER/MANAGER and admins; STAFF and other cooperatives are FORBIDDEN', async () => {
    const coop = await apply(t, owner.accessToken);
    const [manager, staff] = await Promise.all([signUp(t), signUp(t)]);
    await addMembership(t, manager.id, coop.id, 'MANAGER');
    await addMembership(t, staff.id, coop.id, 'STAFF');
    const input = application({ name: 'Profil à jour' });
    expect((await t.gql(UPDATE, { id: coop.id, input }, manager.accessToken)).errors).toBeUndefined();
    expect(codes(await t.gql(UPDATE, { id: coop.id, input }, staff.accessToken))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(UPDATE, { id: coop.id, input }, outsider.accessToken))).toEqual(['FORBIDDEN']);
    const byAdmin = await t.gql<{ updateCooperativeProfile: { status: string } }>(
      UPDATE,
      { id: coop.id, input },
      admin.accessToken,
    );
    expect(byAdmin.data!.updateCooperativeProfile.status).toBe('SUBMITTED');
  });

  it('refuses member edits while under review; an admin edit never changes the status', async () => {
    const coop = await apply(t, owner.accessToken);
    await t.gql(START, { id: coop.id }, admin.accessToken);
    const res = await t.gql(
      UPDATE,
      { id: coop.id, input: application({ name: 'Pendant la revue' }) },
      owner.accessToken,
    );
    expect(codes(res)).toEqual(['INVALID_STATE_TRANSITION']);
    const [row] = await t.sql<{ name: string }>(`SELECT name FROM cooperatives WHERE id = $1`, [coop.id]);
    expect(row.name).not.toBe('Pendant la revue');
    await forceStatus(t, coop.id, 'CHANGES_REQUESTED');
    await t.gql(UPDATE, { id: coop.id, input: application() }, admin.accessToken);
    expect(await statusOf(t, coop.id)).toBe('CHANGES_REQUESTED');
  });

  it('validates like an application and changes nothing on bad input', async () => {
    const coop = await apply(t, owner.accessToken, { memberCount: 9, womenMemberCount: 3 });
    const res = await t.gql(
      UPDATE,
      { id: coop.id, input: application({ memberCount: 4, womenMemberCount: 5 }) },
      owner.accessToken,
    );
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(res)).toEqual(['input.womenMemberCount']);
    const [row] = await t.sql<{ member_count: number }>(
      `SELECT member_count FROM cooperatives WHERE id = $1`,
      [coop.id],
    );
    expect(row.member_count).toBe(9);
  });
});

describe('setCommissionRate', () => {
  it('lets an admin set 0..10000 basis points, audited', async () => {
    const coop = await apply(t, owner.accessToken);
    const res = await t.gql<{ setCommissionRate: { commissionRateBps: number } }>(
      COMMISSION,
      { id: coop.id, rate: 750 },
      admin.accessToken,
    );
    expect(res.data!.setCommissionRate.commissionRateBps).toBe(750);
    const [audit] = await t.sql<{ data: unknown }>(
      `SELECT data FROM audit_log WHERE target_id = $1 AND action = 'cooperative.commission.set'`,
      [coop.id],
    );
    expect(audit.data).toEqual({ from: 500, to: 750 });
  });

  it.each([-1, 10001])('refuses %d naming rateBps', async (rate) => {
    const coop = await apply(t, owner.accessToken);
    const res = await t.gql(COMMISSION, { id: coop.id, rate }, admin.accessToken);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(res)).toEqual(['rateBps']);
    const [row] = await t.sql<{ r: number }>(
      `SELECT commission_rate_bps AS r FROM cooperatives WHERE id = $1`,
      [coop.id],
    );
    expect(row.r).toBe(500);
  });

  it('is for admins only', async () => {
    const coop = await apply(t, owner.accessToken);
    expect(codes(await t.gql(COMMISSION, { id: coop.id, rate: 0 }, owner.accessToken))).toEqual([
      'FORBIDDEN',
    ]);
  });
});

describe('membership', () => {
  it('shows staff the members, but not the management of them', async () => {
    const coop = await apply(t, owner.accessToken);
    const staff = await signUp(t);
    await addMembership(t, staff.id, coop.id, 'STAFF');
    const asStaff = await t.gql(
      INVITE,
      { cooperativeId: coop.id, email: outsider.email, role: 'STAFF' },
      staff.accessToken,
    );
    expect(codes(asStaff)).toEqual(['FORBIDDEN']);
    const members = await t.gql<{ cooperative: { members: { role: string }[] } }>(
      MEMBERS,
      { id: coop.id },
      staff.accessToken,
    );
    expect(members.data!.cooperative.members.map((m) => m.role)).toEqual(['OWNER', 'STAFF']);
  });

  it('keeps at least one OWNER', async () => {
    const coop = await apply(t, owner.accessToken);
    const res = await t.gql(REMOVE_MEMBER, { cooperativeId: coop.id, userId: owner.id }, owner.accessToken);
    expect(codes(res)).toEqual(['CONFLICT']);
    expect(await count(`cooperative_memberships WHERE cooperative_id = '${coop.id}'`)).toBe(1);
  });

  it('keeps one OWNER when two owners remove each other at once', async () => {
    for (let round = 0; round < 3; round++) {
      const [a, b] = await Promise.all([signUp(t), signUp(t)]);
      const coop = await apply(t, a.accessToken);
      await addMembership(t, b.id, coop.id, 'OWNER');
      const results = await Promise.all([
        t.gql(REMOVE_MEMBER, { cooperativeId: coop.id, userId: b.id }, a.accessToken),
        t.gql(REMOVE_MEMBER, { cooperativeId: coop.id, userId: a.id }, b.accessToken),
      ]);
      expect(results.filter((r) => r.data?.removeCooperativeMember === true)).toHaveLength(1);
      const owners = await t.sql(
        `SELECT 1 FROM cooperative_memberships WHERE cooperative_id = $1 AND role = 'OWNER'`,
        [coop.id],
      );
      expect(owners).toHaveLength(1);
    }
  });

  it('removes a member, who loses access on the next request', async () => {
    const coop = await apply(t, owner.accessToken);
    const manager = await signUp(t);
    await addMembership(t, manager.id, coop.id, 'MANAGER');
    expect((await t.gql(NOTES, { id: coop.id }, manager.accessToken)).data?.cooperative).not.toBeNull();
    const res = await t.gql(REMOVE_MEMBER, { cooperativeId: coop.id, userId: manager.id }, owner.accessToken);
    expect(res.data).toEqual({ removeCooperativeMember: true });
    expect((await t.gql(NOTES, { id: coop.id }, manager.accessToken)).data).toEqual({ cooperative: null });
    const again = await t.gql(
      REMOVE_MEMBER,
      { cooperativeId: coop.id, userId: manager.id },
      owner.accessToken,
    );
    expect(codes(again)).toEqual(['NOT_FOUND']);
  });

  it('is FORBIDDEN on a cooperative one does not own', async () => {
    const coop = await apply(t, owner.accessToken);
    const res = await t.gql(
      INVITE,
      { cooperativeId: coop.id, email: outsider.email, role: 'OWNER' },
      outsider.accessToken,
    );
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect(
      codes(await t.gql(REMOVE_MEMBER, { cooperativeId: coop.id, userId: owner.id }, admin.accessToken)),
    ).toEqual(['FORBIDDEN']);
  });
});

describe('visibility', () => {
  it('shows a non-approved cooperative only to its members and admins, by id or slug', async () => {
    const coop = await apply(t, owner.accessToken);
    for (const [token, visible] of [
      [undefined, false],
      [outsider.accessToken, false],
      [owner.accessToken, true],
      [admin.accessToken, true],
    ] as const) {
      const byId = await t.gql<{ cooperative: { id: string } | null }>(BY_ID, { id: coop.id }, token);
      const bySlug = await t.gql<{ cooperative: { id: string } | null }>(BY_SLUG, { slug: coop.slug }, token);
      expect(byId.data!.cooperative?.id ?? null).toBe(visible ? coop.id : null);
      expect(bySlug.data!.cooperative?.id ?? null).toBe(visible ? coop.id : null);
    }
  });

  it('hides review notes and members of an approved cooperative from the public (FORBIDDEN)', async () => {
    const coop = await apply(t, owner.accessToken);
    await forceStatus(t, coop.id, 'APPROVED');
    const pub = await t.gql<{ cooperative: { id: string } | null }>(BY_ID, { id: coop.id });
    expect(pub.data!.cooperative!.id).toBe(coop.id);
    for (const token of [undefined, outsider.accessToken]) {
      expect(codes(await t.gql(NOTES, { id: coop.id }, token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(MEMBERS, { id: coop.id }, token))).toEqual(['FORBIDDEN']);
    }
    expect((await t.gql(MEMBERS, { id: coop.id }, admin.accessToken)).errors).toBeUndefined();
  });

  it('needs exactly one of id and slug; a malformed id is simply not found', async () => {
    expect(codes(await t.gql(`{ cooperative { id } }`))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(`{ cooperative(id: "x", slug: "y") { id } }`))).toEqual(['BAD_USER_INPUT']);
    expect((await t.gql(`{ cooperative(id: "x") { id } }`)).data).toEqual({ cooperative: null });
  });
});

describe('directory', () => {
  let member: TestUser;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    // A clean slate: this describe counts what it sees.
    await t.sql(`DELETE FROM cooperatives`);
    member = await signUp(t);
    ids.safwat = await insertCooperative(t, {
      name: 'Safwat Ibdaa Bladi',
      provinceCode: 'MA-NOU',
      sector: 'BEEKEEPING',
    });
    ids.manal = await insertCooperative(t, { name: 'Al-Manal', provinceCode: 'MA-CAS', sector: 'TEXTILE' });
    ids.argan = await insertCooperative(t, {
      name: 'Coopérative Tighanimine',
      provinceCode: 'MA-ESI',
      sector: 'COSMETICS',
      womenLed: true,
    });
    ids.dates = await insertCooperative(t, {
      name: 'Dattes de Tafilalet',
      provinceCode: 'MA-ERR',
      sector: 'AGRICULTURE',
      womenLed: false,
    });
    ids.pending = await insertCooperative(t, { name: 'Safwat en attente', status: 'SUBMITTED' });
    ids.suspended = await insertCooperative(t, { name: 'Suspendue', status: 'SUSPENDED' });
    ids.rejected = await insertCooperative(t, { name: 'Refusée', status: 'REJECTED' });
    for (let i = 0; i < 7; i++)
      await insertCooperative(t, { name: `Zitoun ${i}`, provinceCode: 'MA-JDI', sector: 'AGRICULTURE' });
    await addMembership(t, member.id, ids.pending, 'STAFF');
    // Every cooperative has a member, so every page loads members and their users.
    const crew = await signUp(t);
    await t.sql(
      `INSERT INTO cooperative_memberships (user_id, cooperative_id, role) SELECT $1, id, 'OWNER' FROM cooperatives`,
      [crew.id],
    );
  });

  const names = (res: { data: { cooperatives: { edges: { node: { name: string } }[] } } | null }) =>
    res.data!.cooperatives.edges.map((e) => e.node.name);

  it('shows the public only APPROVED cooperatives, sorted by name, with totalCount', async () => {
    const res = await t.gql<DirectoryPage>(DIRECTORY, { first: 100 });
    expect(res.data!.cooperatives.totalCount).toBe(11);
    expect(names(res)).not.toContain('Safwat en attente');
    expect(names(res)).not.toContain('Suspendue');
    expect(names(res).slice(0, 3)).toEqual(['Al-Manal', 'Coopérative Tighanimine', 'Dattes de Tafilalet']);
  });

  it('adds a member’s own cooperatives in any state; admins see all and filter by status', async () => {
    const asMember = await t.gql<DirectoryPage>(DIRECTORY, { first: 100 }, member.accessToken);
    expect(asMember.data!.cooperatives.totalCount).toBe(12);
    expect(names(asMember)).toContain('Safwat en attente');
    const memberFiltered = await t.gql<DirectoryPage>(
      DIRECTORY,
      { first: 100, filter: { status: 'SUBMITTED' } },
      member.accessToken,
    );
    expect(names(memberFiltered)).toEqual(['Safwat en attente']);
    const publicFiltered = await t.gql<DirectoryPage>(DIRECTORY, {
      first: 100,
      filter: { status: 'SUSPENDED' },
    });
    expect(names(publicFiltered)).toEqual([]);
    const asAdmin = await t.gql<DirectoryPage>(DIRECTORY, { first: 100 }, admin.accessToken);
    expect(asAdmin.data!.cooperatives.totalCount).toBe(14);
    const suspended = await t.gql<DirectoryPage>(
      DIRECTORY,
      { filter: { status: 'SUSPENDED' } },
      admin.accessToken,
    );
    expect(names(suspended)).toEqual(['Suspendue']);
  });

  it('filters by region, province, sector and women-led', async () => {
    expect(
      names(await t.gql<DirectoryPage>(DIRECTORY, { filter: { regionCode: 'MA-06', sector: 'TEXTILE' } })),
    ).toEqual(['Al-Manal']);
    expect(names(await t.gql<DirectoryPage>(DIRECTORY, { filter: { provinceCode: 'MA-ERR' } }))).toEqual([
      'Dattes de Tafilalet',
    ]);
    const womenLed = await t.gql<DirectoryPage>(DIRECTORY, { first: 100, filter: { womenLed: false } });
    expect(names(womenLed)).toEqual(['Dattes de Tafilalet']);
    const region = await t.gql<DirectoryPage>(DIRECTORY, { first: 100, filter: { regionCode: 'MA-06' } });
    expect(region.data!.cooperatives.totalCount).toBe(9);
  });

  it('refuses unknown region and province codes naming the filter field', async () => {
    const region = await t.gql(DIRECTORY, { filter: { regionCode: 'MA-99' } });
    expect(codes(region)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(region)).toEqual(['filter.regionCode']);
    const province = await t.gql(DIRECTORY, { filter: { provinceCode: 'XX' } });
    expect(fieldsOf(province)).toEqual(['filter.provinceCode']);
  });

  it('finds names despite typos and accents', async () => {
    expect(names(await t.gql<DirectoryPage>(DIRECTORY, { filter: { search: 'safwt ibdaa' } }))).toEqual([
      'Safwat Ibdaa Bladi',
    ]);
    expect(names(await t.gql<DirectoryPage>(DIRECTORY, { filter: { search: 'tighanimin' } }))).toEqual([
      'Coopérative Tighanimine',
    ]);
    expect(names(await t.gql<DirectoryPage>(DIRECTORY, { filter: { search: 'cooperative' } }))).toEqual([
      'Coopérative Tighanimine',
    ]);
    expect(names(await t.gql<DirectoryPage>(DIRECTORY, { filter: { search: 'manal' } }))).toEqual([
      'Al-Manal',
    ]);
    expect(names(await t.gql<DirectoryPage>(DIRECTORY, { filter: { search: 'xyzzy' } }))).toEqual([]);
    for (const wildcard of ['%', '_', '\\']) {
      expect(names(await t.gql<DirectoryPage>(DIRECTORY, { filter: { search: wildcard } }))).toEqual([]);
    }
  });

  it('pages with opaque cursors, without gaps or duplicates, also over search results', async () => {
    for (const filter of [{}, { search: 'zitoun' }]) {
      const seen: string[] = [];
      let after: string | null = null;
      let total = -1;
      for (let guard = 0; guard < 20; guard++) {
        const res: { data: DirectoryPage | null } = await t.gql<DirectoryPage>(DIRECTORY, {
          first: 3,
          after,
          filter,
        });
        const page = res.data!.cooperatives;
        total = page.totalCount;
        seen.push(...page.edges.map((e) => e.node.name));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toHaveLength(total);
    }
    const all = await t.gql<DirectoryPage>(DIRECTORY, { first: 100 });
    const pageOne = await t.gql<DirectoryPage>(DIRECTORY, { first: 5 });
    const pageTwo = await t.gql<DirectoryPage>(DIRECTORY, {
      first: 5,
      after: pageOne.data!.cooperatives.pageInfo.endCursor,
    });
    expect([...names(pageOne), ...names(pageTwo)]).toEqual(names(all).slice(0, 10));
  });

  it('refuses tampered cursors and page sizes above 100', async () => {
    const res = await t.gql(DIRECTORY, { after: 'bm90LWEtY3Vyc29y' });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(res)).toEqual(['after']);
    const first = await t.gql<DirectoryPage>(DIRECTORY, { first: 1 });
    const cursorOfOtherOrder = await t.gql(DIRECTORY, {
      after: first.data!.cooperatives.pageInfo.endCursor,
      filter: { search: 'zitoun' },
    });
    expect(codes(cursorOfOtherOrder)).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(DIRECTORY, { first: 101 }))).toEqual(['BAD_USER_INPUT']);
  });

  it('costs the same number of SQL queries for 2 or 7 cooperatives with their relations', async () => {
    const small = await t.gql(DIRECTORY_DEEP, { first: 2 }, admin.accessToken);
    const large = await t.gql<DirectoryPage>(DIRECTORY_DEEP, { first: 7 }, admin.accessToken);
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.data!.cooperatives.edges).toHaveLength(7);
    expect(Number(large.headers.get('x-sql-queries'))).toBe(Number(small.headers.get('x-sql-queries')));
    expect(Number(large.headers.get('x-sql-queries'))).toBeLessThanOrEqual(8);
  });
});

interface DirectoryPage {
  cooperatives: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: { id: string; name: string } }[];
  };
}

const COOP_FIELDS = `id slug name registrationNumber sector foundedOn memberCount womenMemberCount womenLed description
  status commissionRateBps region { code name } province { code name }`;

const APPLY = `mutation($input: CooperativeApplicationInput!) {
  applyForCooperative(input: $input) {
    ${COOP_FIELDS}
    reviewNotes { decision note at }
    members { role user { id email } }
  }
}`;

const UPDATE = `mutation($id: ID!, $input: CooperativeApplicationInput!) {
  updateCooperativeProfile(id: $id, input: $input) { slug name status }
}`;

const START = `mutation($id: ID!) { startCooperativeReview(id: $id) { id status } }`;
const REVIEW = `mutation($id: ID!, $decision: ReviewDecision!, $note: String!) {
  reviewCooperative(id: $id, decision: $decision, note: $note) { id status }
}`;
const REVIEW_APPROVE = `mutation($id: ID!) { reviewCooperative(id: $id, decision: APPROVE, note: "ok") { id status } }`;
const SUSPEND = `mutation($id: ID!, $reason: String!) { suspendCooperative(id: $id, reason: $reason) { id status } }`;
const SUSPEND_ANY = `mutation($id: ID!) { suspendCooperative(id: $id, reason: "contrôle") { id status } }`;
const REINSTATE = `mutation($id: ID!) { reinstateCooperative(id: $id) { id status } }`;
const COMMISSION = `mutation($id: ID!, $rate: Int!) { setCommissionRate(cooperativeId: $id, rateBps: $rate) { id commissionRateBps } }`;

const INVITE = `mutation($cooperativeId: ID!, $email: String!, $role: CooperativeRole!) {
  inviteCooperativeMember(cooperativeId: $cooperativeId, email: $email, role: $role) { id }
}`;
const REMOVE_MEMBER = `mutation($cooperativeId: ID!, $userId: ID!) {
  removeCooperativeMember(cooperativeId: $cooperativeId, userId: $userId)
}`;

const ME = `{ me { memberships { role cooperative { id } } } }`;
const BY_ID = `query($id: ID) { cooperative(id: $id) { id } }`;
const BY_SLUG = `query($slug: String) { cooperative(slug: $slug) { id } }`;
const NOTES = `query($id: ID) { cooperative(id: $id) { id reviewNotes { decision note at } } }`;
const MEMBERS = `query($id: ID) { cooperative(id: $id) { id members { role user { id email fullName } } } }`;

const DIRECTORY = `query($filter: CooperativeFilter, $first: Int, $after: String) {
  cooperatives(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id name } }
  }
}`;

const DIRECTORY_DEEP = `query($first: Int) {
  cooperatives(first: $first) {
    totalCount
    edges { node { id name region { code } province { code } reviewNotes { note } members { role user { email } } } }
  }
}`;
