import {
  addMembership,
  grantPlatformRole,
  insertCooperative,
  signUp,
  type TestUser,
} from './support/actors.js';
import { identityRequest, partnerWith, uploadedImage, verifyEmail } from './support/branding-fixtures.js';
import { codes, fieldsOf } from './support/identity-fixtures.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/**
 * Issue 12, branding: partner organisations, identity requests, proposals by the assigned
 * partner only, the cooperative's answer (accepting sets the brand kit, declines the others and
 * completes the request, once, under concurrent answers), and the public brand kit.
 */
let t: TestApi;
let admin: TestUser;
let owner: TestUser;
let manager: TestUser;
let staff: TestUser;
let designer: TestUser;
let outsider: TestUser;
let cooperativeId: string;
let partnerId: string;

beforeAll(async () => {
  t = await startTestApi();
  [admin, owner, manager, staff, designer, outsider] = await Promise.all(
    ['Admin', 'Owner', 'Manager', 'Staff', 'Designer', 'Other designer'].map((fullName) =>
      signUp(t, { fullName }),
    ),
  );
  await grantPlatformRole(t, admin.id, 'ADMIN');
  cooperativeId = await insertCooperative(t, { name: 'Argan Tiznit' });
  await addMembership(t, owner.id, cooperativeId, 'OWNER');
  await addMembership(t, manager.id, cooperativeId, 'MANAGER');
  await addMembership(t, staff.id, cooperativeId, 'STAFF');
  partnerId = await partnerWith(t, 'Fédération IT', [designer.id]);
  await partnerWith(t, 'Another partner', [outsider.id]);
});
afterAll(() => t.close());

interface Proposal {
  id: string;
  status: string;
  primaryColor: string;
  tagline: string | null;
  feedback: string | null;
  logo: { id: string; url: string };
}

function proposalInput(logoAssetId: string, extra: Record<string, unknown> = {}) {
  return { logoAssetId, primaryColor: '#1a2b3c', tagline: 'Huile d’argan de Tiznit', ...extra };
}

async function submit(requestId: string, input: Record<string, unknown>, token = designer.accessToken) {
  return t.gql<{ submitIdentityProposal: Proposal }>(SUBMIT, { requestId, input }, token);
}

async function submitted(requestId: string, color = '#1A2B3C'): Promise<Proposal> {
  const logo = await uploadedImage(t, designer.id);
  const res = await submit(requestId, proposalInput(logo, { primaryColor: color }));
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.submitIdentityProposal;
}

function respond(proposalId: string, accept: boolean, token = owner.accessToken, feedback?: string) {
  return t.gql<{ respondToIdentityProposal: Proposal }>(RESPOND, { proposalId, accept, feedback }, token);
}

const requestStatus = async (id: string) =>
  (await t.sql<{ status: string }>(`SELECT status FROM identity_requests WHERE id = $1`, [id]))[0].status;

/** A cooperative of its own (each flow test needs a fresh one: one unfinished request each). */
async function freshCooperative(): Promise<string> {
  const id = await insertCooperative(t);
  await addMembership(t, owner.id, id, 'OWNER');
  await addMembership(t, manager.id, id, 'MANAGER');
  return id;
}

