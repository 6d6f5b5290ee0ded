import {
  addMembership,
  grantPlatformRole,
  insertCooperative,
  signUp,
  type TestUser,
} from './support/actors.js';
import { fetchAsset, pdf, png, upload, webp } from './support/asset-fixtures.js';
import { identityRequest, partnerWith } from './support/branding-fixtures.js';
import { codes, fieldsOf } from './support/identity-fixtures.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/**
 * Issue 12, the brand-kit flow with real bytes: images uploaded over POST /assets, used in a
 * proposal, accepted, then served publicly from the cooperative's page.
 */
let t: TestApi;
let owner: TestUser;
let designer: TestUser;
let cooperativeId: string;
let partnerId: string;

beforeAll(async () => {
  t = await startTestApi();
  [owner, designer] = await Promise.all([
    signUp(t, { fullName: 'Owner' }),
    signUp(t, { fullName: 'Designer' }),
  ]);
  const admin = await signUp(t);
  await grantPlatformRole(t, admin.id, 'ADMIN');
  cooperativeId = await insertCooperative(t, { name: 'Miel du Souss' });
  await addMembership(t, owner.id, cooperativeId, 'OWNER');
  partnerId = await partnerWith(t, 'Fédération IT', [designer.id]);
});
afterAll(() => t.close());

async function uploaded(bytes: Buffer, token: string, filename: string) {
  const res = await upload(t, bytes, { token, filename });
  if (res.status !== 200 && res.status !== 201) throw new Error(JSON.stringify(res.body));
  return { id: res.body.id!, path: new URL(res.body.url!).pathname };
}

it('a partner’s uploaded logo and banner go through a proposal into the public brand kit', async () => {
  const logo = await uploaded(await png(256, 256), designer.accessToken, 'logo.png');
  const banner = await uploaded(await webp(1200, 300), designer.accessToken, 'banner.webp');
  // Private uploads until used: the cooperative cannot fetch them yet.
  expect((await fetchAsset(t, logo.path, owner.accessToken)).status).toBe(404);

  const request = await identityRequest(t, cooperativeId, partnerId);
  const submitted = await t.gql<{
    submitIdentityProposal: { id: string; logo: { id: string; url: string } };
  }>(
    SUBMIT,
    {
      requestId: request,
      input: {
        logoAssetId: logo.id,
        bannerAssetId: banner.id,
        primaryColor: '#C8A24B',
        tagline: 'Miel de thym',
      },
    },
    designer.accessToken,
  );
  expect(submitted.errors).toBeUndefined();
  const proposal = submitted.data!.submitIdentityProposal;
  expect(proposal.logo.id).toBe(logo.id);
  // Attached to the cooperative with the proposal: its members can look at it before choosing.
  const seen = await fetchAsset(t, logo.path, owner.accessToken);
  expect(seen.status).toBe(200);
  expect(seen.headers.get('content-type')).toMatch(/^image\//);
  // ...but a proposal is not public: anyone else gets nothing until the cooperative accepts it.
  expect((await fetchAsset(t, logo.path)).status).toBe(404);
  expect((await fetchAsset(t, banner.path, (await signUp(t)).accessToken)).status).toBe(404);

  const accepted = await t.gql(RESPOND, { proposalId: proposal.id }, owner.accessToken);
  expect(accepted.errors).toBeUndefined();
  const page = await t.gql<{
    cooperative: { brandKit: { primaryColor: string; logo: { url: string }; banner: { url: string } } };
  }>(PAGE, { id: cooperativeId });
  const kit = page.data!.cooperative.brandKit;
  expect(kit.primaryColor).toBe('#C8A24B');
  for (const url of [kit.logo.url, kit.banner.url]) {
    const served = await fetchAsset(t, new URL(url).pathname);
    expect(served.status).toBe(200);
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.bytes.length).toBeGreaterThan(0);
  }
});

it('refuses a PDF as a logo and another user’s upload, naming the field and changing nothing', async () => {
  const document = await uploaded(pdf(), owner.accessToken, 'statuts.pdf');
  const asPdf = await t.gql(
    UPDATE_KIT,
    { cooperativeId, input: { logoAssetId: document.id, primaryColor: '#000000' } },
    owner.accessToken,
  );
  expect(codes(asPdf)).toEqual(['BAD_USER_INPUT']);
  expect(fieldsOf(asPdf)).toEqual(['input.logoAssetId']);
  const strangers = await uploaded(await png(), (await signUp(t)).accessToken, 'x.png');
  const notMine = await t.gql(
    UPDATE_KIT,
    { cooperativeId, input: { logoAssetId: strangers.id, primaryColor: '#000000' } },
    owner.accessToken,
  );
  expect(fieldsOf(notMine)).toEqual(['input.logoAssetId']);
  const [kit] = await t.sql<{ primary_color: string }>(
    `SELECT primary_color FROM brand_kits WHERE cooperative_id = $1`,
    [cooperativeId],
  );
  expect(kit.primary_color).toBe('#C8A24B');
  expect((await fetchAsset(t, strangers.path)).status).toBe(404);
});

const SUBMIT = `mutation($requestId: ID!, $input: IdentityProposalInput!) {
  submitIdentityProposal(requestId: $requestId, input: $input) { id logo { id url } } }`;
const RESPOND = `mutation($proposalId: ID!) { respondToIdentityProposal(proposalId: $proposalId, accept: true) { status } }`;
const UPDATE_KIT = `mutation($cooperativeId: ID!, $input: IdentityProposalInput!) {
  updateBrandKit(cooperativeId: $cooperativeId, input: $input) { primaryColor } }`;
const PAGE = `query($id: ID) { cooperative(id: $id) { brandKit { primaryColor logo { url } banner { url } } } }`;
