import {
  GraphQLError,
  Kind,
  NoSchemaIntrospectionCustomRule,
  getNamedType,
  isListType,
  getNullableType,
  type ASTVisitor,
  type SelectionNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import {
  createComplexityRule,
  fieldExtensionsEstimator,
  type ComplexityEstimator,
} from 'graphql-query-complexity';
import { ErrorCode } from '../errors/error-codes.js';
import { DEFAULT_PAGE_SIZE } from '../pagination/page-args.js';

export interface GraphqlLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  production: boolean;
}

/** Introspection (`__schema`, `__type`) is refused in production and free elsewhere (GraphiQL needs depth 15). */
function isIntrospection(name: string): boolean {
  return name === '__schema' || name === '__type';
}

/**
 * Refuses an operation whose selections nest deeper than `max` fields (fragments followed),
 * before anything executes. Introspection is not counted: see {@link isIntrospection}.
 */
export function maxDepthRule(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const depthOf = (selections: readonly SelectionNode[], seen: ReadonlySet<string>): number => {
      let deepest = 0;
      for (const selection of selections) {
        if (selection.kind === Kind.FIELD) {
          if (isIntrospection(selection.name.value)) continue;
          const below = selection.selectionSet ? depthOf(selection.selectionSet.selections, seen) : 0;
          deepest = Math.max(deepest, 1 + below);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet.selections, seen));
        } else {
          const name = selection.name.value;
          const fragment = context.getFragment(name);
          if (fragment && !seen.has(name)) {
            deepest = Math.max(deepest, depthOf(fragment.selectionSet.selections, new Set([...seen, name])));
          }
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet.selections, new Set());
        if (depth > max) {
          context.reportError(
            new GraphQLError(`The query depth is ${depth}, more than the limit of ${max}`, {
              nodes: [node],
              extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit: 'depth', max, actual: depth },
            }),
          );
        }
      },
    };
  };
}

/** Refuses documents with more than `max` aliases, the cheapest way to multiply work in one request. */
export function maxAliasesRule(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let count = 0;
    return {
      Field(node) {
        if (node.alias) count += 1;
        if (count === max + 1) {
          context.reportError(
            new GraphQLError(`The query uses more than ${max} aliases`, {
              nodes: [node],
              extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit: 'aliases', max },
            }),
          );
        }
      },
    };
  };
}

/**
 * Cost of a field: connections (fields with a `first` argument) cost their children times the
 * page size (their `edges` once); other lists their children times 10; everything else 1 plus
 * its children.
 */
const paginationEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (isIntrospection(field.name)) return 0;
  // A connection's `edges` list is already counted `first` times by the connection field.
  if (field.name === 'edges') return 1 + childComplexity;
  if (field.args.some((a) => a.name === 'first')) {
    const first = typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE;
    return 1 + childComplexity * Math.max(first, 1);
  }
  if (
    isListType(getNullableType(field.type)) &&
    getNamedType(field.type).astNode?.kind !== Kind.ENUM_TYPE_DEFINITION
  ) {
    return 1 + childComplexity * 10;
  }
  return 1 + childComplexity;
};

/** Validation rules for one request: cost (needs the variables), aliases, and no introspection in production. */
export function limitRules(
  limits: GraphqlLimits,
  variables: Record<string, unknown> | undefined,
  operationName?: string,
) {
  const rules: ValidationRule[] = [
    createComplexityRule({
      maximumComplexity: limits.maxCost,
      variables: variables ?? {},
      operationName,
      estimators: [fieldExtensionsEstimator(), paginationEstimator],
      createError: (max, actual) =>
        new GraphQLError(`The query costs ${actual}, more than the limit of ${max}`, {
          extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit: 'cost', max, actual },
        }),
    }),
    maxAliasesRule(limits.maxAliases),
    maxDepthRule(limits.maxDepth),
  ];
  if (limits.production) rules.push(NoSchemaIntrospectionCustomRule);
  return rules;
}
