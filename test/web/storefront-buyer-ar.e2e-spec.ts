// Journey in Arabic: a guest (no account) orders from two cooperatives with cash on delivery and
// follows the order through the guest link. The page is right to left, texts and product names are
// Arabic, prices are written the Moroccan Arabic way; axe-core finds no serious violation.
import type { Page } from 'playwright-core';
import { journey, launchBrowser, seriousAxeViolations, type Journeys } from '../support/browser.js';
import { startTestApi, type TestApi } from '../support/test-api.js';
import { seedStorefront, shipAsOwner, type StorefrontData } from './storefront-fixtures.js';

let t: TestApi;
let browser: Journeys | null = null;
let page: Page | null = null;
let data: StorefrontData;

beforeAll(async () => {
  t = await startTestApi();
  data = await seedStorefront(t, 'ar1');
});
afterAll(async () => {
  await browser?.close();
  await t.close();
});

async function expectRtlAndAccessible(p: Page): Promise<void> {
  expect(await p.getAttribute('html', 'dir')).toBe('rtl');
  expect(await p.getAttribute('html', 'lang')).toBe('ar');
  expect(await seriousAxeViolations(p)).toEqual([]);
}

describe('buyer journey in Arabic (guest, cash on delivery, two cooperatives)', () => {
  it('orders from two cooperatives right to left and follows the order by the guest link', () =>
    journey(
      'storefront-buyer-ar',
      () => page,
      async () => {
        browser = await launchBrowser(t.url);
        page = await browser.visitor('ar');
        const p = page;

        // An Arabic search finds the honey by its Arabic name.
        await p.goto('/products?search=' + encodeURIComponent('زعتر'));
        await p.getByRole('heading', { level: 1, name: 'المنتجات' }).waitFor();
        await p.getByTestId('result-count').getByText('1 منتج').waitFor();
        await expectRtlAndAccessible(p);
        // The layout mirrors: the search field's label sits at the right, before the input.
        const label = await p.locator('label[for="catalog-search"]').boundingBox();
        const input = await p.locator('#catalog-search').boundingBox();
        expect(label!.x).toBeGreaterThan(input!.x);

        await p.getByRole('link', { name: 'عسل الزعتر ar1' }).click();
        await p.getByRole('heading', { level: 1, name: 'عسل الزعتر ar1' }).waitFor();
        await p.getByText('ترخيص صحي (أونسا)').waitFor();
        await p.getByRole('button', { name: 'أضف إلى السلة' }).click();
        await p.getByText('أضيف إلى السلة.').waitFor();
        await expectRtlAndAccessible(p);

        await p.goto(`/products/${data.argan.slug}`);
        await p.getByRole('heading', { level: 1, name: 'زيت أركان ar1' }).waitFor();
        await p.getByRole('button', { name: 'أضف إلى السلة' }).click();
        await p.getByText('أضيف إلى السلة.').waitFor();

        // The cart in Arabic: one part per cooperative, prices in dirhams written the Arabic way.
        await p.getByRole('link', { name: 'السلة' }).first().click();
        await p.getByRole('heading', { level: 1, name: 'السلة' }).waitFor();
        await p.getByRole('heading', { name: `طلب لدى ${data.honey.cooperativeName}` }).waitFor();
        await p.getByRole('heading', { name: `طلب لدى ${data.argan.cooperativeName}` }).waitFor();
        expect(visible(await p.getByTestId('cart-total').textContent())).toBe('270,00 د.م.'); // 90+30 + 120+30
        await expectRtlAndAccessible(p);

        // Guest checkout: the e-mail is required and shown next to its field in Arabic.
        await p.getByRole('link', { name: 'إتمام الطلب' }).click();
        await p.getByText('يمكنك الطلب دون حساب.').waitFor();
        await p.getByLabel('الاسم الكامل').fill('فاطمة الزهراء');
        await p.getByLabel('الهاتف').fill('+212 6 12 34 56 78');
        await p.getByLabel('العنوان', { exact: true }).fill('حي السلام 12');
        await p.getByLabel('المدينة').fill('الدار البيضاء');
        await p.getByRole('button', { name: 'تأكيد الطلب' }).click();
        await p.getByText('هذا الحقل إلزامي.').waitFor();
        await expectRtlAndAccessible(p);
        await p.getByLabel('البريد الإلكتروني').fill('fatima.guest@example.ma');
        await p.getByRole('button', { name: 'تأكيد الطلب' }).click();

        // The order page, reached by the guest link (?token=), in Arabic.
        await p.waitForURL(/\/orders\/[^/?]+\?token=/);
        const url = new URL(p.url());
        const number = decodeURIComponent(url.pathname.split('/').pop()!);
        await p.getByRole('heading', { level: 1, name: `الطلب ${number}` }).waitFor();
        expect(await p.getByTestId('sub-order-status').allTextContents()).toEqual([
          'قيد التحضير',
          'قيد التحضير',
        ]);
        await p.getByText('عند الاستلام').waitFor();
        await expectRtlAndAccessible(p);
        const [order] = await t.sql<{ user_id: string | null }>(
          'SELECT user_id FROM orders WHERE number = $1',
          [number],
        );
        expect(order.user_id).toBeNull();

        // Without the token the order stays private; with it, the guest follows the shipment.
        await shipAsOwner(t, data.argan.ownerId, number);
        const stranger = await browser.visitor('ar');
        await stranger.goto(`/orders/${encodeURIComponent(number)}`);
        await stranger.getByText('الطلب غير موجود. سجّل الدخول أو افتح الرابط الذي وصلك بالبريد.').waitFor();
        await p.goto(url.pathname + url.search);
        await p.getByText('الناقل: Amana، رقم التتبع: AM123456789MA').waitFor();
        expect(await p.getByTestId('order-status').textContent()).toBe('شُحن جزئيًا');
      },
    ));
});

/** Intl's no-break spaces as plain spaces, direction marks dropped. */
function visible(text: string | null): string {
  return (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/[\u200e\u200f\u061c]/g, '');
}
