// Journey: an admin creates a partner organisation, adds a member (the API's refusal of an
// unverified address shown next to the field), and assigns the partner to a cooperative's
// identity request; each change checked through the API.
import type { Page } from 'playwright-core';
import { signUp } from '../support/actors.js';
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

describe('admin console: partners and identity requests', () => {
  it('creates a partner, adds its member and assigns it to a request', () =>
    journey(
      'admin-partners',
      () => page,
      async () => {
        const ownerUser = await newUser(t, { fullName: 'Owner' });
        const coop = await newCooperative(t, { ownerId: ownerUser.id, name: 'Coopérative Tanirt' });
        const owner = await loginOk(t, ownerUser.email, ownerUser.password);
        const asked = await t.gql(
          `mutation($c: ID!) { requestIdentitySupport(cooperativeId: $c, needs: "Un logo et une étiquette") { id } }`,
          { c: coop.id },
          owner.accessToken,
        );
        expect(asked.errors).toBeUndefined();
        const designer = await newUser(t, { fullName: 'Designer' });
        await t.sql(`UPDATE users SET email_verified_at = now() WHERE id = $1`, [designer.id]);
        const unverified = await signUp(t);

        page = await browser!.visitor('fr', admin);
        await page.goto('/admin/partners');
        await page.getByRole('heading', { level: 1, name: 'Organisations partenaires' }).waitFor();
        await page.getByText('Aucune organisation partenaire.').waitFor();
        await page.getByRole('button', { name: 'Créer' }).click();
        await page.getByText('Ce champ est obligatoire.').waitFor();
        await page.getByLabel('Nom', { exact: true }).fill('Atelier Zellige Design');
        await page.getByRole('button', { name: 'Créer' }).click();
        await page.getByRole('heading', { level: 2, name: 'Atelier Zellige Design' }).waitFor();
        expect(await seriousAxeViolations(page)).toEqual([]);

        const memberEmail = page.getByLabel('E-mail du nouveau membre de Atelier Zellige Design');
        await memberEmail.fill(unverified.email);
        await page.getByRole('button', { name: 'Ajouter le membre' }).click();
        await page.locator('.field-error').first().waitFor();
        expect(await memberEmail.getAttribute('aria-invalid')).toBe('true');
        await memberEmail.fill(designer.email);
        await page.getByRole('button', { name: 'Ajouter le membre' }).click();
        await page.getByRole('status').filter({ hasText: 'Membre ajouté.' }).waitFor();
        const [roles] = await t.sql<{ platform_roles: string[] }>(
          `SELECT platform_roles FROM users WHERE id = $1`,
          [designer.id],
        );
        expect(roles.platform_roles).toContain('PARTNER');

        await page.goto('/admin/identity-requests?status=OPEN');
        await page.getByRole('heading', { level: 1, name: 'Demandes d’identité visuelle' }).waitFor();
        await page
          .getByLabel('Partenaire pour Coopérative Tanirt')
          .selectOption({ label: 'Atelier Zellige Design' });
        await page.getByRole('button', { name: 'Attribuer' }).click();
        await page.getByRole('link', { name: 'Coopérative Tanirt' }).waitFor({ state: 'detached' });
        expect(await seriousAxeViolations(page)).toEqual([]);
        const res = await t.gql<{ identityRequests: { status: string; partner: { name: string } | null }[] }>(
          `{ identityRequests { status partner { name } } }`,
          {},
          admin.accessToken,
        );
        expect(res.data!.identityRequests).toEqual([
          { status: 'ASSIGNED', partner: { name: 'Atelier Zellige Design' } },
        ]);
      },
    ));
});
