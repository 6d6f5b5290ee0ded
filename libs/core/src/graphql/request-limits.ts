import type { FastifyRequest } from 'fastify';
import { GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { ErrorCode } from '../errors/error-codes.js';
import {
  ACCOUNT_OPERATIONS,
  oneOfRootFieldsRule,
  operationLimitsRule,
  type GraphqlLimits,
} from './limits.js';

/**
 * How many distinct documents are kept parsed (here) and parsed, validated and compiled (by
 * Mercurius, whose cache keeps up to twice this many good and twice this many refused documents).
 * A storefront sends a few dozen distinct documents; a client sending more only misses the cache.
 * The worst case is bounded: a document of GRAPHQL_MAX_TOKENS tokens parses to about 1.3 MB.
 */
export const DOCUMENT_CACHE_SIZE = 32;

/** A request refused before execution; `errors` name each problem (Mercurius' validation-error shape). */
export class GraphqlRequestRefused extends Error {
  constructor(readonly errors: GraphQLError[]) {
    super(errors[0]?.message ?? 'GraphQL request refused');
  }
}

/** A bounded map that forgets the least recently used entry first. */
class RecentDocuments {
  private readonly entries = new Map<string, DocumentNode>();
  constructor(private readonly size: number) {}

  get(source: string): DocumentNode | undefined {
    const document = this.entries.get(source);
    if (document) {
      this.entries.delete(source);
      this.entries.set(source, document);
    }
    return document;
  }

  set(source: string, document: DocumentNode): DocumentNode {
    this.entries.set(source, document);
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
    return document;
  }
}

/**
 * Parses with the token cap before Mercurius does. Mercurius parses with the same cap, but when its
 * parse fails it tries the text as a JSON syntax tree, which no cap bounds (and which would let a
 * client skip the GraphQL parser): a document that does not parse here is refused here.
 */
function boundedParse(source: string, maxTokens: number): DocumentNode {
  try {
    return parse(source, { maxTokens, noLocation: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : 'Syntax Error';
    throw new GraphQLError(message.replace('contains more that', 'contains more than'), {
      extensions: { code: ErrorCode.GRAPHQL_PARSE_FAILED },
    });
  }
}

/** The variables and operation name of a GraphQL request (POST body, or GET query string). */
function requestParameters(request: FastifyRequest | undefined): {
  variables: Record<string, unknown> | undefined;
  operationName: string | undefined;
} {
  const params = (request?.method === 'GET' ? request.query : request?.body) as
    { variables?: unknown; operationName?: unknown } | string | undefined | null;
  if (!params || typeof params !== 'object') return { variables: undefined, operationName: undefined };
  let variables = params.variables;
  if (typeof variables === 'string') {
    try {
      variables = JSON.parse(variables) as unknown;
    } catch {
      // Mercurius refuses the request itself.
      variables = undefined;
    }
  }
  return {
    variables:
      variables && typeof variables === 'object' ? (variables as Record<string, unknown>) : undefined,
    operationName: typeof params.operationName === 'string' ? params.operationName : undefined,
  };
}

/**
 * Mercurius `preParsing` hook: the checks that depend on the request's variables and operation
 * name (variable coercion, depth, cost, aliases, one account operation per request), on every
 * request, over a document parsed once per distinct text. Because these checks run here rather
 * than as per-request validation rules, Mercurius can cache each document's parse and standard
 * validation and compile it (JIT). A refused request answers as a validation failure does.
 */
export function requestLimitsHook(limits: Omit<GraphqlLimits, 'production'>, maxTokens: number) {
  const documents = new RecentDocuments(DOCUMENT_CACHE_SIZE);
  return (schema: GraphQLSchema, source: string, context: { reply?: { request: FastifyRequest } }): void => {
    const document = documents.get(source) ?? documents.set(source, boundedParse(source, maxTokens));
    const { variables, operationName } = requestParameters(context.reply?.request);
    const errors = validate(schema, document, [
      operationLimitsRule(limits, variables, operationName),
      oneOfRootFieldsRule(ACCOUNT_OPERATIONS, operationName),
    ]);
    if (errors.length) throw new GraphqlRequestRefused([...errors]);
  };
}
