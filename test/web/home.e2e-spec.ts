// Journey: the home page renders in French (default) and in Arabic, right to left.
import { journey, launchBrowser, type Journeys } from '../support/browser.js';
import { startTestApi, type TestApi } from '../support/test-api.js';
import type { Page } from 'playwright-core';

let t: TestApi;
let browser: Journeys | null = null;
let page: Page | null = null;

beforeAll(async () => {
  t = await startTestApi();
});
afterAll(async () => {
  await browser?.close();
  await t.close();
});

async function open(locale: 'fr' | 'ar'): Promise<Page> {
  browser ??= await launchBrowser(t.url);
  page = await browser.visitor(locale);
  await page.goto('/');
  return page;
}

describe('home page', () => {
  it('renders in French by default, left to right', () =>
    journey(
      'home-fr',
      () => page,
      async () => {
        const p = await open('fr');
        await p.getByRole('heading', { level: 1 }).waitFor();
        expect(await p.getByRole('heading', { level: 1 }).textContent()).toBe(
          'Les produits des coopératives du Maroc',
        );
        expect(await p.getAttribute('html', 'lang')).toBe('fr');
        expect(await p.getAttribute('html', 'dir')).toBe('ltr');
      },
    ));

  it('renders in Arabic right to left, and the switcher changes the language', () =>
    journey(
      'home-ar',
      () => page,
      async () => {
        const p = await open('ar');
        await p.getByRole('heading', { level: 1, name: 'منتجات تعاونيات المغرب' }).waitFor();
        expect(await p.getAttribute('html', 'lang')).toBe('ar');
        expect(await p.getAttribute('html', 'dir')).toBe('rtl');
        await p.getByLabel('اللغة').selectOption('en');
        await p.getByRole('heading', { level: 1, name: 'The products of Morocco’s cooperatives' }).waitFor();
        expect(await p.getAttribute('html', 'dir')).toBe('ltr');
      },
    ));
});
