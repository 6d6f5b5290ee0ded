// Journey (issue 14): a cooperative asks for identity support, a partner organisation sends a
// proposal with an uploaded logo, the cooperative accepts it and the brand kit appears on the
// public cooperative page. axe-core on the back-office and partner pages.
import type { Page } from 'playwright-core';
import { journey, launchBrowser, seriousAxeViolations, type Journeys } from '../support/browser.js';
import { png } from '../support/asset-fixtures.js';
import { partnerWith, verifyEmail } from '../support/branding-fixtures.js';
import { newCooperative, newUser, type NewCooperative } from '../support/factories.js';
import { loginOk, type Session } from '../support/identity-fixtures.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

let t: TestApi;
let browser: Journeys;
let page: Page | null = null;
let coop: NewCooperative;
let owner: Session;
let partner: Session;
let partnerId: string;
let admin: Session;

beforeAll(async () => {
  t = await startTestApi();
  browser = await launchBrowser(t.url);
  const ownerUser = await newUser(t, { fullName: 'Aicha Ouali' });
  coop = await newCooperative(t, { ownerId: ownerUser.id, name: 'Coopérative Tafyoucht' });
  owner = await loginOk(t, ownerUser.email, ownerUser.password);
  const partnerUser = await newUser(t, { fullName: 'Youssef Designer' });
  await verifyEmail(t, partnerUser.id);
  partnerId = await partnerWith(t, 'Atelier Zellige Design', [partnerUser.id]);
  partner = await loginOk(t, partnerUser.email, partnerUser.password);
  const adminUser = await newUser(t, { roles: ['ADMIN'] });
  admin = await loginOk(t, adminUser.email, adminUser.password);
});
afterAll(async () => {
  await browser?.close();
  await t.close();
});

/** The admin gives the request to the partner organisation (over the API: no console page for it yet). */
async function assignToPartner(): Promise<void> {
  const [request] = await t.sql<{ id: string }>(
    `SELECT id FROM identity_requests WHERE cooperative_id = $1`,
    [coop.id],
  );
  const res = await t.gql(
    `mutation($requestId: ID!, $partnerId: ID!) { assignIdentityPartner(requestId: $requestId, partnerId: $partnerId) { status } }`,
    { requestId: request.id, partnerId },
    admin.accessToken,
  );
  expect(res.data).toEqual({ assignIdentityPartner: { status: 'ASSIGNED' } });
}

describe('brand-kit journey', () => {
  it('a partner’s proposal is accepted by the cooperative and shows on its public page', () =>
    journey(
      'brand-kit',
      () => page,
      async () => {
        // The cooperative asks for support; an empty request is refused next to the field.
        const coopPage = (page = await browser.visitor('fr', owner));
        await coopPage.goto('/coop/brand-kit');
        await coopPage.getByRole('heading', { level: 1, name: 'Identité visuelle' }).waitFor();
        expect(await coopPage.getByText('Pas encore d’identité visuelle.').count()).toBe(1);
        await coopPage.getByRole('button', { name: 'Envoyer la demande' }).click();
        await coopPage.getByText('Ce champ est obligatoire.').waitFor();
        await coopPage
          .getByLabel('Vos besoins (logo, couleurs, étiquettes…)')
          .fill('Un logo et des couleurs pour nos pots de miel');
        await coopPage.getByRole('button', { name: 'Envoyer la demande' }).click();
        await coopPage.getByText('En attente d’un partenaire').waitFor();
        expect(await seriousAxeViolations(coopPage)).toEqual([]);

        await assignToPartner();

        // The partner sees the assigned request and sends a proposal with an uploaded logo.
        const partnerPage = (page = await browser.visitor('fr', partner));
        await partnerPage.goto('/partner');
        await partnerPage.getByRole('heading', { level: 2, name: 'Coopérative Tafyoucht' }).waitFor();
        await partnerPage.getByText('Un logo et des couleurs pour nos pots de miel').waitFor();
        await partnerPage.getByLabel('Couleur principale (#RRGGBB)').fill('rouge');
        await partnerPage.getByRole('button', { name: 'Envoyer la proposition' }).click();
        await partnerPage.getByText('Couleur attendue au format #RRGGBB.').waitFor();
        await partnerPage.getByText('Le logo est obligatoire.').waitFor();
        await partnerPage.getByLabel('Logo (JPEG, PNG ou WebP)').setInputFiles({
          name: 'logo.png',
          mimeType: 'image/png',
          buffer: await png(200, 200),
        });
        await partnerPage.getByRole('img', { name: 'Logo envoyé' }).waitFor();
        await partnerPage.getByLabel('Couleur principale (#RRGGBB)').fill('#8A3B12');
        await partnerPage.getByLabel('Slogan (facultatif)').fill('Le miel des femmes de l’Atlas');
        await partnerPage.getByRole('button', { name: 'Envoyer la proposition' }).click();
        await partnerPage
          .getByTestId('proposal-status-1')
          .filter({ hasText: 'En attente de la coopérative' })
          .waitFor();
        expect(await seriousAxeViolations(partnerPage)).toEqual([]);

        // The cooperative accepts it with a word of thanks: it becomes the brand kit.
        page = coopPage;
        await coopPage.reload();
        await coopPage.getByRole('heading', { level: 3, name: 'Proposition 1' }).waitFor();
        await coopPage.getByLabel('Votre avis sur la proposition 1 (facultatif)').fill('Parfait, merci !');
        await coopPage.getByRole('button', { name: 'Accepter la proposition 1' }).click();
        await coopPage.getByText('Votre réponse : Parfait, merci !').waitFor();
        expect(await coopPage.getByText('Pas encore d’identité visuelle.').count()).toBe(0);
        expect(await coopPage.getByText('Le miel des femmes de l’Atlas').count()).toBeGreaterThanOrEqual(2);
        expect(await seriousAxeViolations(coopPage)).toEqual([]);

        // The partner sees the answer.
        page = partnerPage;
        await partnerPage.reload();
        await partnerPage
          .getByTestId('proposal-status-1')
          .filter({ hasText: 'Acceptée par la coopérative' })
          .waitFor();
        await partnerPage.getByText('Réponse de la coopérative : Parfait, merci !').waitFor();

        // A visitor sees the brand kit on the public cooperative page.
        const visitor = (page = await browser.visitor('fr'));
        await visitor.goto(`/cooperatives/${coop.slug}`);
        const kit = visitor.getByTestId('brand-kit');
        await kit.waitFor();
        expect(await kit.textContent()).toContain('Le miel des femmes de l’Atlas');
        await kit.getByRole('img', { name: 'Coopérative Tafyoucht' }).waitFor();
      },
    ));
});
