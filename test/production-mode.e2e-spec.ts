import { startTestApi, type TestApi } from './support/test-api.js';

/** NODE_ENV=production: no GraphiQL, no introspection, no field suggestions, no debugging headers. */
let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(48) });
});
afterAll(() => t.close());

it('serves no GraphiQL', async () => {
  expect((await fetch(`${t.url}/graphiql`)).status).toBe(404);
});

it('refuses introspection', async () => {
  const res = await t.gql('{ __schema { types { name } } }');
  expect(res.status).toBe(400);
  expect(res.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(res.errors![0].message).toMatch(/introspection/i);
});

it('suggests no field names', async () => {
  const res = await t.gql('{ region { code } }');
  expect(res.status).toBe(400);
  expect(res.errors![0].message).toContain('Cannot query field "region"');
  expect(res.errors![0].message).not.toMatch(/did you mean/i);
});

it('still answers real queries, without the query-count header', async () => {
  const res = await t.gql('{ regions { code } }');
  expect(res.data).toEqual({ regions: expect.arrayContaining([{ code: 'MA-06' }]) });
  expect(res.headers.get('x-sql-queries')).toBeNull();
});

describe('with BENCH_MODE=true (npm run bench)', () => {
  let bench: TestApi;
  beforeAll(async () => {
    bench = await startTestApi({ NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(48), BENCH_MODE: 'true' });
  });
  afterAll(() => bench.close());

  it('tells the SQL statements each request cost, in production too', async () => {
    const res = await bench.gql('{ regions { code } }');
    expect(res.data).toEqual({ regions: expect.arrayContaining([{ code: 'MA-06' }]) });
    expect(Number(res.headers.get('x-sql-queries'))).toBeGreaterThan(0);
  });
});
