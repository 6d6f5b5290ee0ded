import { randomBytes } from 'node:crypto';
import {
  addMembership,
  grantPlatformRole,
  insertCooperative,
  signUp,
  type TestUser,
} from './support/actors.js';
import { apply } from './support/cooperatives-fixtures.js';
import { codes } from './support/identity-fixtures.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/**
 * Issue 8 item 4: nobody becomes a member without accepting an invitation sent to their verified
 * address; inviting says nothing about whether an address has an account; a user's memberships
 * (and through them hidden cooperatives) are not readable by others.
 */
let t: TestApi;
let admin: TestUser;
let owner: TestUser;

beforeAll(async () => {
  t = await startTestApi();
  [admin, owner] = await Promise.all([signUp(t), signUp(t)]);
  await grantPlatformRole(t, admin.id, 'ADMIN');
});
afterAll(() => t.close());

async function verified(options: { fullName?: string } = {}): Promise<TestUser> {
  const user = await signUp(t, options);
  await t.sql(`UPDATE users SET email_verified_at = now() WHERE id = $1`, [user.id]);
  return user;
}

async function invite(cooperativeId: string, email: string, role = 'STAFF', token = owner.accessToken) {
  return t.gql<{ inviteCooperativeMember: Invitation }>(INVITE, { cooperativeId, email, role }, token);
}

interface Invitation {
  id: string;
  email: string;
  role: string;
  status: string;
  expiresAt: string;
  cooperative: { id: string };
}

const membershipsOf = (cooperativeId: string, userId: string) =>
  t.sql(`SELECT role FROM cooperative_memberships WHERE cooperative_id = $1 AND user_id = $2`, [
    cooperativeId,
    userId,
  ]);

