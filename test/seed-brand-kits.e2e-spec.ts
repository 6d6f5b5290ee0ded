import { BrandKitImporter } from '../apps/cli/src/import/brand-kits.importer.js';
import { loadDemoData, type DemoData } from '../apps/cli/src/import/demo-data.js';
import { Importer, importServices } from '../apps/cli/src/import/importer.js';
import { fetchAsset } from './support/asset-fixtures.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/** The demo seed's brand kits: drawn with sharp, uploaded and set through the services, once. */
let t: TestApi;
let data: DemoData;

beforeAll(async () => {
  t = await startTestApi();
  data = loadDemoData();
  await new Importer(importServices(t.api.app)).importAll(data);
});
afterAll(() => t.close());

it('gives every APPROVED demo cooperative a public brand kit, and a second run creates nothing', async () => {
  const approved = data.cooperatives.filter((c) => c.status === 'APPROVED');
  expect(approved.length).toBeGreaterThan(0);
  expect(await new BrandKitImporter(t.api.app).importAll(data)).toBe(approved.length);

  const [{ n: assets }] = await t.sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM assets WHERE kind IN ('BRAND_LOGO', 'BRAND_BANNER')`,
  );
  expect(assets).toBe(2 * approved.length);
  const [coop] = await t.sql<{ id: string }>(`SELECT id FROM cooperatives WHERE registration_number = $1`, [
    approved[0].registrationNumber,
  ]);
  const page = await t.gql<{
    cooperative: {
      brandKit: { primaryColor: string; tagline: string; logo: { url: string; width: number } };
    };
  }>(`query($id: ID) { cooperative(id: $id) { brandKit { primaryColor tagline logo { url width } } } }`, {
    id: coop.id,
  });
  const kit = page.data!.cooperative.brandKit;
  expect(kit.tagline).toBe(approved[0].name);
  expect(kit.primaryColor).toMatch(/^#[0-9A-F]{6}$/);
  expect(kit.logo.width).toBe(512);
  const served = await fetchAsset(t, new URL(kit.logo.url).pathname);
  expect(served.status).toBe(200);
  expect(served.headers.get('content-type')).toBe('image/png');

  expect(await new BrandKitImporter(t.api.app).importAll(data)).toBe(0);
  const [{ n: after }] = await t.sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM assets WHERE kind IN ('BRAND_LOGO', 'BRAND_BANNER')`,
  );
  expect(after).toBe(assets);
});
