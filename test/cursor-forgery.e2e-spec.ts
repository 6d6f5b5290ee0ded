import { createHash } from 'node:crypto';
import { pino } from 'pino';
import { Cursors } from '@taawoun/core';
import { cooperativeWithOwner, createProduct } from './support/catalog-fixtures.js';
import { startTestApi, type GraphqlResponse, type TestApi } from './support/test-api.js';

/** Every log line the API writes at warn level and above, parsed. */
const logLines: { level: number; msg?: string; err?: { stack?: string } }[] = [];
const memoryLogger = pino(
  { level: 'warn' },
  { write: (line: string) => void logLines.push(JSON.parse(line) as (typeof logLines)[number]) },
);

const SECRET = 's'.repeat(40);
let t: TestApi;

beforeAll(async () => {
  t = await startTestApi({ CURSOR_SECRET: SECRET }, undefined, 'api', memoryLogger);
  const { cooperativeId, owner } = await cooperativeWithOwner(t);
  for (let i = 0; i < 3; i++) await createProduct(t, owner.accessToken, cooperativeId);
});
afterAll(() => t.close());
beforeEach(() => {
  logLines.length = 0;
});

/** A cursor made the way the old, unkeyed checksum allowed anyone to. */
function unkeyedCursor(kind: string, values: unknown[]): string {
  const payload = JSON.stringify([1, kind, values]);
  const sum = createHash('sha256').update(`taawoun-cursor:${payload}`).digest('base64url').slice(0, 10);
  return Buffer.from(`${sum}.${payload}`, 'utf8').toString('base64url');
}

const PRODUCTS = `query($after: String, $sort: ProductSort) {
  products(first: 2, after: $after, sort: $sort) { edges { node { id } } pageInfo { endCursor } }
}`;
const COOPERATIVES = `query($after: String) { cooperatives(first: 2, after: $after) { edges { node { id } } } }`;

function expectRefusedAfter(res: GraphqlResponse): void {
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0].extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    fields: [{ field: 'after', message: expect.any(String) as string }],
  });
  expect(logLines.filter((l) => l.level >= 50)).toEqual([]);
  expect(JSON.stringify(logLines)).not.toContain('stack');
}

describe('forged cursors', () => {
  it.each([
    ['PRICE_ASC', 'products:PRICE_ASC', ['cheap', '00000000-0000-0000-0000-000000000000']],
    ['PRICE_DESC', 'products:PRICE_DESC', [1000, 'not-a-uuid']],
    ['NEWEST', 'products:NEWEST', ['yesterday', '00000000-0000-0000-0000-000000000000']],
  ])(
    'refuses an unkeyed cursor with wrong types on products %s, logging no error',
    async (sort, kind, values) => {
      expectRefusedAfter(await t.gql(PRODUCTS, { sort, after: unkeyedCursor(kind, values) }));
    },
  );

  it('refuses an unkeyed cursor with wrong types on cooperatives, logging no error', async () => {
    expectRefusedAfter(await t.gql(COOPERATIVES, { after: unkeyedCursor('cooperatives:name', [1, 'x']) }));
  });

  it('refuses a validly signed cursor whose values have the wrong types, logging no error', async () => {
    const cursors = t.api.app.get(Cursors);
    const uuid = '00000000-0000-0000-0000-000000000000';
    const cases: [string, string | null, string, (string | number)[]][] = [
      [PRODUCTS, 'PRICE_ASC', 'products:PRICE_ASC', ['cheap', uuid]],
      [PRODUCTS, 'PRICE_ASC', 'products:PRICE_ASC', [2 ** 40, uuid]],
      [PRODUCTS, 'NEWEST', 'products:NEWEST', ['2026-02-30 00:00:00+00', uuid]],
      [PRODUCTS, 'NEWEST', 'products:NEWEST', ['2026-01-01 00:00:00+00', 'x']],
      [COOPERATIVES, null, 'cooperatives:name', ['Al Manal', 7]],
      [COOPERATIVES, null, 'cooperatives:name', ['Al\u0000Manal', uuid]],
    ];
    for (const [query, sort, kind, values] of cases) {
      expectRefusedAfter(await t.gql(query, { sort, after: cursors.encode(kind, values) }));
    }
    const search = await t.gql(
      `query($after: String) { cooperatives(filter: { search: "coop" }, after: $after) { edges { node { id } } } }`,
      {
        after: cursors.encode('cooperatives:relevance', ['0.5; DROP', 'Al Manal', uuid]),
      },
    );
    expectRefusedAfter(search);
  });

  it('still pages with the cursors the server hands out', async () => {
    const first = await t.gql<{ products: { pageInfo: { endCursor: string } } }>(PRODUCTS, {
      sort: 'PRICE_ASC',
    });
    const next = await t.gql<{ products: { edges: unknown[] } }>(PRODUCTS, {
      sort: 'PRICE_ASC',
      after: first.data!.products.pageInfo.endCursor,
    });
    expect(next.errors).toBeUndefined();
    expect(next.data!.products.edges).toHaveLength(1);
  });
});

describe('cursors across replicas', () => {
  it('are read by every API sharing the secret and refused by one with another secret', async () => {
    const first = await t.gql<{ products: { pageInfo: { endCursor: string } } }>(PRODUCTS, {
      sort: 'NEWEST',
    });
    const cursor = first.data!.products.pageInfo.endCursor;
    const replica = await startTestApi({ CURSOR_SECRET: SECRET }, t.databaseUrl);
    const stranger = await startTestApi({ CURSOR_SECRET: 'o'.repeat(40) }, t.databaseUrl);
    try {
      const same = await t.gql<{ products: { edges: { node: { id: string } }[] } }>(PRODUCTS, {
        sort: 'NEWEST',
        after: cursor,
      });
      const there = await replica.gql<{ products: { edges: { node: { id: string } }[] } }>(PRODUCTS, {
        sort: 'NEWEST',
        after: cursor,
      });
      expect(there.errors).toBeUndefined();
      expect(there.data).toEqual(same.data);
      const refused = await stranger.gql(PRODUCTS, { sort: 'NEWEST', after: cursor });
      expect(refused.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'after' }],
      });
    } finally {
      await replica.close();
      await stranger.close();
    }
  });
});
