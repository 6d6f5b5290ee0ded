import { addMembership, insertCooperative, signUp } from '../support/actors.js';
import { application, forceStatus } from '../support/cooperatives-fixtures.js';
import type { AccessFixture, AccessSuite, ActorName } from './access-case.js';

/**
 * Cooperative operations. Workflow mutations act on cooperatives prepared in the state they
 * need (never X or Y, which other suites need APPROVED): refused actors go first and change
 * nothing, then the one allowed admin makes the move.
 */
let fixture: AccessFixture;

async function cooperativeIn(fx: AccessFixture, status: string): Promise<string> {
  const id = await insertCooperative(fx.t, { status: 'SUBMITTED' });
  if (status !== 'SUBMITTED') await forceStatus(fx.t, id, status);
  return id;
}

/** The SUBMITTED cooperative of Y is visible to its OWNER and admins only. */
function onlyOwnerYAndAdminSeePending(actor: ActorName, data: Record<string, unknown> | null): void {
  const coop = (data as { cooperative: { id: string } | null } | null)?.cooperative ?? null;
  const sees = actor === 'ownerY' || actor === 'admin';
  expect(coop?.id ?? null).toBe(sees ? fixture.ids['coops.pending'] : null);
}

export const cooperativesAccessSuite: AccessSuite = {
  name: 'cooperatives',

  async prepare(fx) {
    fixture = fx;
    fx.ids['coops.pending'] = await cooperativeIn(fx, 'SUBMITTED');
    await addMembership(fx.t, fx.users.ownerY.id, fx.ids['coops.pending'], 'OWNER');
    fx.ids['coops.toStart'] = await cooperativeIn(fx, 'SUBMITTED');
    fx.ids['coops.underReview'] = await cooperativeIn(fx, 'UNDER_REVIEW');
    fx.ids['coops.toSuspend'] = await cooperativeIn(fx, 'APPROVED');
    fx.ids['coops.suspended'] = await cooperativeIn(fx, 'SUSPENDED');
    const [x] = await fx.t.sql<{ registration_number: string }>(
      `SELECT registration_number FROM cooperatives WHERE id = $1`,
      [fx.cooperativeX],
    );
    fx.ids['coops.xRegistration'] = x.registration_number;
    fx.ids['coops.withPending'] = await cooperativeIn(fx, 'APPROVED');
    for (const id of [fx.ids['coops.withPending'], fx.cooperativeX]) {
      await fx.t.sql(
        `INSERT INTO cooperative_profile_changes (cooperative_id, changes) VALUES ($1, '{"name": "Matrix pending"}')`,
        [id],
      );
    }
    const [pending] = await fx.t.sql<{ slug: string }>(`SELECT slug FROM cooperatives WHERE id = $1`, [
      fx.ids['coops.pending'],
    ]);
    fx.ids['coops.pendingSlug'] = pending.slug;
    const newcomer = await signUp(fx.t, { fullName: 'Matrix Newcomer' });
    fx.ids['coops.newcomerEmail'] = newcomer.email;
    // Invitations to addresses no actor of the matrix has: the policy lets every signed-in
    // caller answer, and the service answers NOT_FOUND to anyone but the invitee.
    for (const [key, cooperativeId] of [
      ['coops.invitationToAnswer', fx.cooperativeY],
      ['coops.invitationToRevoke', fx.cooperativeX],
    ]) {
      const [row] = await fx.t.sql<{ id: string }>(
        `INSERT INTO cooperative_invitations (cooperative_id, email, role, expires_at)
         VALUES ($1, $2, 'STAFF', now() + interval '7 days') RETURNING id`,
        [cooperativeId, `${key}@example.ma`],
      );
      fx.ids[key] = row.id;
    }
    const leaving = await signUp(fx.t, { fullName: 'Matrix Leaving' });
    await addMembership(fx.t, leaving.id, fx.cooperativeX, 'STAFF');
    fx.ids['coops.leavingUser'] = leaving.id;
  },

  cases: [
    {
      operation: 'Query.cooperative',
      query: `query($id: ID) { cooperative(id: $id) { id status } }`,
      variables: (fx) => ({ id: fx.ids['coops.pending'] }),
      allowed: 'everyone',
      visibility: onlyOwnerYAndAdminSeePending,
    },
    {
      // Every read path of a cooperative applies one visibility rule (cooperative-visibility.ts):
      // by slug, in the directory (whatever the status filter), through a membership.
      operation: 'Query.cooperative',
      query: `query($slug: String) { cooperative(slug: $slug) { id } }`,
      variables: (fx) => ({ slug: fx.ids['coops.pendingSlug'] }),
      allowed: 'everyone',
      visibility: onlyOwnerYAndAdminSeePending,
    },
    {
      operation: 'Query.cooperatives',
      query: `{ cooperatives(first: 100, filter: { status: SUBMITTED }) { totalCount edges { node { id } } } }`,
      allowed: 'everyone',
      visibility: (actor, data) => {
        const page = (data as { cooperatives: { totalCount: number; edges: { node: { id: string } }[] } })
          .cooperatives;
        const ids = page.edges.map((e) => e.node.id);
        if (actor === 'admin') {
          expect(ids).toContain(fixture.ids['coops.pending']);
          expect(ids).toContain(fixture.ids['coops.toStart']);
        } else {
          // Others see, of the SUBMITTED ones, only their own.
          expect(ids).toEqual(actor === 'ownerY' ? [fixture.ids['coops.pending']] : []);
          expect(page.totalCount).toBe(ids.length);
        }
      },
    },
    {
      operation: 'Query.me',
      query: `{ me { memberships { cooperative { id status } } } }`,
      allowed: 'everyone',
      visibility: (actor, data) => {
        const me = (data as { me: { memberships: { cooperative: { id: string } }[] } | null } | null)?.me;
        if (actor === 'anonymous') return expect(me ?? null).toBeNull();
        const ids = me!.memberships.map((m) => m.cooperative.id);
        if (actor === 'ownerY') expect(ids).toContain(fixture.ids['coops.pending']);
        else expect(ids).not.toContain(fixture.ids['coops.pending']);
      },
    },
    {
      operation: 'Query.cooperative',
      query: `query($id: ID) { cooperative(id: $id) { id pendingProfileChange { name } } }`,
      variables: (fx) => ({ id: fx.cooperativeX }),
      allowed: ['staffX', 'ownerX', 'admin'],
      visibility: (actor, data, allowed) => {
        const coop = (data as { cooperative: { pendingProfileChange: { name: string } | null } }).cooperative;
        expect(coop.pendingProfileChange?.name ?? null).toBe(allowed ? 'Matrix pending' : null);
      },
    },
    {
      operation: 'Query.cooperative',
      query: `query($id: ID) { cooperative(id: $id) { id registrationNumberDuplicates { id } } }`,
      variables: (fx) => ({ id: fx.cooperativeX }),
      allowed: ['admin'],
      visibility: (actor, data, allowed) => {
        const coop = (data as { cooperative: { registrationNumberDuplicates: unknown[] } | null })
          .cooperative;
        expect(coop?.registrationNumberDuplicates ?? null).toEqual(allowed ? [] : null);
      },
    },
    {
      operation: 'Query.cooperatives',
      query: `{ cooperatives(first: 100) { totalCount edges { node { id } } } }`,
      allowed: 'everyone',
      visibility: (actor, data) => {
        const ids = (data as { cooperatives: { edges: { node: { id: string } }[] } }).cooperatives.edges.map(
          (e) => e.node.id,
        );
        expect(ids).toContain(fixture.cooperativeX);
        const sees = actor === 'ownerY' || actor === 'admin';
        expect(ids.includes(fixture.ids['coops.pending'])).toBe(sees);
      },
    },
    {
      operation: 'Query.cooperativeStatistics',
      query: `{ cooperativeStatistics(regionCode: "MA-06") { cooperatives } }`,
      allowed: ['admin'],
    },
    {
      operation: 'Mutation.applyForCooperative',
      query: `mutation($input: CooperativeApplicationInput!) { applyForCooperative(input: $input) { id } }`,
      variables: () => ({ input: application() }),
      allowed: ['buyerA', 'buyerB', 'staffX', 'ownerX', 'ownerY', 'partner', 'admin'],
    },
    {
      operation: 'Mutation.updateCooperativeProfile',
      query: `mutation($id: ID!, $input: CooperativeApplicationInput!) {
        updateCooperativeProfile(id: $id, input: $input) { id }
      }`,
      variables: (fx) => ({
        id: fx.cooperativeX,
        input: application({ name: 'Coopérative X', registrationNumber: fx.ids['coops.xRegistration'] }),
      }),
      allowed: ['ownerX', 'admin'],
    },
    {
      operation: 'Mutation.startCooperativeReview',
      query: `mutation($id: ID!) { startCooperativeReview(id: $id) { status } }`,
      variables: (fx) => ({ id: fx.ids['coops.toStart'] }),
      allowed: ['admin'],
    },
    {
      operation: 'Mutation.reviewCooperative',
      query: `mutation($id: ID!) { reviewCooperative(id: $id, decision: APPROVE, note: "Dossier complet") { status } }`,
      variables: (fx) => ({ id: fx.ids['coops.underReview'] }),
      allowed: ['admin'],
    },
    {
      operation: 'Mutation.suspendCooperative',
      query: `mutation($id: ID!) { suspendCooperative(id: $id, reason: "Contrôle") { status } }`,
      variables: (fx) => ({ id: fx.ids['coops.toSuspend'] }),
      allowed: ['admin'],
    },
    {
      operation: 'Mutation.reinstateCooperative',
      query: `mutation($id: ID!) { reinstateCooperative(id: $id) { status } }`,
      variables: (fx) => ({ id: fx.ids['coops.suspended'] }),
      allowed: ['admin'],
    },
    {
      operation: 'Mutation.reviewCooperativeProfileChange',
      query: `mutation($id: ID!) {
        reviewCooperativeProfileChange(cooperativeId: $id, decision: APPROVE, note: "Vérifié") { name }
      }`,
      variables: (fx) => ({ id: fx.ids['coops.withPending'] }),
      allowed: ['admin'],
    },
    {
      operation: 'Mutation.inviteCooperativeMember',
      query: `mutation($cooperativeId: ID!, $email: String!) {
        inviteCooperativeMember(cooperativeId: $cooperativeId, email: $email, role: STAFF) { status }
      }`,
      variables: (fx) => ({ cooperativeId: fx.cooperativeX, email: fx.ids['coops.newcomerEmail'] }),
      allowed: ['ownerX'],
    },
    {
      operation: 'Query.myInvitations',
      query: `{ myInvitations { id } }`,
      allowed: ['buyerA', 'buyerB', 'staffX', 'ownerX', 'ownerY', 'partner', 'admin'],
      visibility: (actor, data, allowed) => {
        // Nobody in the matrix has a verified address: no invitations to show.
        expect(data).toEqual(allowed ? { myInvitations: [] } : null);
      },
    },
    {
      operation: 'Mutation.respondToCooperativeInvitation',
      query: `mutation($id: ID!) { respondToCooperativeInvitation(id: $id, accept: true) { status } }`,
      variables: (fx) => ({ id: fx.ids['coops.invitationToAnswer'] }),
      allowed: ['buyerA', 'buyerB', 'staffX', 'ownerX', 'ownerY', 'partner', 'admin'],
      visibility: (actor, data) => {
        // Nobody but the invitee (not an actor here) is answered, admins and the OWNER included.
        expect(data).toBeNull();
      },
    },
    {
      operation: 'Mutation.revokeCooperativeInvitation',
      query: `mutation($id: ID!) { revokeCooperativeInvitation(id: $id) { status } }`,
      variables: (fx) => ({ id: fx.ids['coops.invitationToRevoke'] }),
      allowed: ['ownerX'],
    },
    {
      operation: 'Query.cooperative',
      query: `query($id: ID) { cooperative(id: $id) { id invitations { id } } }`,
      variables: (fx) => ({ id: fx.cooperativeX }),
      allowed: ['ownerX', 'admin'],
      visibility: (actor, data, allowed) => {
        const coop = (data as { cooperative: { invitations: unknown[] } | null }).cooperative;
        expect(coop === null).toBe(!allowed);
      },
    },
    {
      operation: 'Mutation.removeCooperativeMember',
      query: `mutation($cooperativeId: ID!, $userId: ID!) {
        removeCooperativeMember(cooperativeId: $cooperativeId, userId: $userId)
      }`,
      variables: (fx) => ({ cooperativeId: fx.cooperativeX, userId: fx.ids['coops.leavingUser'] }),
      allowed: ['ownerX'],
    },
    {
      operation: 'Mutation.setCommissionRate',
      query: `mutation($id: ID!) { setCommissionRate(cooperativeId: $id, rateBps: 500) { commissionRateBps } }`,
      variables: (fx) => ({ id: fx.cooperativeX }),
      allowed: ['admin'],
    },
    {
      operation: 'Mutation.setShippingTerms',
      query: `mutation($id: ID!) { setShippingTerms(cooperativeId: $id, freeShippingThreshold: 50000, minimumOrderAmount: null) { freeShippingThreshold { amount } } }`,
      variables: (fx) => ({ id: fx.cooperativeX }),
      allowed: ['ownerX', 'admin'],
    },
  ],
};