describe('partner organisations', () => {
  it('lets admins create them, with unique names and checked fields, and nobody else', async () => {
    const created = await t.gql<{ createPartnerOrganization: { id: string; name: string } }>(
      CREATE_PARTNER,
      { name: '  Design School Agadir ', description: 'Students' },
      admin.accessToken,
    );
    expect(created.data?.createPartnerOrganization.name).toBe('Design School Agadir');
    const again = await t.gql(CREATE_PARTNER, { name: 'design school agadir' }, admin.accessToken);
    expect(codes(again)).toEqual(['CONFLICT']);
    expect(fieldsOf(again)).toEqual(['name']);
    const empty = await t.gql(CREATE_PARTNER, { name: '   ' }, admin.accessToken);
    expect(codes(empty)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(empty)).toEqual(['name']);
    expect(codes(await t.gql(CREATE_PARTNER, { name: 'Mine' }, designer.accessToken))).toEqual(['FORBIDDEN']);
    const list = await t.gql<{ partnerOrganizations: { name: string }[] }>(PARTNERS, {}, admin.accessToken);
    expect(list.data?.partnerOrganizations.map((p) => p.name)).toEqual(
      expect.arrayContaining(['Design School Agadir', 'Fédération IT']),
    );
  });

  it('adds a member by verified address, granting PARTNER; an unknown or unverified address is refused to the admin and stores nothing', async () => {
    const person = await signUp(t, { fullName: 'New partner' });
    const add = (email: string) =>
      t.gql<{ addPartnerMember: boolean }>(ADD_MEMBER, { partnerId, email }, admin.accessToken);

    const unknown = await add('nobody-at-all@example.ma');
    expect(codes(unknown)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(unknown)).toEqual(['email']);
    const unverified = await add(person.email);
    expect(codes(unverified)).toEqual(['BAD_USER_INPUT']);
    expect(await t.sql(`SELECT 1 FROM partner_members WHERE user_id = $1`, [person.id])).toEqual([]);
    expect(await roles(person)).toEqual(['BUYER']);

    await verifyEmail(t, person.id);
    expect((await add(person.email.toUpperCase())).data?.addPartnerMember).toBe(true);
    expect((await add(person.email)).data?.addPartnerMember).toBe(true);
    expect(await roles(person)).toEqual(['BUYER', 'PARTNER']);
    expect(await t.sql(`SELECT partner_id FROM partner_members WHERE user_id = $1`, [person.id])).toEqual([
      { partner_id: partnerId },
    ]);
    const ghost = await t.gql(
      ADD_MEMBER,
      { partnerId: '00000000-0000-4000-8000-000000000000', email: person.email },
      admin.accessToken,
    );
    expect(codes(ghost)).toEqual(['NOT_FOUND']);
  });
});

async function roles(user: TestUser): Promise<string[]> {
  const res = await t.gql<{ me: { roles: string[] } }>(`{ me { roles } }`, {}, user.accessToken);
  return [...res.data!.me.roles].sort();
}

