import { codes, fieldsOf } from './support/identity-fixtures.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/**
 * Mercurius keeps each document parsed, validated and compiled (graphql-jit from its second use);
 * the checks that depend on a request's variables and operation name still run on every request.
 */
let t: TestApi;
beforeAll(async () => {
  // A page of `first` products costs 1 + 3 × first: 100 is over this limit, 10 is not.
  t = await startTestApi({ GRAPHQL_MAX_COST: '200' });
});
afterAll(() => t.close());

const PAGE = `query Page($first: Int) { products(first: $first) { edges { node { id } } } }`;

describe('a document sent again with other variables', () => {
  it('is measured with the variables of each request', async () => {
    for (let i = 0; i < 3; i++) expect((await t.gql(PAGE, { first: 10 })).errors).toBeUndefined();
    const tooCostly = await t.gql(PAGE, { first: 100 });
    expect(tooCostly.status).toBe(400);
    expect(tooCostly.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
    expect((await t.gql(PAGE, { first: 10 })).errors).toBeUndefined();
  });

  it('refuses a bad variable naming it, however often the document ran before', async () => {
    for (let i = 0; i < 3; i++) expect((await t.gql(PAGE, { first: 5 })).errors).toBeUndefined();
    const bad = await t.gql(PAGE, { first: 'many' });
    expect(bad.status).toBe(400);
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(bad)).toEqual(['$first']);
  });

  it('checks the operation each request names', async () => {
    const doc = `query Small { regions { code } } query Big { products(first: 100) { edges { node { id } } } }`;
    const post = (operationName: string) =>
      fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: doc, operationName }),
      }).then(async (res) => ({ status: res.status, body: (await res.json()) as { errors?: unknown[] } }));
    for (let i = 0; i < 3; i++) expect((await post('Small')).body.errors).toBeUndefined();
    const big = await post('Big');
    expect(big.status).toBe(400);
    expect(big.body.errors).toHaveLength(1);
  });
});

describe('a compiled document', () => {
  it('answers what its first, interpreted, run answered', async () => {
    const REGIONS = `{ regions { code name(languageCode: ar) } }`;
    const first = await t.gql(REGIONS);
    expect(first.errors).toBeUndefined();
    expect((first.data as { regions: unknown[] }).regions.length).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++) expect((await t.gql(REGIONS)).data).toEqual(first.data);
  });
});