describe('inviteCooperativeMember', () => {
  it('answers the same whether the address has an account, adds nobody, and e-mails the invitation', async () => {
    const coop = await apply(t, owner.accessToken);
    const existing = await signUp(t);
    const unknown = `nobody-${randomBytes(4).toString('hex')}@example.ma`;
    const a = await invite(coop.id, existing.email.toUpperCase());
    const b = await invite(coop.id, unknown);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    const shape = (i: Invitation) => ({
      ...i,
      id: typeof i.id,
      email: typeof i.email,
      expiresAt: typeof i.expiresAt,
    });
    expect(shape(a.data!.inviteCooperativeMember)).toEqual(shape(b.data!.inviteCooperativeMember));
    expect(a.data!.inviteCooperativeMember).toMatchObject({
      email: existing.email,
      role: 'STAFF',
      status: 'PENDING',
      cooperative: { id: coop.id },
    });
    const days = (Date.parse(a.data!.inviteCooperativeMember.expiresAt) - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(7);
    expect(await membershipsOf(coop.id, existing.id)).toEqual([]);
    const mails = await t.sql<{ to_address: string; template: string }>(
      `SELECT to_address, template FROM email_outbox
        WHERE to_address = ANY($1) AND template <> 'verify-email' ORDER BY to_address`,
      [[existing.email, unknown]],
    );
    // Both addresses get the invitation and nothing else (the existing account's sign-up sent it
    // its verification link earlier, which is not part of this).
    expect(mails.map((m) => m.template)).toEqual(['cooperative-invitation', 'cooperative-invitation']);
    const [mail] = await t.sql<{ params: Record<string, unknown> }>(
      `SELECT params FROM email_outbox WHERE to_address = $1`,
      [unknown],
    );
    expect(mail.params).toMatchObject({ token: b.data!.inviteCooperativeMember.id, role: 'STAFF' });
  });

  it('refreshes a pending invitation when the same address is invited again', async () => {
    const coop = await apply(t, owner.accessToken);
    const email = `again-${randomBytes(4).toString('hex')}@example.ma`;
    const first = await invite(coop.id, email, 'STAFF');
    await t.sql(`UPDATE cooperative_invitations SET expires_at = now() + interval '1 day' WHERE id = $1`, [
      first.data!.inviteCooperativeMember.id,
    ]);
    const second = await invite(coop.id, email, 'MANAGER');
    expect(second.errors).toBeUndefined();
    expect(second.data!.inviteCooperativeMember.id).toBe(first.data!.inviteCooperativeMember.id);
    expect(second.data!.inviteCooperativeMember.role).toBe('MANAGER');
    expect(Date.parse(second.data!.inviteCooperativeMember.expiresAt)).toBeGreaterThan(
      Date.now() + 6 * 86_400_000,
    );
    const rows = await t.sql(`SELECT 1 FROM cooperative_invitations WHERE cooperative_id = $1`, [coop.id]);
    expect(rows).toHaveLength(1);
  });

  it('is for the OWNER only, and refuses a bad e-mail naming the argument', async () => {
    const coop = await apply(t, owner.accessToken);
    const manager = await signUp(t);
    await addMembership(t, manager.id, coop.id, 'MANAGER');
    for (const token of [manager.accessToken, admin.accessToken]) {
      expect(codes(await invite(coop.id, 'x@example.ma', 'STAFF', token))).toEqual(['FORBIDDEN']);
    }
    const bad = await invite(coop.id, 'not-an-email');
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('answering an invitation', () => {
  it('lists PENDING invitations to the verified address only, and accepting makes the member', async () => {
    const coop = await apply(t, owner.accessToken);
    const invitee = await verified();
    const other = await verified();
    const unverified = await signUp(t);
    const sent = (await invite(coop.id, invitee.email, 'MANAGER')).data!.inviteCooperativeMember;
    await invite(coop.id, unverified.email);

    const mine = await t.gql<{ myInvitations: Invitation[] }>(MY, {}, invitee.accessToken);
    expect(mine.data!.myInvitations.map((i) => i.id)).toEqual([sent.id]);
    // The invitee sees the (hidden) cooperative they are invited to, through the invitation.
    expect(mine.data!.myInvitations[0].cooperative).toEqual({ id: coop.id });
    expect(
      (await t.gql<{ myInvitations: Invitation[] }>(MY, {}, other.accessToken)).data!.myInvitations,
    ).toEqual([]);
    expect(
      (await t.gql<{ myInvitations: Invitation[] }>(MY, {}, unverified.accessToken)).data!.myInvitations,
    ).toEqual([]);

    expect(codes(await t.gql(RESPOND, { id: sent.id, accept: true }, other.accessToken))).toEqual([
      'NOT_FOUND',
    ]);
    expect(await membershipsOf(coop.id, other.id)).toEqual([]);

    const accepted = await t.gql<{ respondToCooperativeInvitation: Invitation }>(
      RESPOND,
      { id: sent.id, accept: true },
      invitee.accessToken,
    );
    expect(accepted.data!.respondToCooperativeInvitation).toMatchObject({
      status: 'ACCEPTED',
      role: 'MANAGER',
    });
    expect(await membershipsOf(coop.id, invitee.id)).toEqual([{ role: 'MANAGER' }]);
    const seen = await t.gql<{ cooperative: { id: string } | null }>(
      BY_ID,
      { id: coop.id },
      invitee.accessToken,
    );
    expect(seen.data!.cooperative).toEqual({ id: coop.id });
    expect(
      (await t.gql<{ myInvitations: Invitation[] }>(MY, {}, invitee.accessToken)).data!.myInvitations,
    ).toEqual([]);
  });

  it('needs the invitee’s e-mail verified; declining adds nobody', async () => {
    const coop = await apply(t, owner.accessToken);
    const invitee = await signUp(t);
    const sent = (await invite(coop.id, invitee.email)).data!.inviteCooperativeMember;
    expect(codes(await t.gql(RESPOND, { id: sent.id, accept: true }, invitee.accessToken))).toEqual([
      'FORBIDDEN',
    ]);
    await t.sql(`UPDATE users SET email_verified_at = now() WHERE id = $1`, [invitee.id]);
    const declined = await t.gql<{ respondToCooperativeInvitation: Invitation }>(
      RESPOND,
      { id: sent.id, accept: false },
      invitee.accessToken,
    );
    expect(declined.data!.respondToCooperativeInvitation.status).toBe('DECLINED');
    expect(await membershipsOf(coop.id, invitee.id)).toEqual([]);
    expect(codes(await t.gql(RESPOND, { id: sent.id, accept: true }, invitee.accessToken))).toEqual([
      'INVALID_STATE_TRANSITION',
    ]);
  });

  it('creates one membership when the invitee accepts several times at once', async () => {
    for (let round = 0; round < 3; round++) {
      const coop = await apply(t, owner.accessToken);
      const invitee = await verified();
      const sent = (await invite(coop.id, invitee.email)).data!.inviteCooperativeMember;
      const results = await Promise.all(
        Array.from({ length: 4 }, () => t.gql(RESPOND, { id: sent.id, accept: true }, invitee.accessToken)),
      );
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => r.errors).flatMap(codes)).toEqual(
        Array(3).fill('INVALID_STATE_TRANSITION'),
      );
      expect(await membershipsOf(coop.id, invitee.id)).toHaveLength(1);
    }
  });

  it('expires after 7 days', async () => {
    const coop = await apply(t, owner.accessToken);
    const invitee = await verified();
    const sent = (await invite(coop.id, invitee.email)).data!.inviteCooperativeMember;
    await t.sql(`UPDATE cooperative_invitations SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      sent.id,
    ]);
    expect(
      (await t.gql<{ myInvitations: Invitation[] }>(MY, {}, invitee.accessToken)).data!.myInvitations,
    ).toEqual([]);
    const res = await t.gql(RESPOND, { id: sent.id, accept: true }, invitee.accessToken);
    expect(codes(res)).toEqual(['INVALID_STATE_TRANSITION']);
    expect(await membershipsOf(coop.id, invitee.id)).toEqual([]);
    const list = await t.gql<{ cooperative: { invitations: Invitation[] } }>(
      LIST,
      { id: coop.id },
      owner.accessToken,
    );
    expect(list.data!.cooperative.invitations.map((i) => i.status)).toEqual(['EXPIRED']);
  });

  it('can be revoked by the OWNER, after which it cannot be accepted', async () => {
    const coop = await apply(t, owner.accessToken);
    const invitee = await verified();
    const manager = await signUp(t);
    await addMembership(t, manager.id, coop.id, 'MANAGER');
    const sent = (await invite(coop.id, invitee.email)).data!.inviteCooperativeMember;
    expect(codes(await t.gql(REVOKE, { id: sent.id }, manager.accessToken))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(REVOKE, { id: sent.id }, invitee.accessToken))).toEqual(['FORBIDDEN']);
    const revoked = await t.gql<{ revokeCooperativeInvitation: Invitation }>(
      REVOKE,
      { id: sent.id },
      owner.accessToken,
    );
    expect(revoked.data!.revokeCooperativeInvitation.status).toBe('REVOKED');
    expect(codes(await t.gql(RESPOND, { id: sent.id, accept: true }, invitee.accessToken))).toEqual([
      'INVALID_STATE_TRANSITION',
    ]);
    expect(await membershipsOf(coop.id, invitee.id)).toEqual([]);
  });

  it('shows a cooperative’s invitations to its OWNER/MANAGER and admins only', async () => {
    const coop = await apply(t, owner.accessToken);
    const [manager, staff, outsider] = await Promise.all([signUp(t), signUp(t), signUp(t)]);
    await addMembership(t, manager.id, coop.id, 'MANAGER');
    await addMembership(t, staff.id, coop.id, 'STAFF');
    await invite(coop.id, `list-${randomBytes(4).toString('hex')}@example.ma`);
    for (const token of [owner.accessToken, manager.accessToken, admin.accessToken]) {
      const res = await t.gql<{ cooperative: { invitations: Invitation[] } }>(LIST, { id: coop.id }, token);
      expect(res.data!.cooperative.invitations).toHaveLength(1);
    }
    expect(codes(await t.gql(LIST, { id: coop.id }, staff.accessToken))).toEqual(['FORBIDDEN']);
    // Not a member of a hidden application: the cooperative itself is not visible.
    expect((await t.gql(LIST, { id: coop.id }, outsider.accessToken)).data).toEqual({ cooperative: null });
  });
});

describe('User.memberships', () => {
  it('is readable by the user and admins only; other members cannot see where someone else works', async () => {
    const shared = await insertCooperative(t, { status: 'APPROVED' });
    const hidden = await insertCooperative(t, { status: 'SUBMITTED', name: 'Coopérative cachée' });
    const [worker, colleague] = await Promise.all([signUp(t), signUp(t)]);
    await addMembership(t, worker.id, shared, 'STAFF');
    await addMembership(t, worker.id, hidden, 'STAFF');
    await addMembership(t, colleague.id, shared, 'STAFF');
    const viaColleague = await t.gql<{ cooperative: { members: { user: { memberships: unknown[] } }[] } }>(
      MEMBER_MEMBERSHIPS,
      { id: shared },
      colleague.accessToken,
    );
    expect(codes(viaColleague)).toContain('FORBIDDEN');
    expect(JSON.stringify(viaColleague.data)).not.toContain(hidden);
    const own = await t.gql<{ me: { memberships: { cooperative: { id: string } }[] } }>(
      ME,
      {},
      worker.accessToken,
    );
    expect(own.data!.me.memberships.map((m) => m.cooperative.id).sort()).toEqual([shared, hidden].sort());
    const asAdmin = await t.gql(MEMBER_MEMBERSHIPS, { id: shared }, admin.accessToken);
    expect(asAdmin.errors).toBeUndefined();
  });
});

describe('the cooperative of an invitation', () => {
  it('is disclosed to the invitee while it is not public, and only through the invitation', async () => {
    const coop = await apply(t, owner.accessToken);
    const invitee = await verified();
    expect((await invite(coop.id, invitee.email)).errors).toBeUndefined();
    const mine = await t.gql<{ myInvitations: Invitation[] }>(MY, {}, invitee.accessToken);
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.myInvitations.map((i) => i.cooperative.id)).toEqual([coop.id]);
    // The same cooperative read directly: not public, and the invitee is no member yet.
    expect((await t.gql(BY_ID, { id: coop.id }, invitee.accessToken)).data).toEqual({ cooperative: null });
  });
});

const INVITE = `mutation($cooperativeId: ID!, $email: String!, $role: CooperativeRole!) {
  inviteCooperativeMember(cooperativeId: $cooperativeId, email: $email, role: $role) {
    id email role status expiresAt cooperative { id }
  }
}`;
const MY = `{ myInvitations { id email role status expiresAt cooperative { id } } }`;
const RESPOND = `mutation($id: ID!, $accept: Boolean!) {
  respondToCooperativeInvitation(id: $id, accept: $accept) { id role status }
}`;
const REVOKE = `mutation($id: ID!) { revokeCooperativeInvitation(id: $id) { id status } }`;
const LIST = `query($id: ID) { cooperative(id: $id) { invitations { id email status } } }`;
const BY_ID = `query($id: ID) { cooperative(id: $id) { id } }`;
const ME = `{ me { memberships { role cooperative { id } } } }`;
const MEMBER_MEMBERSHIPS = `query($id: ID) {
  cooperative(id: $id) { members { user { id memberships { role cooperative { id name } } } } }
}`;
