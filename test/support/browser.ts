// Browser journeys: Debian's Chromium driven by playwright-core (Playwright's own browser download
// cannot work here) against the built web app served by the real API (test-api.ts).
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);

export type Locale = 'fr' | 'ar' | 'en';
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS_DIR = path.resolve('.data', 'screenshots');

/** The message a journey fails with when there is no browser (never a silent skip). */
export function missingChromiumMessage(): string {
  return (
    `Chromium not found at ${CHROMIUM_PATH}: the browser journeys need it. ` +
    'Install it with `apt-get install chromium` (Debian/Ubuntu; .ci/run does it), ' +
    'or set CHROMIUM_PATH to a Chromium or Chrome executable.'
  );
}

export interface Journeys {
  browser: Browser;
  /**
   * A new browser context (own storage: a new visitor) whose pages open `baseUrl` in `locale`;
   * with `session` (tokens from signUp/loginOk in test/support) it starts signed in as that user.
   */
  visitor(locale?: Locale, session?: { accessToken: string; refreshToken: string }): Promise<Page>;
  close(): Promise<void>;
}

/** Launches Chromium once per test file; throws {@link missingChromiumMessage} when it is missing. */
export async function launchBrowser(baseUrl: string): Promise<Journeys> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(missingChromiumMessage());
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
  const contexts: BrowserContext[] = [];
  return {
    browser,
    visitor: async (locale = 'fr', session) => {
      const context = await browser.newContext({
        baseURL: baseUrl,
        locale: locale === 'ar' ? 'ar-MA' : locale === 'fr' ? 'fr-MA' : 'en-GB',
        viewport: { width: 390, height: 844 }, // a phone
      });
      // The guest's language choice as the switcher remembers it, and the session's tokens under
      // the web app's TokenStore key (apps/web/src/lib/session/token-store.ts); only on the first
      // document, so that a language switch or a sign-out in the page survives the next navigation.
      const tokens = session
        ? JSON.stringify({ accessToken: session.accessToken, refreshToken: session.refreshToken })
        : null;
      await context.addInitScript({
        content: `if (!sessionStorage.getItem('taawoun.test.seeded')) {
          sessionStorage.setItem('taawoun.test.seeded', '1');
          localStorage.setItem('taawoun.locale', '${locale}');
          ${tokens ? `localStorage.setItem('taawoun.session', ${JSON.stringify(tokens)});` : ''}
        }`,
      });
      contexts.push(context);
      return context.newPage();
    },
    close: async () => {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
    },
  };
}

/**
 * Runs one journey; when it fails, saves a screenshot of the page it ended on in
 * .data/screenshots/<name>.png and rethrows (the failure message names the file). With
 * WEB_SCREENSHOTS=<folder>, a passing journey's last page is saved there too.
 */
export async function journey(
  name: string,
  page: () => Page | null,
  steps: () => Promise<void>,
): Promise<void> {
  try {
    await steps();
    // WEB_SCREENSHOTS=<folder>: also keep the last page of a passing journey (README pictures).
    const current = page();
    if (process.env.WEB_SCREENSHOTS && current && !current.isClosed()) {
      mkdirSync(process.env.WEB_SCREENSHOTS, { recursive: true });
      await current.screenshot({
        path: path.join(process.env.WEB_SCREENSHOTS, `${name}.png`),
        fullPage: true,
      });
    }
  } catch (error) {
    const current = page();
    if (current && !current.isClosed()) {
      mkdirSync(SCREENSHOTS_DIR, { recursive: true });
      const file = path.join(SCREENSHOTS_DIR, `${name.replace(/[^a-z0-9-]+/gi, '-')}.png`);
      await current.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      if (error instanceof Error) error.message += `\n(screenshot of the last page: ${file})`;
    }
    throw error;
  }
}

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core (its source injected into the page, nothing from a CDN); the serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source });
  const violations = await page.evaluate<AxeViolation[]>('axe.run().then((r) => r.violations)');
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
