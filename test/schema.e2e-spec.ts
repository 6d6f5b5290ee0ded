import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { buildSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { contractGaps, parseTodo } from './support/contract-compat.js';
import { startTestApi, type TestApi } from './support/test-api.js';

const root = path.resolve(import.meta.dirname, '..');
const file = (name: string) => path.join(root, name);

let t: TestApi;
let generated: string;
beforeAll(async () => {
  t = await startTestApi();
  const schema = t.api.app.get(GraphQLSchemaHost).schema;
  generated = printSchema(lexicographicSortSchema(schema));
  if (process.env.UPDATE_SCHEMA === '1') writeFileSync(file('schema.graphql'), generated);
});
afterAll(() => t.close());

describe('schema snapshot', () => {
  it('schema.graphql is what the code generates (npm run schema:write updates it)', () => {
    expect(readFileSync(file('schema.graphql'), 'utf8')).toBe(generated);
  });
});

describe('contract ratchet', () => {
  const contract = buildSchema(readFileSync(file('contract.graphql'), 'utf8'));
  const todo = parseTodo(readFileSync(file('contract-todo.txt'), 'utf8'));

  it('every element of the contract exists with a compatible type, unless listed in contract-todo.txt', () => {
    const gaps = contractGaps(contract, buildSchema(generated));
    const unlisted = [...gaps].filter(([key]) => !todo.has(key)).map(([key, why]) => `${key}: ${why}`);
    expect(unlisted).toEqual([]);
  });

  it('contract-todo.txt lists only what is still missing (the list only shrinks)', () => {
    const gaps = contractGaps(contract, buildSchema(generated));
    const done = [...todo].filter((key) => !gaps.has(key));
    expect(done).toEqual([]);
  });

  it('the committed contract copy is the shared contract (a change is taken over deliberately)', () => {
    const shared = path.resolve(root, '../shared/api/contract.graphql');
    if (!existsSync(shared)) return; // a clone without ../shared: nothing to compare with
    expect(readFileSync(file('contract.graphql'), 'utf8')).toBe(readFileSync(shared, 'utf8'));
  });
});
