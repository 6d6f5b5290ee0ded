import { Kind, buildSchema, parse, specifiedRules, validate, type GraphQLObjectType } from 'graphql';
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

  it('counts a `first: 0` page honestly: its totals once, its edges zero times', () => {
    // connection 1 + totalCount 1 + edges (1 + node (1 + id 1)) × 0
    expect(cost('{ things(first: 0) { totalCount edges { node { id } } } }', 1)).toEqual([
      'The query costs 2, more than the limit of 1',
    ]);
    // The totals are counted once, not `first` times.
    expect(cost('{ things(first: 100) { totalCount } }', 1)).toEqual([
      'The query costs 2, more than the limit of 1',
    ]);
  });

  it("takes a field's own cost from its `cost` extension, a number or a function of its arguments", () => {
    const connection = schema.getType('ThingConnection') as GraphQLObjectType;
    const query = schema.getQueryType()!;
    const totalCount = connection.getFields().totalCount as { extensions: Record<string, unknown> };
    const things = query.getFields().things as { extensions: Record<string, unknown> };
    totalCount.extensions = { cost: 500 };
    things.extensions = { cost: (args: { first?: number }) => (args.first === 0 ? 1000 : 1) };
    try {
      // things 1000 + totalCount 500
      expect(cost('{ things(first: 0) { totalCount } }', 1)).toEqual([
        'The query costs 1500, more than the limit of 1',
      ]);
      // things 1 + totalCount 500 + edges (1 + cursor 1) × 2
      expect(cost('{ things(first: 2) { totalCount edges { cursor } } }', 1)).toEqual([
        'The query costs 505, more than the limit of 1',
      ]);
    } finally {
      totalCount.extensions = {};
      things.extensions = {};
    }
  });

  it('counts the aliases cap', () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `t${i}: tags { name }`).join(' ');
    expect(cost(`{ ${aliases} }`)).toContain('The query uses more than 30 aliases');
  });
});

/** Counts how often each fragment's selections are read while `rules` validate `query`. */
function fragmentReads(query: string, rules: ReturnType<typeof limitRules>): number {
  const document = parse(query);
  let reads = 0;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.FRAGMENT_DEFINITION) continue;
    const selectionSet = definition.selectionSet;
    Object.defineProperty(definition, 'selectionSet', {
      get: () => {
        reads += 1;
        return selectionSet;
      },
    });
  }
  validate(schema, document, rules);
  return reads;
}

describe('fragment spreads', () => {
  // Fi spreads Fi+1 twice: 2^levels paths through levels + 1 fragments.
  const bomb = (levels: number, operations: string) =>
    `${operations} ${Array.from({ length: levels }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(' ')} fragment F${levels} on Query { tags { name } }`;

  it('reads each fragment a bounded number of times, however often it is spread', () => {
    const rules = limitRules(
      { maxDepth: 10, maxCost: 1_000_000, maxAliases: 30, production: false },
      {},
      'B',
    );
    const reads = fragmentReads(bomb(14, 'query A { __typename } query B { ...F0 }'), rules);
    // 15 fragments: a handful of reads each (graphql's visitor, our analysis), not 2^14.
    expect(reads).toBeLessThanOrEqual(15 * 4);
  });

  it('measures only the executed operation', () => {
    const rules = limitRules({ maxDepth: 10, maxCost: 100, maxAliases: 30, production: false }, {}, 'A');
    expect(validate(schema, parse(bomb(14, 'query A { __typename } query B { ...F0 }')), rules)).toEqual([]);
  });

  it('counts a spread fragment once per spread in cost and aliases, computed once', () => {
    // F14 costs 11; 2^14 spreads of it.
    expect(cost(bomb(14, '{ ...F0 }'), 100)).toEqual([
      `The query costs ${2 ** 14 * 11}, more than the limit of 100`,
    ]);
    const aliased = `{ ...A ...A } fragment A on Query { ...B ...B } fragment B on Query { a: tags { name } b: tags { name } c: tags { name } d: tags { name } }`;
    expect(cost(aliased)).toEqual([]);
    const rules = limitRules({ maxDepth: 10, maxCost: 1_000_000, maxAliases: 15, production: false }, {});
    expect(validate(schema, parse(aliased), rules).map((e) => e.message)).toEqual([
      'The query uses more than 15 aliases',
    ]);
  });

  it('survives fragment cycles (reported by GraphQL itself)', () => {
    const rules = limitRules({ maxDepth: 3, maxCost: 100, maxAliases: 30, production: false }, {});
    const query = '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A tags { name } }';
    expect(validate(schema, parse(query), [...specifiedRules, ...rules]).map((e) => e.message)).toEqual([
      'Cannot spread fragment "A" within itself via "B".',
    ]);
  });
});
