// Journey: an admin runs the payouts in the console, downloads the bank file (CSV with the
// cooperative's line), and records the bank transfer as paid with its reference (checked via the API).
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { LedgerRepository, ribKey } from '@taawoun/payments';
import { journey, launchBrowser, seriousAxeViolations, type Journeys } from '../support/browser.js';
import { newCooperative, newUser } from '../support/factories.js';
import { loginOk, type Session } from '../support/identity-fixtures.js';
import { newVariant, placeOrder } from '../support/order-fixtures.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

const RIB_START = '011780' + '0000123456789012';
const RIB = RIB_START + ribKey(RIB_START);

let t: TestApi;
let browser: Journeys | null = null;
let page: Page | null = null;
let admin: Session;

beforeAll(async () => {
  t = await startTestApi({ PAYOUT_HOLD_DAYS: '2' });
  const u = await newUser(t, { fullName: 'Console Admin', roles: ['ADMIN'] });
  admin = await loginOk(t, u.email, u.password);
  browser = await launchBrowser(t.url);
});
afterAll(async () => {
  await browser?.close();
  await t.close();
});

/** A cooperative with a RIB and a card sub-order delivered 5 days ago: 10 600 centimes payable. */
async function payableCooperative(name: string): Promise<string> {
  const ownerUser = await newUser(t, { fullName: 'Owner' });
  const coop = await newCooperative(t, { ownerId: ownerUser.id, name });
  const owner = await loginOk(t, ownerUser.email, ownerUser.password);
  const bank = await t.gql(
    `mutation($c: ID!, $h: String!, $rib: String!) { setBankPayoutDetails(cooperativeId: $c, accountHolder: $h, rib: $rib) { method } }`,
    { c: coop.id, h: name, rib: RIB },
    owner.accessToken,
  );
  expect(bank.errors).toBeUndefined();
  const variant = await newVariant(t, coop.id, { stock: 10, price: 8000 });
  const order = await placeOrder(t, { lines: [{ variantId: variant, quantity: 1 }], paymentMethod: 'CARD' });
  const subOrderId = order.of(coop.id);
  await t.sql(
    `UPDATE sub_orders SET status = 'DELIVERED', delivered_at = now() - interval '5 days' WHERE id = $1`,
    [subOrderId],
  );
  await t.api.app.get(LedgerRepository).append([
    { cooperativeId: coop.id, type: 'SALE', amount: 8000, subOrderId },
    { cooperativeId: coop.id, type: 'SHIPPING', amount: 3000, subOrderId },
    { cooperativeId: coop.id, type: 'COMMISSION', amount: -400, subOrderId },
  ]);
  return coop.id;
}

describe('admin console: payouts', () => {
  it('runs the payouts, exports the bank file and marks the transfer paid', () =>
    journey(
      'admin-payouts',
      () => page,
      async () => {
        const coopId = await payableCooperative('Coopérative Izourane');
        page = await browser!.visitor('fr', admin);
        await page.goto('/admin/payouts?status=PENDING');
        await page.getByRole('heading', { level: 1, name: 'Versements' }).waitFor();
        await page.getByText('Aucun versement.').waitFor();
        await page.getByRole('button', { name: 'Lancer les versements' }).click();
        await page.getByRole('status').filter({ hasText: '1 versement(s) créé(s).' }).waitFor();
        await page.getByRole('link', { name: 'Coopérative Izourane' }).waitFor();
        expect(await seriousAxeViolations(page)).toEqual([]);

        const download = page.waitForEvent('download');
        await page.getByRole('button', { name: 'Exporter en CSV' }).click();
        const file = await (await download).path();
        const csv = readFileSync(file, 'utf8');
        const line = csv.split('\r\n').find((l) => l.includes('Coopérative Izourane'));
        expect(line).toContain(RIB);
        expect(line).toContain('106.00');

        const reference = page.getByLabel('Référence du virement (Coopérative Izourane)');
        await page.getByRole('button', { name: 'Marquer payé' }).click();
        await page.getByText('Ce champ est obligatoire.').waitFor();
        await reference.fill('VIR-2026-0042');
        await page.getByRole('button', { name: 'Marquer payé' }).click();
        await page.getByRole('link', { name: 'Coopérative Izourane' }).waitFor({ state: 'detached' });

        const res = await t.gql<{ payouts: { edges: { node: { status: string; reference: string } }[] } }>(
          `query($c: ID) { payouts(cooperativeId: $c) { edges { node { status reference } } } }`,
          { c: coopId },
          admin.accessToken,
        );
        expect(res.data!.payouts.edges.map((e) => e.node)).toEqual([
          { status: 'PAID', reference: 'VIR-2026-0042' },
        ]);
      },
    ));
});
