// Journey (issue 14): an owner applies in the back office, an admin approves it in the console, the
// owner publishes a product with a photo, a buyer orders it (over the API, cash on delivery) and
// the owner ships it with a carrier and tracking number. axe-core on each back-office page.
import type { Page } from 'playwright-core';
import { journey, launchBrowser, seriousAxeViolations, type Journeys } from '../support/browser.js';
import { signUp, type TestUser } from '../support/actors.js';
import { png } from '../support/asset-fixtures.js';
import { newUser } from '../support/factories.js';
import { loginOk } from '../support/identity-fixtures.js';
import { ADD_TO_CART, ADDRESS, CHECKOUT } from '../support/orders-fixtures.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

let t: TestApi;
let browser: Journeys;
let page: Page | null = null;
let owner: TestUser;

beforeAll(async () => {
  t = await startTestApi();
  browser = await launchBrowser(t.url);
  owner = await signUp(t, { fullName: 'Khadija Amrani' });
});
afterAll(async () => {
  await browser?.close();
  await t.close();
});

/** The admin approves the application in the admin console (a second browser, signed in as ADMIN). */
async function approveInConsole(cooperativeName: string): Promise<void> {
  const admin = await newUser(t, { roles: ['ADMIN'] });
  const adminPage = (page = await browser.visitor('fr', await loginOk(t, admin.email, admin.password)));
  await adminPage.goto('/admin/applications');
  await adminPage.getByRole('link', { name: `Examiner ${cooperativeName}` }).click();
  await adminPage.getByRole('button', { name: 'Commencer l’examen' }).click();
  await adminPage.getByLabel('Approuver').check();
  await adminPage.getByLabel('Note pour la coopérative').fill('Dossier complet');
  await adminPage.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await adminPage.getByText('Décision enregistrée : Approuvée.').waitFor();
}

/** A guest buys `quantity` of the variant with cash on delivery; answers the order number. */
async function buyAsGuest(variantId: string, quantity: number): Promise<string> {
  const cart = await t.gql<{ addToCart: { id: string } }>(ADD_TO_CART, { cartId: null, variantId, quantity });
  expect(cart.errors).toBeUndefined();
  const placed = await t.gql<{ checkout: { order: { number: string } } }>(CHECKOUT, {
    input: {
      cartId: cart.data!.addToCart.id,
      email: 'acheteuse@example.ma',
      paymentMethod: 'CASH_ON_DELIVERY',
      shippingAddress: ADDRESS,
    },
  });
  expect(placed.errors).toBeUndefined();
  return placed.data!.checkout.order.number;
}

/** The back office's own section links (the site header has a storefront "Produits" too). */
const coopNav = (p: Page) => p.getByRole('navigation', { name: 'Sections de l’espace coopérative' });

async function expectNoSeriousAxeViolations(p: Page): Promise<void> {
  expect(await seriousAxeViolations(p)).toEqual([]);
}

