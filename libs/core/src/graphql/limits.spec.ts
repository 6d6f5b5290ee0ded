import { buildSchema, parse, validate } from 'graphql';
import { limitRules } from './limits.js';

const schema = buildSchema(`
  type Query { things(first: Int = 20, after: String): ThingConnection!  tags: [Tag!]! }
  type ThingConnection { edges: [ThingEdge!]!  totalCount: Int! }
  type ThingEdge { cursor: String!  node: Thing! }
  type Thing { id: ID!  tags: [Tag!]! }
  type Tag { name: String! }
`);

function cost(query: string, maxCost = 1_000_000): string[] {
  const rules = limitRules({ maxDepth: 10, maxCost, maxAliases: 30, production: false }, {});
  return validate(schema, parse(query), rules).map((e) => e.message);
}

describe('query depth', () => {
  it('counts nested fields through fragments and refuses past the limit', () => {
    const rules = limitRules({ maxDepth: 3, maxCost: 1_000_000, maxAliases: 30, production: false }, {});
    const check = (query: string) => validate(schema, parse(query), rules).map((e) => e.message);
    expect(check('{ things { edges { cursor } } }')).toEqual([]);
    expect(check('{ things { edges { node { id } } } }')).toEqual([
      'The query depth is 4, more than the limit of 3',
    ]);
    expect(check('{ things { ...F } } fragment F on ThingConnection { edges { node { id } } }')).toEqual([
      'The query depth is 4, more than the limit of 3',
    ]);
  });

  it('does not count introspection (refused in production; GraphiQL needs it deep)', () => {
    const rules = limitRules({ maxDepth: 3, maxCost: 100, maxAliases: 30, production: false }, {});
    const deep = '{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }';
    expect(validate(schema, parse(deep), rules)).toEqual([]);
  });
});

describe('query cost', () => {
  it('counts a connection page `first` times, and its edges once', () => {
    // tags: 1 + name 1 × 10 = 11; node: 1 + id 1 + tags 11 = 13; edges: 1 + cursor 1 + node 13 = 15; connection: 1 + 15 × 100
    expect(cost('{ things(first: 100) { edges { cursor node { id tags { name } } } } }', 1500)).toEqual([
      'The query costs 1501, more than the limit of 1500',
    ]);
    expect(cost('{ things(first: 100) { edges { cursor node { id tags { name } } } } }', 1501)).toEqual([]);
  });

  it('uses the default page size when first is not given', () => {
    expect(cost('{ things { edges { node { id } } } }', 20)).toEqual([
      'The query costs 61, more than the limit of 20',
    ]);
  });

  it('counts the aliases cap', () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `t${i}: tags { name }`).join(' ');
    expect(cost(`{ ${aliases} }`)).toContain('The query uses more than 30 aliases');
  });
});