describe('identity requests', () => {
  it('go OPEN → ASSIGNED with an e-mail to the partner; one unfinished request per cooperative', async () => {
    const coop = await freshCooperative();
    const asked = await t.gql<{ requestIdentitySupport: { id: string; status: string } }>(
      REQUEST,
      { cooperativeId: coop, needs: ' A logo and colours for our argan oil ' },
      manager.accessToken,
    );
    expect(asked.data?.requestIdentitySupport.status).toBe('OPEN');
    const id = asked.data!.requestIdentitySupport.id;
    const twice = await t.gql(REQUEST, { cooperativeId: coop, needs: 'again' }, owner.accessToken);
    expect(codes(twice)).toEqual(['CONFLICT']);
    expect(codes(await t.gql(REQUEST, { cooperativeId: coop, needs: ' ' }, owner.accessToken))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codes(await t.gql(REQUEST, { cooperativeId: coop, needs: 'x' }, staff.accessToken))).toEqual([
      'FORBIDDEN',
    ]);

    const assigned = await t.gql<{ assignIdentityPartner: { status: string; partner: { id: string } } }>(
      ASSIGN,
      { requestId: id, partnerId },
      admin.accessToken,
    );
    expect(assigned.data?.assignIdentityPartner).toEqual({ status: 'ASSIGNED', partner: { id: partnerId } });
    const mails = await t.sql<{ to_address: string }>(
      `SELECT to_address FROM email_outbox WHERE template = 'identity-partner-assigned'`,
    );
    expect(mails.map((m) => m.to_address)).toContain(designer.email);
  });

  it('can be reassigned until a proposal arrives, not after; an unknown partner is NOT_FOUND', async () => {
    const other = await partnerWith(t, 'Reassignment partner', []);
    const request = await identityRequest(t, await freshCooperative(), partnerId);
    const assign = (to: string) => t.gql(ASSIGN, { requestId: request, partnerId: to }, admin.accessToken);
    expect(codes(await assign('00000000-0000-4000-8000-000000000000'))).toEqual(['NOT_FOUND']);
    expect((await assign(other)).errors).toBeUndefined();
    expect((await assign(partnerId)).errors).toBeUndefined();
    await submitted(request);
    expect(codes(await assign(other))).toEqual(['INVALID_STATE_TRANSITION']);
    const [row] = await t.sql<{ partner_id: string; status: string }>(
      `SELECT partner_id, status FROM identity_requests WHERE id = $1`,
      [request],
    );
    expect(row).toEqual({ partner_id: partnerId, status: 'PROPOSED' });
  });

  it('are listed to admins (all), the assigned partner (its own) and the cooperative’s members (theirs) only', async () => {
    const coop = await freshCooperative();
    const other = await insertCooperative(t);
    const mine = await identityRequest(t, coop, partnerId);
    const unassigned = await identityRequest(t, other, null);
    const list = async (user: TestUser, status?: string) => {
      const res = await t.gql<{ identityRequests: { id: string }[] }>(LIST, { status }, user.accessToken);
      if (!res.data) throw new Error(JSON.stringify(res.errors));
      return res.data.identityRequests.map((r) => r.id);
    };
    expect(await list(admin)).toEqual(expect.arrayContaining([mine, unassigned]));
    expect(await list(designer)).toContain(mine);
    expect(await list(designer)).not.toContain(unassigned);
    expect(await list(outsider)).toEqual([]);
    expect(await list(owner)).toContain(mine);
    expect(await list(owner)).not.toContain(unassigned);
    expect(await list(admin, 'OPEN')).not.toContain(mine);
    const tooMany = await t.gql(LIST_FIRST, { first: 101 }, admin.accessToken);
    expect(codes(tooMany)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(tooMany)).toEqual(['first']);
    expect(codes(await t.gql(LIST, {}))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('reading requests', () => {
  it('costs the same number of SQL queries for 1 request as for 20, with their relations', async () => {
    for (let i = 0; i < 20; i++) {
      const request = await identityRequest(t, await freshCooperative(), partnerId);
      await submitted(request);
    }
    const cost = async (first: number) => {
      const res = await t.gql<{ identityRequests: unknown[] }>(DEEP_LIST, { first }, admin.accessToken);
      expect(res.errors).toBeUndefined();
      expect(res.data!.identityRequests).toHaveLength(first);
      return Number(res.headers.get('x-sql-queries'));
    };
    const one = await cost(1);
    expect(one).toBeGreaterThan(0);
    expect(await cost(20)).toBe(one);
  });
});

describe('proposals', () => {
  it('are accepted from the assigned partner only, and e-mail the cooperative’s owners and managers', async () => {
    const coop = await freshCooperative();
    const request = await identityRequest(t, coop, partnerId);
    const logo = await uploadedImage(t, outsider.id);
    const foreign = await submit(request, proposalInput(logo), outsider.accessToken);
    expect(codes(foreign)).toEqual(['FORBIDDEN']);
    expect(codes(await submit(request, proposalInput(logo), owner.accessToken))).toEqual(['FORBIDDEN']);

    const proposal = await submitted(request);
    expect(proposal).toMatchObject({ status: 'PENDING', primaryColor: '#1A2B3C', feedback: null });
    expect(proposal.logo.url).toMatch(/\/assets\//);
    expect(await requestStatus(request)).toBe('PROPOSED');
    const mails = await t.sql<{ to_address: string }>(
      `SELECT to_address FROM email_outbox WHERE template = 'identity-proposal-received'`,
    );
    expect(mails.map((m) => m.to_address)).toEqual(expect.arrayContaining([owner.email, manager.email]));
    expect(mails.map((m) => m.to_address)).not.toContain(staff.email);
  });

  it('refuse bad colours, long taglines and other people’s images, naming the fields and storing nothing', async () => {
    const coop = await freshCooperative();
    const request = await identityRequest(t, coop, partnerId);
    const mine = await uploadedImage(t, designer.id);
    const bad = await submit(
      request,
      proposalInput(mine, { primaryColor: '#12345G', secondaryColor: 'red', tagline: 'x'.repeat(121) }),
    );
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(bad).sort()).toEqual(['input.primaryColor', 'input.secondaryColor', 'input.tagline']);
    const someoneElses = await uploadedImage(t, owner.id);
    const stolen = await submit(request, proposalInput(someoneElses));
    expect(codes(stolen)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(stolen)).toEqual(['input.logoAssetId']);
    const pdf = await uploadedImage(t, designer.id, 'application/pdf');
    expect(fieldsOf(await submit(request, proposalInput(mine, { bannerAssetId: pdf })))).toEqual([
      'input.bannerAssetId',
    ]);
    expect(fieldsOf(await submit(request, proposalInput('not-a-uuid')))).toEqual(['input.logoAssetId']);
    expect(await t.sql(`SELECT 1 FROM identity_proposals WHERE request_id = $1`, [request])).toEqual([]);
    expect(await requestStatus(request)).toBe('ASSIGNED');
    expect(await t.sql(`SELECT cooperative_id FROM assets WHERE id = $1`, [mine])).toEqual([
      { cooperative_id: null },
    ]);
  });

  it('are refused on a request not assigned yet or already completed', async () => {
    const coop = await freshCooperative();
    const open = await identityRequest(t, coop, null);
    expect(codes(await submit(open, proposalInput(await uploadedImage(t, designer.id))))).toEqual([
      'FORBIDDEN',
    ]);
    const done = await identityRequest(t, await freshCooperative(), partnerId, 'COMPLETED');
    expect(codes(await submit(done, proposalInput(await uploadedImage(t, designer.id))))).toEqual([
      'INVALID_STATE_TRANSITION',
    ]);
  });
});

describe('answering proposals', () => {
  it('accepting sets the public brand kit, declines the other pending proposals and completes the request', async () => {
    const coop = await freshCooperative();
    const request = await identityRequest(t, coop, partnerId);
    const chosen = await submitted(request, '#AA0000');
    const other = await submitted(request, '#00AA00');
    expect(codes(await respond(chosen.id, true, staff.accessToken))).toEqual(['FORBIDDEN']);
    const res = await respond(chosen.id, true, owner.accessToken, 'Merci !');
    expect(res.data?.respondToIdentityProposal).toMatchObject({ status: 'ACCEPTED', feedback: 'Merci !' });
    expect(await requestStatus(request)).toBe('COMPLETED');
    const [declined] = await t.sql<{ status: string }>(
      `SELECT status FROM identity_proposals WHERE id = $1`,
      [other.id],
    );
    expect(declined.status).toBe('DECLINED');
    const page = await t.gql<{ cooperative: { brandKit: { primaryColor: string; logo: { id: string } } } }>(
      BRAND_KIT,
      { id: coop },
    );
    expect(page.data?.cooperative.brandKit).toEqual({
      primaryColor: '#AA0000',
      tagline: 'Huile d’argan de Tiznit',
      logo: { id: chosen.logo.id },
    });
    const again = await respond(other.id, true, owner.accessToken);
    expect(codes(again)).toEqual(['INVALID_STATE_TRANSITION']);
  });

  it('declining with feedback leaves the request ASSIGNED again once no proposal is pending', async () => {
    const coop = await freshCooperative();
    const request = await identityRequest(t, coop, partnerId);
    const a = await submitted(request);
    const b = await submitted(request);
    await respond(a.id, false, manager.accessToken, 'Trop sombre');
    expect(await requestStatus(request)).toBe('PROPOSED');
    const res = await respond(b.id, false, manager.accessToken, 'Pas assez lisible');
    expect(res.data?.respondToIdentityProposal).toMatchObject({
      status: 'DECLINED',
      feedback: 'Pas assez lisible',
    });
    expect(await requestStatus(request)).toBe('ASSIGNED');
    expect((await submitted(request)).status).toBe('PENDING');
    const list = await t.gql<{ identityRequests: { id: string; proposals: { status: string }[] }[] }>(
      LIST,
      {},
      designer.accessToken,
    );
    const mine = list.data!.identityRequests.find((r) => r.id === request)!;
    expect(mine.proposals.map((p) => p.status)).toEqual(['DECLINED', 'DECLINED', 'PENDING']);
  });

  it('accepting two proposals at once: exactly one wins, the other gets a clear error and nothing else changes', async () => {
    for (let round = 0; round < 5; round++) {
      const coop = await freshCooperative();
      const request = await identityRequest(t, coop, partnerId);
      const a = await submitted(request, '#AA0000');
      const b = await submitted(request, '#0000BB');
      const results = await Promise.all([
        respond(a.id, true, owner.accessToken),
        respond(b.id, true, manager.accessToken),
      ]);
      const winners = results.filter((r) => r.data?.respondToIdentityProposal.status === 'ACCEPTED');
      const losers = results.filter((r) => r.errors);
      expect(winners).toHaveLength(1);
      expect(losers.map(codes)).toEqual([['INVALID_STATE_TRANSITION']]);
      const winner = winners[0].data!.respondToIdentityProposal;
      const statuses = await t.sql<{ id: string; status: string }>(
        `SELECT id, status FROM identity_proposals WHERE request_id = $1 ORDER BY status`,
        [request],
      );
      expect(statuses).toEqual([
        { id: winner.id, status: 'ACCEPTED' },
        { id: winner.id === a.id ? b.id : a.id, status: 'DECLINED' },
      ]);
      const kits = await t.sql<{ proposal_id: string; primary_color: string }>(
        `SELECT proposal_id, primary_color FROM brand_kits WHERE cooperative_id = $1`,
        [coop],
      );
      expect(kits).toEqual([{ proposal_id: winner.id, primary_color: winner.primaryColor }]);
      expect(await requestStatus(request)).toBe('COMPLETED');
    }
  });

  it('accepting one proposal twice at once: one answer wins, the other is refused', async () => {
    for (let round = 0; round < 5; round++) {
      const coop = await freshCooperative();
      const request = await identityRequest(t, coop, partnerId);
      const a = await submitted(request);
      const results = await Promise.all([
        respond(a.id, true, owner.accessToken, 'first'),
        respond(a.id, true, manager.accessToken, 'second'),
      ]);
      expect(results.filter((r) => r.data).length).toBe(1);
      expect(results.filter((r) => r.errors).map(codes)).toEqual([['INVALID_STATE_TRANSITION']]);
      const [row] = await t.sql<{ feedback: string }>(
        `SELECT feedback FROM identity_proposals WHERE id = $1`,
        [a.id],
      );
      const winner = results.find((r) => r.data)!.data!.respondToIdentityProposal;
      expect(row.feedback).toBe(winner.feedback);
    }
  });
});

describe('updateBrandKit', () => {
  it('lets the OWNER/MANAGER set a kit from their own uploads; the public page shows it', async () => {
    const logo = await uploadedImage(t, manager.id);
    const res = await t.gql<{ updateBrandKit: { primaryColor: string; secondaryColor: string } }>(
      UPDATE_KIT,
      { cooperativeId, input: proposalInput(logo, { secondaryColor: '#ffffff' }) },
      manager.accessToken,
    );
    expect(res.data?.updateBrandKit).toEqual({ primaryColor: '#1A2B3C', secondaryColor: '#FFFFFF' });
    const page = await t.gql<{ cooperative: { brandKit: { logo: { id: string; url: string } } } }>(
      BRAND_KIT,
      {
        id: cooperativeId,
      },
    );
    expect(page.data?.cooperative.brandKit.logo.id).toBe(logo);
    const [asset] = await t.sql<{ public: boolean; cooperative_id: string }>(
      `SELECT public, cooperative_id FROM assets WHERE id = $1`,
      [logo],
    );
    expect(asset).toEqual({ public: true, cooperative_id: cooperativeId });
  });

  it('refuses staff, other people’s uploads and bad colours', async () => {
    const logo = await uploadedImage(t, staff.id);
    const asStaff = await t.gql(UPDATE_KIT, { cooperativeId, input: proposalInput(logo) }, staff.accessToken);
    expect(codes(asStaff)).toEqual(['FORBIDDEN']);
    const notMine = await t.gql(UPDATE_KIT, { cooperativeId, input: proposalInput(logo) }, owner.accessToken);
    expect(fieldsOf(notMine)).toEqual(['input.logoAssetId']);
    const mine = await uploadedImage(t, owner.id);
    const badColour = await t.gql(
      UPDATE_KIT,
      { cooperativeId, input: proposalInput(mine, { primaryColor: '#1A2B3' }) },
      owner.accessToken,
    );
    expect(fieldsOf(badColour)).toEqual(['input.primaryColor']);
  });

  it('answers null for a cooperative without a kit', async () => {
    const other = await insertCooperative(t);
    const page = await t.gql<{ cooperative: { brandKit: null } }>(BRAND_KIT, { id: other });
    expect(page.data?.cooperative.brandKit).toBeNull();
  });
});

const CREATE_PARTNER = `mutation($name: String!, $description: String) {
  createPartnerOrganization(name: $name, description: $description) { id name description } }`;
const PARTNERS = `{ partnerOrganizations { id name } }`;
const ADD_MEMBER = `mutation($partnerId: ID!, $email: String!) { addPartnerMember(partnerId: $partnerId, email: $email) }`;
const REQUEST = `mutation($cooperativeId: ID!, $needs: String!) {
  requestIdentitySupport(cooperativeId: $cooperativeId, needs: $needs) { id status needs cooperative { id } } }`;
const ASSIGN = `mutation($requestId: ID!, $partnerId: ID!) {
  assignIdentityPartner(requestId: $requestId, partnerId: $partnerId) { status partner { id } } }`;
const LIST = `query($status: IdentityRequestStatus) { identityRequests(status: $status) {
  id status cooperative { id } partner { id } proposals { id status } } }`;
const DEEP_LIST = `query($first: Int) { identityRequests(first: $first) {
  id cooperative { id name brandKit { primaryColor logo { url } } } partner { name }
  proposals { id logo { url thumbnailUrl } banner { url } } } }`;
const LIST_FIRST = `query($first: Int) { identityRequests(first: $first) { id } }`;
const PROPOSAL_FIELDS = `id status primaryColor tagline feedback logo { id url }`;
const SUBMIT = `mutation($requestId: ID!, $input: IdentityProposalInput!) {
  submitIdentityProposal(requestId: $requestId, input: $input) { ${PROPOSAL_FIELDS} } }`;
const RESPOND = `mutation($proposalId: ID!, $accept: Boolean!, $feedback: String) {
  respondToIdentityProposal(proposalId: $proposalId, accept: $accept, feedback: $feedback) { ${PROPOSAL_FIELDS} } }`;
const UPDATE_KIT = `mutation($cooperativeId: ID!, $input: IdentityProposalInput!) {
  updateBrandKit(cooperativeId: $cooperativeId, input: $input) { primaryColor secondaryColor } }`;
const BRAND_KIT = `query($id: ID) { cooperative(id: $id) { brandKit { primaryColor tagline logo { id } } } }`;
