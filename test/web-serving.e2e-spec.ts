// The API serves the built web app: hashed files cached for a year, index.html for app routes
// (never cached), and API paths keep their own answers and 404s.
import { readdirSync, readFileSync } from 'node:fs';
import { startTestApi, type TestApi } from './support/test-api.js';

const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
let t: TestApi;

beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.close());

describe('web app served by the API', () => {
  it.each(['/', '/products', '/products/miel-de-thym?x=1', '/orders/TW-123', '/coop/products', '/admin'])(
    'a browser opening %s gets index.html, not cached',
    async (path) => {
      const res = await fetch(`${t.url}${path}`, { headers: html });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('<div id="root">');
    },
  );

  it('serves hashed files under /static/ with a one-year immutable cache', async () => {
    const file = readdirSync('dist/web/static').find((f) => f.endsWith('.js'))!;
    const res = await fetch(`${t.url}/static/${file}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('javascript');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('sends the Brotli or gzip copy of a hashed file to a browser that accepts it', async () => {
    const file = readdirSync('dist/web/static').find((f) => f.endsWith('.js'))!;
    for (const encoding of ['br', 'gzip']) {
      const res = await fetch(`${t.url}/static/${file}`, { headers: { 'accept-encoding': encoding } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBe(encoding);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      // fetch decodes the body: it is the file itself.
      expect(await res.text()).toBe(readFileSync(`dist/web/static/${file}`, 'utf8'));
    }
  });

  it.each(['/static/missing-abc123.js', '/graphql/nothing', '/assets/a/b', '/health/x', '/webhooks/none'])(
    'an unknown API path %s keeps its 404 even for a browser',
    async (path) => {
      const res = await fetch(`${t.url}${path}`, { headers: html });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type') ?? '').not.toContain('text/html');
    },
  );

  it('API clients (no text/html in accept) get a 404 on unknown paths', async () => {
    const res = await fetch(`${t.url}/products`, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(404);
  });

  it('API routes answer as before', async () => {
    expect((await fetch(`${t.url}/health`, { headers: html })).status).toBe(200);
    const gql = await t.gql('{ __typename }');
    expect(gql.data).toEqual({ __typename: 'Query' });
  });
});
