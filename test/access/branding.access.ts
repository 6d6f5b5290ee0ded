import { identityRequest, partnerWith, uploadedImage, verifyEmail } from '../support/branding-fixtures.js';
import { insertCooperative, signUp } from '../support/actors.js';
import type { AccessFixture, AccessSuite, ActorName } from './access-case.js';

/**
 * Branding operations. The `partner` actor works for the organisation assigned to the requests
 * prepared here; the requests are on cooperative X (its OWNER answers) or on a cooperative of
 * their own, so the requests other suites rely on are untouched.
 */
let fixture: AccessFixture;
let partnerNames = 0;

/** Who sees which prepared request in `identityRequests`. */
function requestsShownTo(actor: ActorName, data: Record<string, unknown> | null, allowed: boolean): void {
  if (!allowed) {
    expect(data).toBeNull();
    return;
  }
  const ids = ((data as { identityRequests: { id: string }[] }).identityRequests ?? []).map((r) => r.id);
  const assignedOnX = fixture.ids['br.assignedOnX'];
  const unassigned = fixture.ids['br.unassigned'];
  const sees = (id: string) => ids.includes(id);
  const expected = {
    onX: actor === 'admin' || actor === 'partner' || actor === 'ownerX' || actor === 'staffX',
    unassigned: actor === 'admin',
  };
  if (sees(assignedOnX) !== expected.onX || sees(unassigned) !== expected.unassigned)
    throw new Error(
      `${actor} sees ${JSON.stringify({ onX: sees(assignedOnX), unassigned: sees(unassigned) })}`,
    );
}

export const brandingAccessSuite: AccessSuite = {
  name: 'branding',

  async prepare(fx) {
    fixture = fx;
    const partnerId = await partnerWith(fx.t, 'Matrix partner', [fx.users.partner.id]);
    fx.ids['br.partner'] = partnerId;
    const member = await signUp(fx.t, { fullName: 'Matrix partner member' });
    await verifyEmail(fx.t, member.id);
    fx.ids['br.memberEmail'] = member.email;
    fx.ids['br.assignedOnX'] = await identityRequest(fx.t, fx.cooperativeX, partnerId);
    const elsewhere = await insertCooperative(fx.t);
    fx.ids['br.unassigned'] = await identityRequest(fx.t, elsewhere, null);
    fx.ids['br.toAssign'] = await identityRequest(fx.t, await insertCooperative(fx.t), null);
    fx.ids['br.partnerLogo'] = await uploadedImage(fx.t, fx.users.partner.id);
    const [proposal] = await fx.t.sql<{ id: string }>(
      `INSERT INTO identity_proposals (request_id, logo_asset_id, primary_color) VALUES ($1, $2, '#112233')
       RETURNING id`,
      [fx.ids['br.assignedOnX'], await uploadedImage(fx.t, fx.users.partner.id)],
    );
    await fx.t.sql(`UPDATE identity_requests SET status = 'PROPOSED' WHERE id = $1`, [
      fx.ids['br.assignedOnX'],
    ]);
    fx.ids['br.proposal'] = proposal.id;
    fx.ids['br.ownerXLogo'] = await uploadedImage(fx.t, fx.users.ownerX.id);
  },

  cases: [
    {
      operation: 'Query.identityRequests',
      query: `query { identityRequests(first: 100) { id } }`,
      allowed: ['buyerA', 'buyerB', 'staffX', 'ownerX', 'ownerY', 'partner', 'admin'],
      visibility: requestsShownTo,
    },
    {
      operation: 'Query.partnerOrganizations',
      query: `query { partnerOrganizations { id } }`,
      allowed: ['admin'],
    },
    {
      operation: 'Mutation.createPartnerOrganization',
      query: `mutation($name: String!) { createPartnerOrganization(name: $name) { id } }`,
      variables: () => ({ name: `Matrix organisation ${++partnerNames}` }),
      allowed: ['admin'],
    },
    {
      operation: 'Mutation.addPartnerMember',
      query: `mutation($p: ID!, $e: String!) { addPartnerMember(partnerId: $p, email: $e) }`,
      variables: (fx) => ({ p: fx.ids['br.partner'], e: fx.ids['br.memberEmail'] }),
      allowed: ['admin'],
    },
    {
      operation: 'Mutation.requestIdentitySupport',
      query: `mutation($c: ID!) { requestIdentitySupport(cooperativeId: $c, needs: "A logo") { id } }`,
      variables: (fx) => ({ c: fx.cooperativeY }),
      allowed: ['ownerY'],
    },
    {
      operation: 'Mutation.assignIdentityPartner',
      query: `mutation($r: ID!, $p: ID!) { assignIdentityPartner(requestId: $r, partnerId: $p) { id status } }`,
      variables: (fx) => ({ r: fx.ids['br.toAssign'], p: fx.ids['br.partner'] }),
      allowed: ['admin'],
    },
    {
      operation: 'Mutation.submitIdentityProposal',
      query: `mutation($r: ID!, $logo: ID!) {
        submitIdentityProposal(requestId: $r, input: { logoAssetId: $logo, primaryColor: "#445566" }) { id } }`,
      variables: (fx) => ({ r: fx.ids['br.assignedOnX'], logo: fx.ids['br.partnerLogo'] }),
      allowed: ['partner'],
    },
    {
      operation: 'Mutation.respondToIdentityProposal',
      query: `mutation($p: ID!) { respondToIdentityProposal(proposalId: $p, accept: false, feedback: "Non") { id status } }`,
      variables: (fx) => ({ p: fx.ids['br.proposal'] }),
      allowed: ['ownerX'],
    },
    {
      operation: 'Mutation.updateBrandKit',
      query: `mutation($c: ID!, $logo: ID!) {
        updateBrandKit(cooperativeId: $c, input: { logoAssetId: $logo, primaryColor: "#778899" }) { primaryColor } }`,
      variables: (fx) => ({ c: fx.cooperativeX, logo: fx.ids['br.ownerXLogo'] }),
      allowed: ['ownerX'],
    },
  ],
};
