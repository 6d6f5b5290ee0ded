import type { GraphqlContext } from './graphql-options.js';

/** A field resolver GraphQL calls as is: no Nest parameter decorators, pipes or per-call promise. */
export type DirectFieldResolver<TParent = never, TArgs = Record<string, unknown>> = (
  parent: TParent,
  args: TArgs,
  context: GraphqlContext,
) => unknown;

type ResolverMap = Record<string, Record<string, unknown>>;

/**
 * Hot object fields (a product's name, cooperative, images... asked for every product of a page)
 * resolved directly instead of through Nest's per-call wrapper (ExternalContextCreator: parameter
 * factories, pipes over every parameter, a Promise per call), which cost ~11 % of the API's CPU on
 * a catalog page. The field stays declared with `@ResolveField` (schema, description, cost); the
 * resolver class registers the same method here in its constructor, and GraphQL's resolver map
 * gets it when the schema is built (after every provider is constructed). Field resolvers run no
 * guards, interceptors or filters in this app (no `fieldResolverEnhancers`), so only the wrapper
 * goes: a direct resolver must not depend on pipes (its arguments are GraphQL-coerced scalars/enums).
 * One instance per app (see CoreModule), so test apps in one process never share resolvers.
 */
export class DirectFieldResolvers {
  private readonly byType = new Map<string, Map<string, DirectFieldResolver<unknown, never>>>();

  add<TParent, TArgs>(type: string, field: string, resolve: DirectFieldResolver<TParent, TArgs>): void {
    let fields = this.byType.get(type);
    if (!fields) this.byType.set(type, (fields = new Map<string, DirectFieldResolver<unknown, never>>()));
    if (fields.has(field)) throw new Error(`Direct resolver ${type}.${field} registered twice`);
    fields.set(field, resolve as DirectFieldResolver<unknown, never>);
  }

  /**
   * Nest's `transformResolvers`: each registered field replaces the wrapped `@ResolveField` one.
   * Nest hands a list of resolver maps (scalars, then the explored resolvers) or one map.
   */
  apply = (resolvers: ResolverMap | ResolverMap[]): ResolverMap | ResolverMap[] => {
    const maps = Array.isArray(resolvers) ? resolvers : [resolvers];
    for (const [type, fields] of this.byType) {
      for (const [field, resolve] of fields) {
        const owner = maps.find((map) => map[type] && field in map[type]);
        if (!owner) throw new Error(`Direct resolver ${type}.${field} has no @ResolveField declaring it`);
        owner[type][field] = resolve;
      }
    }
    return resolvers;
  };
}
