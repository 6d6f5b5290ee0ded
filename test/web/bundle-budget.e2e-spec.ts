// Performance budget (issue 14): the storefront's first route — the home page — downloads at most
// 150 KB of gzipped JavaScript. Measured on the production build's files, not timed.
import { gzippedBytes, jsFilesOf, readManifest } from '../support/web-bundle.js';

const BUDGET_BYTES = 150 * 1024;

describe('web bundle budget', () => {
  it('keeps the storefront home page within 150 KB of gzipped JavaScript', () => {
    const manifest = readManifest();
    // The entry, the storefront space (lazy in the root router) and the home page (lazy in the space).
    const files = jsFilesOf(manifest, [
      'index.html',
      'src/spaces/storefront/routes.tsx',
      'src/spaces/storefront/home/home-page.tsx',
    ]);
    const bytes = gzippedBytes(files);
    process.stderr.write(
      `storefront first route: ${files.length} JS files, ${(bytes / 1024).toFixed(1)} KB gzipped\n`,
    );
    expect(bytes).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('loads the other spaces and Stripe only when they are visited', () => {
    const manifest = readManifest();
    const first = new Set(
      jsFilesOf(manifest, [
        'index.html',
        'src/spaces/storefront/routes.tsx',
        'src/spaces/storefront/home/home-page.tsx',
      ]),
    );
    for (const lazy of [
      'src/spaces/backoffice/routes.tsx',
      'src/spaces/admin/routes.tsx',
      'src/spaces/partner/routes.tsx',
      'src/spaces/storefront/checkout/card-payment.tsx',
    ])
      expect(first.has(manifest[lazy].file)).toBe(false);
  });
});
