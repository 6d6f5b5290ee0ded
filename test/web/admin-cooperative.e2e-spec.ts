// Journey: an admin manages an approved cooperative in the console — approves its pending profile
// change (seen side by side), sets its commission rate (out-of-range refused in the page), suspends
// it with a reason and reinstates it; every change is checked through the API.
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

interface Read {
  cooperative: {
    status: string;
    commissionRateBps: number;
    memberCount: number;
    pendingProfileChange: unknown;
  };
}
async function read(id: string): Promise<Read['cooperative']> {
  const res = await t.gql<Read>(
    `query($id: ID!) { cooperative(id: $id) { status commissionRateBps memberCount pendingProfileChange { memberCount } } }`,
    { id },
    admin.accessToken,
  );
  return res.data!.cooperative;
}

describe('admin console: a cooperative', () => {
  it('approves a profile change, sets the commission, suspends and reinstates', () =>
    journey(
      'admin-cooperative',
      () => page,
      async () => {
        const ownerUser = await newUser(t, { fullName: 'Owner' });
        const coop = await newCooperative(t, { ownerId: ownerUser.id, name: 'Coopérative Tamount' });
        const owner = await loginOk(t, ownerUser.email, ownerUser.password);
        const edit = await t.gql(
          `mutation($id: ID!, $input: CooperativeApplicationInput!) { updateCooperativeProfile(id: $id, input: $input) { id } }`,
          {
            id: coop.id,
            input: {
              name: 'Coopérative Tamount',
              registrationNumber: (
                await t.sql<{ r: string }>(
                  `SELECT registration_number AS r FROM cooperatives WHERE id = $1`,
                  [coop.id],
                )
              )[0].r,
              sector: 'BEEKEEPING',
              provinceCode: 'MA-NOU',
              foundedOn: '2015-03-01',
              memberCount: 20,
              womenMemberCount: 9,
              womenLed: true,
              contactPhone: '+212600000000',
            },
          },
          owner.accessToken,
        );
        expect(edit.errors).toBeUndefined();
        expect((await read(coop.id)).pendingProfileChange).toEqual({ memberCount: 20 });

        page = await browser!.visitor('fr', admin);
        await page.goto(`/admin/cooperatives/${coop.id}`);
        await page.getByRole('heading', { level: 1, name: 'Coopérative Tamount' }).waitFor();
        const changes = page.getByRole('form', { name: 'Modifications de profil en attente' });
        await changes.getByRole('row', { name: 'Membres 12 20' }).waitFor();
        expect(await seriousAxeViolations(page)).toEqual([]);
        await changes.getByLabel('Approuver').check();
        await changes.getByLabel('Note pour la coopérative').fill('Effectif confirmé.');
        await changes.getByRole('button', { name: 'Enregistrer' }).click();
        await page.getByText('Modification traitée.').waitFor();
        expect(await read(coop.id)).toMatchObject({ memberCount: 20, pendingProfileChange: null });

        const rateBefore = (await read(coop.id)).commissionRateBps;
        await page.getByLabel('Taux en points de base').fill('10001');
        await page.getByRole('button', { name: 'Enregistrer le taux' }).click();
        await page.getByText('Au plus 10000.').waitFor();
        // The page's own rule (the API's says "must be an integer between 0 and 10000 basis points").
        expect((await read(coop.id)).commissionRateBps).toBe(rateBefore);
        await page.getByLabel('Taux en points de base').fill('750');
        await page.getByRole('button', { name: 'Enregistrer le taux' }).click();
        await page.getByRole('status').filter({ hasText: 'Enregistré.' }).waitFor();
        expect((await read(coop.id)).commissionRateBps).toBe(750);

        await page.getByRole('button', { name: 'Suspendre' }).click();
        await page.getByText('Ce champ est obligatoire.').waitFor();
        expect((await read(coop.id)).status).toBe('APPROVED');
        await page.getByLabel('Motif').fill('Certificat sanitaire expiré.');
        await page.getByRole('button', { name: 'Suspendre' }).click();
        await page.getByTestId('cooperative-status').filter({ hasText: 'Suspendue' }).waitFor();
        expect((await read(coop.id)).status).toBe('SUSPENDED');

        await page.getByRole('button', { name: 'Réintégrer' }).click();
        await page.getByTestId('cooperative-status').filter({ hasText: 'Approuvée' }).waitFor();
        expect((await read(coop.id)).status).toBe('APPROVED');
      },
    ));
});
