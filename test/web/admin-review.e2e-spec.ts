// Journey: an admin signs in to the console, finds a submitted application in the queue, starts the
// review, approves it with a note; the cooperative's status changes (checked through the API).
import type { Page } from 'playwright-core';
import { journey, launchBrowser, seriousAxeViolations, type Journeys } from '../support/browser.js';
import { newCooperative, newUser } from '../support/factories.js';
import { loginOk, type Session } from '../support/identity-fixtures.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

let t: TestApi;
let browser: Journeys | null = null;
let page: Page | null = null;
let admin: Session;

beforeAll(async () => {
  t = await startTestApi();
  const u = await newUser(t, { fullName: 'Console Admin', roles: ['ADMIN'] });
  admin = await loginOk(t, u.email, u.password);
  browser = await launchBrowser(t.url);
});
afterAll(async () => {
  await browser?.close();
  await t.close();
});

async function statusOf(id: string): Promise<string | undefined> {
  const res = await t.gql<{ cooperative: { status: string } | null }>(
    `query($id: ID!) { cooperative(id: $id) { status } }`,
    { id },
    admin.accessToken,
  );
  return res.data?.cooperative?.status;
}

describe('admin console: application review', () => {
  it('an admin starts the review of a submitted application and approves it with a note', () =>
    journey(
      'admin-review-approve',
      () => page,
      async () => {
        const coop = await newCooperative(t, { approved: false, name: 'Coopérative Tifawin' });
        expect(await statusOf(coop.id)).toBe('SUBMITTED');
        page = await browser!.visitor('fr', admin);
        await page.goto('/admin/applications');
        await page.getByRole('heading', { level: 1, name: 'Demandes d’adhésion' }).waitFor();
        expect(await page.getByLabel('Statut').inputValue()).toBe('SUBMITTED');
        expect(await seriousAxeViolations(page)).toEqual([]);

        await page.getByRole('link', { name: 'Examiner Coopérative Tifawin' }).click();
        await page.getByRole('heading', { level: 1, name: 'Coopérative Tifawin' }).waitFor();
        expect(await page.getByTestId('cooperative-status').textContent()).toBe('Soumise');
        await page.getByRole('button', { name: 'Commencer l’examen' }).click();
        await page.getByRole('heading', { name: 'Décision' }).waitFor();
        expect(await page.getByTestId('cooperative-status').textContent()).toBe('En cours d’examen');
        expect(await statusOf(coop.id)).toBe('UNDER_REVIEW');
        expect(await seriousAxeViolations(page)).toEqual([]);

        // The note is required, as the API says: checked before anything is sent.
        await page.getByLabel('Approuver').check();
        await page.getByRole('button', { name: 'Enregistrer la décision' }).click();
        await page.getByText('Ce champ est obligatoire.').waitFor();
        expect(await page.getByLabel('Note pour la coopérative').getAttribute('aria-invalid')).toBe('true');
        expect(await statusOf(coop.id)).toBe('UNDER_REVIEW');

        await page.getByLabel('Note pour la coopérative').fill('Dossier complet, bienvenue.');
        await page.getByRole('button', { name: 'Enregistrer la décision' }).click();
        await page.getByText('Décision enregistrée : Approuvée.').waitFor();
        await page.getByTestId('cooperative-status').filter({ hasText: 'Approuvée' }).waitFor();
        expect(await statusOf(coop.id)).toBe('APPROVED');
        await page.getByText('Dossier complet, bienvenue.').waitFor();
      },
    ));

  it('a signed-out admin is sent to the sign-in page and comes back to the console', () =>
    journey(
      'admin-sign-in',
      () => page,
      async () => {
        const u = await newUser(t, { roles: ['ADMIN'] });
        page = await browser!.visitor('fr');
        await page.goto('/admin/applications?status=UNDER_REVIEW');
        await page.getByText('Connectez-vous avec un compte administrateur.').waitFor();
        await page.getByRole('main').getByRole('link', { name: 'Se connecter' }).click();
        await page.getByLabel('Adresse e-mail').fill(u.email);
        await page.getByLabel('Mot de passe').fill(u.password);
        await page.getByRole('main').getByRole('button', { name: 'Se connecter' }).click();
        await page.getByRole('heading', { level: 1, name: 'Demandes d’adhésion' }).waitFor();
        expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(
          '/admin/applications?status=UNDER_REVIEW',
        );
        expect(await page.getByLabel('Statut').inputValue()).toBe('UNDER_REVIEW');
      },
    ));

  it('shows the console only to admins', () =>
    journey(
      'admin-forbidden',
      () => page,
      async () => {
        const u = await newUser(t);
        const buyer = await loginOk(t, u.email, u.password);
        page = await browser!.visitor('fr', buyer);
        await page.goto('/admin/applications');
        await page.getByRole('alert').filter({ hasText: 'Vous n’avez pas accès à cette page.' }).waitFor();
        expect(await page.getByRole('heading', { name: 'Demandes d’adhésion' }).count()).toBe(0);
      },
    ));
});