describe('cooperative owner journey', () => {
  it('applies, is approved, publishes a product with a photo and ships an order', () =>
    journey(
      'coop-owner',
      () => page,
      async () => {
        const p = (page = await browser.visitor('fr', owner));

        // Apply: the form refuses bad input next to the fields before anything is sent.
        await p.goto('/coop');
        await p.getByRole('link', { name: 'Inscrire ma coopérative' }).click();
        await p.getByRole('heading', { level: 1, name: 'Inscrire votre coopérative' }).waitFor();
        await expectNoSeriousAxeViolations(p);
        await p.getByLabel('Nom de la coopérative').fill('A');
        await p.getByRole('button', { name: 'Envoyer la demande' }).click();
        await p.getByText('Au moins 2 caractères.').waitFor();
        expect(await p.getByLabel('Nom de la coopérative').getAttribute('aria-invalid')).toBe('true');

        await p.getByLabel('Nom de la coopérative').fill('Coopérative Nahla Dar Bouazza');
        await p.getByLabel('Numéro d’immatriculation').fill('RC-2019/4471');
        await p.getByLabel('Secteur').selectOption('BEEKEEPING');
        await p.getByLabel('Province ou préfecture').selectOption('MA-HOC');
        await p.getByLabel('Date de création').fill('2019-03-08');
        await p.getByLabel('Nombre de membres', { exact: true }).fill('14');
        await p.getByLabel('Nombre de femmes membres (facultatif)').fill('14');
        await p.getByLabel('Coopérative dirigée par des femmes').check();
        await p.getByLabel('Téléphone de contact').fill('06 12 34 56 78');
        await p.getByRole('button', { name: 'Envoyer la demande' }).click();
        await p.getByRole('heading', { level: 1, name: 'Coopérative Nahla Dar Bouazza' }).waitFor();
        expect(await p.getByTestId('coop-status').textContent()).toBe('Envoyée');
        await expectNoSeriousAxeViolations(p);

        // The admin approves; the owner's page shows it with the review note.
        await approveInConsole('Coopérative Nahla Dar Bouazza');
        page = p;
        await p.reload();
        await p.getByTestId('coop-status').filter({ hasText: 'Validée' }).waitFor();
        await p.getByText('Dossier complet').waitFor();

        // A product with its French and Arabic names side by side and a first variant.
        await coopNav(p).getByRole('link', { name: 'Produits' }).click();
        await p.getByRole('link', { name: 'Nouveau produit' }).click();
        await p.getByLabel('Catégorie').selectOption('honey');
        await p.getByLabel('Nom (français)').fill('Miel de thym');
        await p.getByLabel('Nom (arabe)').fill('عسل الزعتر');
        await p.getByLabel('Référence (SKU)').fill('MIEL-THYM-500');
        await p.getByLabel('Prix (MAD)').fill('120,50');
        await p.getByLabel('Stock initial').fill('10');
        await p.getByLabel('Option (ex. Poids)').fill('Poids');
        await p.getByLabel('Valeur (ex. 500g)').fill('500g');
        await expectNoSeriousAxeViolations(p);
        await p.getByRole('button', { name: 'Créer le produit' }).click();
        await p.getByRole('heading', { level: 1, name: 'Miel de thym' }).waitFor();
        expect(await p.getByTestId('product-status').textContent()).toBe('Brouillon');

        // A photo uploaded through POST /assets, then the product published.
        await p.getByLabel('Ajouter une photo (JPEG, PNG ou WebP)').setInputFiles({
          name: 'miel.png',
          mimeType: 'image/png',
          buffer: await png(320, 240),
        });
        await p.getByRole('img', { name: 'Photo 1' }).waitFor();
        await p.getByRole('button', { name: 'Publier' }).click();
        await p.getByTestId('product-status').filter({ hasText: 'Publié' }).waitFor();
        await expectNoSeriousAxeViolations(p);
        const [variant] = await t.sql<{ id: string; stock: number }>(
          `SELECT id, stock FROM product_variants WHERE sku = 'MIEL-THYM-500'`,
        );
        expect(variant.stock).toBe(10);
        const [image] = await t.sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM product_images pi JOIN product_variants v ON v.product_id = pi.product_id
            WHERE v.sku = 'MIEL-THYM-500'`,
        );
        expect(image.n).toBe(1);

        // A buyer orders two jars; the owner ships them with the carrier and tracking number.
        const number = await buyAsGuest(variant.id, 2);
        await coopNav(p).getByRole('link', { name: 'Commandes' }).click();
        await p.getByRole('heading', { level: 2, name: `Commande ${number}` }).waitFor();
        expect(await p.getByTestId(`status-${number}`).textContent()).toBe('À préparer');
        await expectNoSeriousAxeViolations(p);
        const ship = p.getByRole('form', { name: `Expédier la commande ${number}` });
        await ship.getByRole('button', { name: 'Marquer comme expédiée' }).click();
        await ship.getByText('Ce champ est obligatoire.').first().waitFor();
        await ship.getByLabel('Transporteur').fill('Amana');
        await ship.getByLabel('Numéro de suivi').fill('AM123456789MA');
        await ship.getByRole('button', { name: 'Marquer comme expédiée' }).click();
        await p.getByTestId(`status-${number}`).filter({ hasText: 'Expédiée' }).waitFor();
        await p.getByText('Transporteur: Amana — Numéro de suivi: AM123456789MA').waitFor();
        const [sub] = await t.sql<{ status: string; carrier: string; tracking: string }>(
          `SELECT s.status, s.carrier, s.tracking_number AS tracking FROM sub_orders s
             JOIN orders o ON o.id = s.order_id WHERE o.number = $1`,
          [number],
        );
        expect(sub).toEqual({ status: 'SHIPPED', carrier: 'Amana', tracking: 'AM123456789MA' });
      },
    ));
});
