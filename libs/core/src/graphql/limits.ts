import {
  GraphQLError,
  Kind,
  NoSchemaIntrospectionCustomRule,
  getNamedType,
  isListType,
  getNullableType,
  type ValidationContext,
  type ValidationRule,
  type ASTVisitor,
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
  ];
  if (limits.production) rules.push(NoSchemaIntrospectionCustomRule);
  return rules;
}
