// Journey: a signed-in buyer finds products from two cooperatives (search with a typo), sees the cart
// split per cooperative with each part's shipping, checks out with cash on delivery, and follows the
// order until a cooperative ships its part. axe-core finds no serious violation on the pages visited.
import type { Page } from 'playwright-core';
import { signUp } from '../support/actors.js';
import { journey, launchBrowser, seriousAxeViolations, type Journeys } from '../support/browser.js';
import { startTestApi, type TestApi } from '../support/test-api.js';
import { seedStorefront, shipAsOwner, type StorefrontData } from './storefront-fixtures.js';

let t: TestApi;
let browser: Journeys | null = null;
let page: Page | null = null;
let data: StorefrontData;

beforeAll(async () => {
  t = await startTestApi();
  data = await seedStorefront(t, 'fr1');
});
afterAll(async () => {
  await browser?.close();
  await t.close();
});

async function expectAccessible(p: Page): Promise<void> {
  expect(await seriousAxeViolations(p)).toEqual([]);
}

describe('buyer journey (French, cash on delivery, two cooperatives)', () => {
  it('orders from two cooperatives and follows the order', () =>
    journey(
      'storefront-buyer-fr',
      () => page,
      async () => {
        const buyer = await signUp(t, { fullName: 'Salma Bennani' });
        browser = await launchBrowser(t.url);
        page = await browser.visitor('fr');
        const p = page;

        // Sign in through the page.
        await p.goto('/sign-in');
        await p.getByLabel('Adresse e-mail').fill(buyer.email);
        await p.getByLabel('Mot de passe').fill(buyer.password);
        await p.getByRole('button', { name: 'Se connecter' }).click();
        await p.getByRole('link', { name: 'Mon compte' }).waitFor();
        await expectAccessible(p);

        // A search with a typo finds the honey ("miell thym"), the URL carries it.
        await p.goto('/products');
        await p.getByLabel('Rechercher').fill('miell thym');
        await p.getByRole('button', { name: 'Chercher' }).click();
        await p.waitForURL(/\/products\?search=miell\+thym$/);
        await p.getByTestId('result-count').getByText('1 produits').waitFor();
        await p.getByRole('link', { name: 'Miel de thym fr1' }).click();
        await p.getByRole('heading', { level: 1, name: 'Miel de thym fr1' }).waitFor();
        expect(await p.getByText('Autorisation sanitaire (ONSSA)').count()).toBe(1);
        await expectAccessible(p);
        await p.getByRole('button', { name: 'Ajouter au panier' }).click();
        await p.getByText('Ajouté au panier.').waitFor();

        // The cooperative's page, from the product page's link.
        await p.getByRole('link', { name: `par ${data.honey.cooperativeName}` }).click();
        await p.getByRole('heading', { level: 1, name: data.honey.cooperativeName }).waitFor();
        await p.getByRole('link', { name: 'Miel de thym fr1' }).waitFor();
        await expectAccessible(p);

        // The shared URL of a product renders on load.
        await p.goto(`/products/${data.argan.slug}`);
        await p.getByRole('heading', { level: 1, name: 'Huile d’argan fr1' }).waitFor();
        await p.getByLabel('Quantité').fill('2');
        await p.getByRole('button', { name: 'Ajouter au panier' }).click();
        await p.getByText('Ajouté au panier.').waitFor();

        // The cart: one part per cooperative, each with its shipping (30 MAD flat fee).
        await p.goto('/cart');
        await p.getByRole('heading', { name: `Commande chez ${data.honey.cooperativeName}` }).waitFor();
        await p.getByRole('heading', { name: `Commande chez ${data.argan.cooperativeName}` }).waitFor();
        // 90 + 30 shipping, 240 + 30 shipping
        expect(normalise(await p.getByTestId('cart-total').textContent())).toBe('390,00 MAD');
        await expectAccessible(p);

        // Checkout: a wrong phone is shown next to its field; nothing is ordered.
        await p.getByRole('link', { name: 'Passer la commande' }).click();
        await p.getByLabel('Nom complet').fill('Salma Bennani');
        await p.getByLabel('Téléphone').fill('12ab');
        await p.getByLabel('Adresse', { exact: true }).fill('12 rue des Orangers');
        await p.getByLabel('Ville').fill('Casablanca');
        await p.getByRole('button', { name: 'Confirmer la commande' }).click();
        await p.getByText('Numéro de téléphone invalide.').waitFor();
        expect(await t.sql('SELECT 1 FROM orders WHERE email = $1', [buyer.email])).toHaveLength(0);
        await expectAccessible(p);
        await p.getByLabel('Téléphone').fill('06 12 34 56 78');
        await p.getByRole('button', { name: 'Confirmer la commande' }).click();

        // The order page: two parts being prepared, cash on delivery.
        await p.waitForURL(/\/orders\/[^/?]+$/);
        const number = decodeURIComponent(new URL(p.url()).pathname.split('/').pop()!);
        await p.getByRole('heading', { level: 1, name: `Commande ${number}` }).waitFor();
        expect(await p.getByTestId('sub-order-status').allTextContents()).toEqual([
          'En préparation',
          'En préparation',
        ]);
        expect(normalise(await p.getByTestId('order-total').textContent())).toBe('390,00 MAD');
        await p.getByText('À la livraison').waitFor();
        await expectAccessible(p);
        const [order] = await t.sql<{ payment_method: string; email: string }>(
          'SELECT payment_method, email FROM orders WHERE number = $1',
          [number],
        );
        expect(order).toEqual({ payment_method: 'CASH_ON_DELIVERY', email: buyer.email });

        // The honey cooperative ships; the buyer follows it (from the account's order list).
        await shipAsOwner(t, data.honey.ownerId, number);
        await p.goto('/account');
        await p.getByRole('link', { name: number }).click();
        await p.getByText('Transporteur : Amana, suivi : AM123456789MA').waitFor();
        expect((await p.getByTestId('sub-order-status').allTextContents()).sort()).toEqual([
          'En préparation',
          'Expédiée',
        ]);
        expect(await p.getByTestId('order-status').textContent()).toBe('Partiellement expédiée');
      },
    ));
});

/** Intl's no-break and narrow no-break spaces as plain spaces, direction marks dropped. */
function normalise(text: string | null): string {
  return (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/[\u200e\u200f\u061c]/g, '');
}
