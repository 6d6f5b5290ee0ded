import { codes } from './support/identity-fixtures.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/**
 * GraphQL abuse a client can attempt with one request, against a production-mode API: each
 * answer is a clear coded error given before anything executes (issue 8, items 1, 2, 8, 11, 12).
 */
let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(48) });
});
afterAll(() => t.close());

async function postRaw(body: Record<string, unknown>) {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as {
      data?: unknown;
      errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
    },
  };
}

describe('error messages that contain client text', () => {
  it('answers a 200 KB argument of repeated " Did you mean" with a short validation error', async () => {
    const payload = ' Did you mean'.repeat(15_000);
    const res = await t.gql(`{ products(sort: ${JSON.stringify(payload)}) { totalCount } }`);
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(res.errors![0].message).toMatch(/^Enum "ProductSort" cannot represent non-enum value/);
    // The client's text is not echoed back in full.
    expect(res.errors![0].message.length).toBeLessThan(1_100);
  });
});

describe('fragment bombs and parse limits', () => {
  // F0 spreads F1 twice, F1 spreads F2 twice ... : 2^22 paths through 23 small fragments.
  const fragments = Array.from(
    { length: 22 },
    (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
  ).join(' ');
  const bomb = `query A { __typename } query B { ...F0 } ${fragments} fragment F22 on Query { __typename }`;

  it('runs the named operation without measuring the others', async () => {
    const res = await postRaw({ query: bomb, operationName: 'A' });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({ __typename: 'Query' });
  });

  it('refuses the bomb itself as too costly', async () => {
    const res = await postRaw({ query: bomb, operationName: 'B' });
    expect(res.status).toBe(400);
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
  });

  it('refuses a document of more than GRAPHQL_MAX_TOKENS tokens while parsing', async () => {
    const fields = Array.from({ length: 6_000 }, () => '__typename').join(' ');
    const res = await postRaw({ query: `{ ${fields} }` });
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0].extensions!.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(res.body.errors![0].message).toMatch(/5000 tokens/);
  });

  it('does not take a JSON syntax tree in place of a GraphQL document', async () => {
    const ast = {
      kind: 'Document',
      definitions: [
        {
          kind: 'OperationDefinition',
          operation: 'query',
          selectionSet: {
            kind: 'SelectionSet',
            selections: [{ kind: 'Field', name: { kind: 'Name', value: '__typename' } }],
          },
        },
      ],
    };
    const res = await postRaw({ query: JSON.stringify(ast) });
    expect(res.status).toBe(400);
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors![0].extensions!.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});

describe('variables the cost estimate cannot coerce', () => {
  it('answers BAD_USER_INPUT naming the variable, without echoing the value', async () => {
    const huge = 'x'.repeat(500_000);
    const res = await t.gql(`query Page($first: Int) { products(first: $first) { totalCount } }`, {
      first: huge,
    });
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].message).toContain('$first');
    expect(res.errors![0].extensions!.fields).toEqual([{ field: '$first', message: expect.any(String) }]);
    expect(JSON.stringify(res.errors).length).toBeLessThan(2_000);
  });

  it('answers BAD_USER_INPUT for a bad value deep inside an input variable', async () => {
    const res = await t.gql(
      `query Page($filter: ProductFilter) { products(filter: $filter) { totalCount } }`,
      {
        filter: { minPrice: 'y'.repeat(100_000) },
      },
    );
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].message).toContain('$filter');
    expect(JSON.stringify(res.errors).length).toBeLessThan(2_000);
  });
});

describe('search, totals and facets in the cost estimate', () => {
  const totalsAndFacets = `totalCount facets { categories { value count } regions { value count } }`;

  it('counts totals and facets of a `first: 0` page, and each search', async () => {
    // Each alias asks for a search with its totals and facets: one statement over the whole
    // filtered set, and the typo lookup, per alias. `first: 0` used to make them nearly free.
    const aliases = Array.from(
      { length: 30 },
      (_, i) => `s${i}: products(first: 0, filter: { search: "miel ${i}" }) { ${totalsAndFacets} }`,
    ).join(' ');
    const res = await t.gql(`{ ${aliases} }`);
    expect(res.status).toBe(400);
    expect(res.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
  });

  it('still answers one storefront search with its totals and facets', async () => {
    const res = await t.gql(
      `{ products(first: 24, filter: { search: "miel" }) { ${totalsAndFacets} edges { node { id slug name priceRange { min { amount } max { amount } } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toHaveProperty('products.totalCount');
  });
});

describe('at most one account operation per request', () => {
  const registerInput = (i: number) =>
    `{ email: "bomb${i}@example.test", fullName: "Bomb ${i}", password: "correct horse battery ${i}" }`;

  it('refuses 30 aliased register calls before hashing anything', async () => {
    const aliases = Array.from(
      { length: 30 },
      (_, i) => `r${i}: register(input: ${registerInput(i)}) { accessToken }`,
    ).join(' ');
    const res = await t.gql(`mutation { ${aliases} }`);
    expect(res.status).toBe(400);
    expect(res.data).toBeNull();
    expect(res.errors![0].extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'accountOperations',
    });
    expect(await t.sql(`SELECT id FROM users WHERE email LIKE 'bomb%@example.test'`)).toEqual([]);
  });

  it('refuses a register and a login in one request, also through fragments', async () => {
    const res = await t.gql(
      `mutation { ...Both } fragment Both on Mutation { register(input: ${registerInput(100)}) { accessToken } ...Login }
       fragment Login on Mutation { login(input: { email: "nobody@example.test", password: "whatever-long" }) { accessToken } }`,
    );
    expect(res.status).toBe(400);
    expect(res.errors![0].extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'accountOperations',
    });
    expect(await t.sql(`SELECT id FROM users WHERE email = 'bomb100@example.test'`)).toEqual([]);
  });

  it('still registers with one call', async () => {
    const res = await t.gql(`mutation { register(input: ${registerInput(200)}) { accessToken } }`);
    expect(res.errors).toBeUndefined();
    expect(await t.sql(`SELECT id FROM users WHERE email = 'bomb200@example.test'`)).toHaveLength(1);
  });
});
