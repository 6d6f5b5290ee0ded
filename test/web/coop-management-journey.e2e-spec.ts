// Journey (issue 14): the owner of an approved cooperative edits the vetted profile (the change
// waits for an admin and is shown), sets shipping terms, invites a member, gives the RIB for
// payouts (a wrong key is refused next to the field) and adds a certificate. axe-core on each page.
import type { Page } from 'playwright-core';
import { journey, launchBrowser, seriousAxeViolations, type Journeys } from '../support/browser.js';
import { newCooperative, newUser, type NewCooperative } from '../support/factories.js';
import { loginOk, type Session } from '../support/identity-fixtures.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

let t: TestApi;
let browser: Journeys;
let page: Page | null = null;
let coop: NewCooperative;
let owner: Session;

beforeAll(async () => {
  t = await startTestApi();
  browser = await launchBrowser(t.url);
  const user = await newUser(t, { fullName: 'Fatima Ait Lahcen' });
  coop = await newCooperative(t, { ownerId: user.id, name: 'Coopérative Argania' });
  owner = await loginOk(t, user.email, user.password);
});
afterAll(async () => {
  await browser?.close();
  await t.close();
});

/** A Moroccan RIB with the right key for its first 22 digits (key = 97 − (N × 100 mod 97)). */
function ribWithKey(first22: string): string {
  const key = 97n - ((BigInt(first22) * 100n) % 97n);
  return first22 + key.toString().padStart(2, '0');
}

const coopNav = (p: Page) => p.getByRole('navigation', { name: 'Sections de l’espace coopérative' });

describe('cooperative management journey', () => {
  it('edits the profile and terms, invites a member, sets the RIB and adds a certificate', () =>
    journey(
      'coop-management',
      () => page,
      async () => {
        const p = (page = await browser.visitor('fr', owner));
        await p.goto('/coop');
        await coopNav(p).getByRole('link', { name: 'Profil' }).click();
        await p.getByRole('heading', { level: 1, name: 'Profil de la coopérative' }).waitFor();
        expect(await p.getByLabel('Nom de la coopérative').inputValue()).toBe('Coopérative Argania');
        await p.getByLabel('Nom de la coopérative').fill('Coopérative Argania Tiznit');
        await p.getByLabel('Téléphone de contact').fill('+212 6 11 22 33 44');
        await p.getByRole('button', { name: 'Enregistrer le profil' }).click();
        await p.getByText('Profil enregistré.').waitFor();
        await p.getByText('Nom de la coopérative: Coopérative Argania Tiznit').waitFor();
        const [stored] = await t.sql<{ name: string }>(`SELECT name FROM cooperatives WHERE id = $1`, [
          coop.id,
        ]);
        expect(stored.name).toBe('Coopérative Argania'); // vetted: unchanged until an admin approves

        await p.getByLabel('Commande minimum (MAD, vide : aucune)').fill('150');
        await p.getByRole('button', { name: 'Enregistrer les conditions' }).click();
        await p.getByText('Conditions enregistrées.').waitFor();
        const [terms] = await t.sql<{ m: number }>(
          `SELECT minimum_order_amount AS m FROM cooperatives WHERE id = $1`,
          [coop.id],
        );
        expect(terms.m).toBe(15000);
        expect(await seriousAxeViolations(p)).toEqual([]);

        // Members: invite someone as staff.
        await coopNav(p).getByRole('link', { name: 'Membres' }).click();
        await p.getByRole('heading', { level: 1, name: 'Membres' }).waitFor();
        await p.getByText('Fatima Ait Lahcen — propriétaire').waitFor();
        await p.getByLabel('Adresse e-mail').fill('pas-une-adresse');
        await p.getByRole('button', { name: 'Envoyer l’invitation' }).click();
        await p.getByText('Adresse e-mail invalide.').waitFor();
        await p.getByLabel('Adresse e-mail').fill('hanane@example.ma');
        await p.getByRole('button', { name: 'Envoyer l’invitation' }).click();
        await p.getByText('hanane@example.ma — membre de l’équipe — en attente').waitFor();
        expect(await seriousAxeViolations(p)).toEqual([]);

        // Payouts: the API refuses a RIB whose key is wrong, next to the field; a right one is kept.
        await coopNav(p).getByRole('link', { name: 'Comptes et virements' }).click();
        await p.getByRole('heading', { level: 1, name: 'Comptes et virements' }).waitFor();
        await p.getByLabel('Titulaire du compte').fill('Coopérative Argania');
        const good = ribWithKey('0117800000001234567890');
        const bad = good.slice(0, 22) + (good.endsWith('00') ? '01' : '00');
        await p.getByLabel('RIB (24 chiffres)').fill(bad);
        await p.getByRole('button', { name: 'Enregistrer le RIB' }).click();
        await p.getByText('The RIB key does not match: check the number').waitFor();
        expect(await p.getByLabel('RIB (24 chiffres)').getAttribute('aria-invalid')).toBe('true');
        await p.getByLabel('RIB (24 chiffres)').fill(good.replace(/^(\d{3})(\d{3})/, '$1 $2 '));
        await p.getByRole('button', { name: 'Enregistrer le RIB' }).click();
        await p.getByText(`RIB se terminant par ${good.slice(-4)} (Coopérative Argania)`).waitFor();
        expect(await seriousAxeViolations(p)).toEqual([]);

        // A certificate, awaiting an admin's verification.
        await coopNav(p).getByRole('link', { name: 'Certifications' }).click();
        await p.getByLabel('Type').selectOption('FOOD_SAFETY_AUTHORIZATION');
        await p.getByLabel('Numéro (ex. agrément ONSSA)').fill('ONSSA-AC-2024-118');
        await p.getByLabel('Délivré le').fill('2024-02-01');
        await p.getByRole('button', { name: 'Ajouter un certificat' }).click();
        await p
          .getByText('ONSSA-AC-2024-118 — 2024-02-01 — en attente de vérification', { exact: false })
          .waitFor();
        expect(await seriousAxeViolations(p)).toEqual([]);
      },
    ));
});
