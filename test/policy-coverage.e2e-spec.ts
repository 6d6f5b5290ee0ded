import { ModulesContainer, MetadataScanner } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { CooperativeScopeRegistry, POLICY_KEY, type PolicySpec } from '@taawoun/identity';
import type { GraphQLField, GraphQLObjectType } from 'graphql';
import { startTestApi, type TestApi } from './support/test-api.js';

/**
 * Nothing ships unguarded: every root field of the generated schema (Query, Mutation,
 * Subscription) must be served by a Nest handler that declares a policy with `@Policy.*`, and
 * every policy must be well-formed (its scope argument exists, its entity scope is registered).
 * The guard also refuses undeclared operations at run time; this test catches them before that.
 */
const RESOLVER_TYPE_METADATA = 'graphql:resolver_type';
const RESOLVER_NAME_METADATA = 'graphql:resolver_name';
const ROOT_TYPES = ['Query', 'Mutation', 'Subscription'] as const;

interface Handler {
  where: string;
  policy: PolicySpec | undefined;
}

let t: TestApi;
let handlers: Map<string, Handler[]>;
let rootFields: { type: string; field: GraphQLField<unknown, unknown> }[];

beforeAll(async () => {
  t = await startTestApi();
  handlers = rootHandlers();
  const schema = t.api.app.get(GraphQLSchemaHost).schema;
  rootFields = ROOT_TYPES.flatMap((name) => {
    const type = schema.getType(name) as GraphQLObjectType | undefined;
    return type ? Object.values(type.getFields()).map((field) => ({ type: name, field })) : [];
  });
});
afterAll(() => t.close());

/** Every Query/Mutation/Subscription handler of every provider, keyed "Type.field". */
function rootHandlers(): Map<string, Handler[]> {
  const scanner = new MetadataScanner();
  const found = new Map<string, Handler[]>();
  for (const module of t.api.app.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const method of scanner.getAllMethodNames(prototype)) {
        const fn = prototype[method] as object;
        const type = Reflect.getMetadata(RESOLVER_TYPE_METADATA, fn) as string | undefined;
        if (!type || !(ROOT_TYPES as readonly string[]).includes(type)) continue;
        const name = (Reflect.getMetadata(RESOLVER_NAME_METADATA, fn) as string | undefined) ?? method;
        const key = `${type}.${name}`;
        const policy = Reflect.getMetadata(POLICY_KEY, fn) as PolicySpec | undefined;
        found.set(key, [
          ...(found.get(key) ?? []),
          { where: `${prototype.constructor.name}.${method}`, policy },
        ]);
      }
    }
  }
  return found;
}

describe('policy coverage', () => {
  it('finds the handlers of the schema (the walk is not vacuous)', () => {
    expect(rootFields.length).toBeGreaterThan(5);
    expect(handlers.get('Mutation.login')?.[0].policy).toEqual({ public: true });
    expect(handlers.get('Query.me')?.[0].where).toBe('AuthResolver.me');
  });

  it('every query, mutation and subscription of the schema declares a policy', () => {
    const unguarded = rootFields
      .map(({ type, field }) => `${type}.${field.name}`)
      .filter((key) => !(handlers.get(key) ?? []).some((h) => h.policy !== undefined))
      .map(
        (key) =>
          `${key} (${(handlers.get(key) ?? []).map((h) => h.where).join(', ') || 'no Nest handler found'})`,
      );
    expect(unguarded).toEqual([]);
  });

  it('every policy allows someone, names existing arguments and registered entity scopes', () => {
    const registry = t.api.app.get(CooperativeScopeRegistry);
    const problems: string[] = [];
    for (const { type, field } of rootFields) {
      for (const { where, policy } of handlers.get(`${type}.${field.name}`) ?? []) {
        if (!policy) continue;
        const rules = [policy.public, policy.authenticated, policy.platformRoles?.length, policy.cooperative];
        if (!rules.some(Boolean)) problems.push(`${where}: the policy allows nobody`);
        const scope = policy.cooperative?.scope;
        if (!scope) continue;
        const root = scope.arg.split('.')[0];
        if (!field.args.some((a) => a.name === root))
          problems.push(
            `${where}: scope argument "${scope.arg}" is not an argument of ${type}.${field.name}`,
          );
        if (scope.entity && !registry.has(scope.entity))
          problems.push(`${where}: no cooperative scope registered for entity "${scope.entity}"`);
        if (policy.cooperative!.roles.length === 0)
          problems.push(`${where}: a cooperative rule with no role`);
      }
    }
    expect(problems).toEqual([]);
  });
});
