import { getIntrospectionQuery } from 'graphql';
import { startTestApi, type TestApi } from './support/test-api.js';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.close());

describe('reference data', () => {
  it("answers Morocco's 12 regions with their provinces, in French and Arabic", async () => {
    const res = await t.gql<{
      regions: { code: string; name: string; provinces: { code: string; name: string }[] }[];
    }>(REGIONS, { lang: 'ar' });
    expect(res.errors).toBeUndefined();
    const regions = res.data!.regions;
    expect(regions.map((r) => r.code)).toEqual(
      Array.from({ length: 12 }, (_, i) => `MA-${String(i + 1).padStart(2, '0')}`),
    );
    expect(regions.reduce((n, r) => n + r.provinces.length, 0)).toBe(75);
    const casablanca = regions.find((r) => r.code === 'MA-06')!;
    expect(casablanca.name).toBe('Casablanca-Settat');
    expect(casablanca.provinces.map((p) => p.code).sort()).toEqual(
      ['MA-BES', 'MA-BRR', 'MA-CAS', 'MA-JDI', 'MA-MED', 'MA-MOH', 'MA-NOU', 'MA-SET', 'MA-SIB'].sort(),
    );
    expect(casablanca.provinces.find((p) => p.code === 'MA-JDI')!.name).toMatch(/[\u0600-\u06FF]/);
  });

  it('answers categories with names in each language', async () => {
    const res = await t.gql<{
      categories: { code: string; fr: string; ar: string; en: string; parentCode: string | null }[];
    }>(
      `{ categories { code parentCode fr: name(languageCode: fr) ar: name(languageCode: ar) en: name(languageCode: en) } }`,
    );
    expect(res.errors).toBeUndefined();
    const honey = res.data!.categories.find((c) => c.code === 'honey')!;
    expect(honey).toMatchObject({ fr: 'Miel', en: 'Honey', parentCode: 'honey-hive-products' });
    expect(honey.ar).toMatch(/[\u0600-\u06FF]/);
    const codes = res.data!.categories.map((c) => c.code);
    expect(codes.indexOf('honey-hive-products')).toBeLessThan(codes.indexOf('honey'));
    for (const top of [
      'honey-hive-products',
      'textile-clothing',
      'protective-wear',
      'argan-cosmetics',
      'food-local-produce',
      'handicraft-decor',
    ]) {
      expect(codes).toContain(top);
    }
  });
});

describe('HTTP surface', () => {
  it('GET /health pings the database', async () => {
    const res = await fetch(`${t.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'up' });
  });

  it('GET /metrics speaks Prometheus', async () => {
    await fetch(`${t.url}/health`);
    const res = await fetch(`${t.url}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/health",status="200"\} \d+/,
    );
    await t.gql('{ nope }');
    expect(await (await fetch(`${t.url}/metrics`)).text()).toMatch(
      /graphql_errors_total\{code="GRAPHQL_VALIDATION_FAILED"\} [1-9]/,
    );
  });

  it('serves GraphiQL and its assets from installed packages in development', async () => {
    const page = await fetch(`${t.url}/graphiql`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\//);
    for (const asset of ['react.js', 'react-dom.js', 'graphiql.js', 'graphiql.css']) {
      const res = await fetch(`${t.url}/graphiql/assets/${asset}`);
      expect(res.status).toBe(200);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
    expect((await fetch(`${t.url}/graphiql/assets/..%2Fpackage.json`)).status).toBe(404);
  });

  it('gives every response a request id', async () => {
    const res = await fetch(`${t.url}/health`, { headers: { 'x-request-id': 'trace-me-123' } });
    expect(res.headers.get('x-request-id')).toBe('trace-me-123');
  });
});

describe('bad GraphQL requests', () => {
  it('answers malformed GraphQL with 400 and a parse error code', async () => {
    const res = await t.gql('{ regions { code ');
    expect(res.status).toBe(400);
    expect(res.errors![0].extensions!.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('answers an unknown field with 400 and a validation error code', async () => {
    const res = await t.gql('{ regions { nope } }');
    expect(res.status).toBe(400);
    expect(res.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers an oversized body with 413', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ regions { code } } # ${'x'.repeat(1_100_000)}` }),
    });
    expect(res.status).toBe(413);
    expect(
      ((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code,
    ).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a too-deep query before executing it', async () => {
    // me > memberships > cooperative > products > edges > node > cooperative > products > edges > node > id: 11
    const res = await t.gql(
      `{ me { memberships { cooperative { products { edges { node { cooperative { products { edges { node { id } } } } } } } } } } }`,
    );
    expect(res.status).toBe(400);
    const depth = res.errors!.find((e) => e.extensions?.limit === 'depth');
    expect(depth).toMatchObject({
      message: 'The query depth is 11, more than the limit of 10',
      extensions: { code: 'QUERY_TOO_COMPLEX', max: 10, actual: 11 },
    });
  });

  it("answers GraphiQL's introspection query in development (introspection is not counted in the limits)", async () => {
    const res = await t.gql(getIntrospectionQuery());
    expect(res.errors).toBeUndefined();
    expect(res.data).toHaveProperty('__schema.queryType.name', 'Query');
  });

  it('refuses a query with too many aliases', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: categories { code }`).join(' ');
    const res = await t.gql(`{ ${aliases} }`);
    expect(res.status).toBe(400);
    expect(res.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases' });
  });

  it('refuses a too-costly query before executing it', async () => {
    // Pages of 100 inside pages of 100: about 1.1 million by the estimate.
    const res = await t.gql(
      `{ cooperatives(first: 100) { edges { node { products(first: 100) { edges { node { variants { options { name } } } } } } } } }`,
    );
    expect(res.status).toBe(400);
    expect(res.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
  });
});

const REGIONS = `query($lang: LanguageCode) { regions { code name provinces { code name(languageCode: $lang) } } }`;
