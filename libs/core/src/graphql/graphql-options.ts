import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import { GraphQLError, NoSchemaIntrospectionCustomRule, type ExecutionResult } from 'graphql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app-config.js';
import { RequestContext } from '../context/request-context.js';
import { ErrorCode } from '../errors/error-codes.js';
import { formatGraphqlError } from '../errors/graphql-error-formatter.js';
import { graphqlErrors } from '../http/metrics.js';
import type { DirectFieldResolvers } from './direct-field-resolvers.js';
import { DOCUMENT_CACHE_SIZE, requestLimitsHook } from './request-limits.js';

declare module 'fastify' {
  interface FastifyRequest {
    rc?: RequestContext;
  }
}

/** The GraphQL context every resolver sees: `rc` is the request's {@link RequestContext}. */
export interface GraphqlContext {
  rc: RequestContext;
  reply: FastifyReply;
}

interface MercuriusErrorLike extends Error {
  code?: string;
  statusCode?: number;
  errors?: unknown[];
}

function asMercuriusError(error: unknown): MercuriusErrorLike | undefined {
  return error instanceof Error ? error : undefined;
}

function flatten(errors: readonly GraphQLError[]): GraphQLError[] {
  return errors.flatMap((error) => {
    const nested = asMercuriusError(error.originalError)?.errors;
    if (!Array.isArray(nested)) return [error];
    return nested.map((inner) => {
      if (inner instanceof GraphQLError) return inner;
      const e = inner as MercuriusErrorLike;
      return new GraphQLError(e.message, { extensions: { code: ErrorCode.GRAPHQL_VALIDATION_FAILED } });
    });
  });
}

/**
 * Mercurius options: GraphQL at POST /graphql (no built-in GraphiQL: it loads from a CDN; see
 * graphiql.ts), depth and cost limits, an alias cap, and one error formatter for the contract's codes.
 */
export function graphqlOptions(
  config: AppConfig,
  directResolvers?: DirectFieldResolvers,
): MercuriusDriverConfig {
  const limits = {
    maxDepth: config.GRAPHQL_MAX_DEPTH,
    maxCost: config.GRAPHQL_MAX_COST,
    maxAliases: config.GRAPHQL_MAX_ALIASES,
    production: config.isProduction,
  };
  return {
    path: '/graphql',
    graphiql: false,
    autoSchemaFile: true,
    sortSchema: true,
    allowBatchedQueries: false,
    graphql: { parseOptions: { maxTokens: config.GRAPHQL_MAX_TOKENS } },
    // The checks that need the request's variables run in this hook, so that the validation rules
    // are the same for every request and Mercurius can cache each document parsed, validated and
    // compiled with graphql-jit (from its second use).
    hooks: { preParsing: requestLimitsHook(limits, config.GRAPHQL_MAX_TOKENS) },
    cache: DOCUMENT_CACHE_SIZE,
    jit: 1,
    ...(directResolvers ? { transformResolvers: directResolvers.apply } : {}),
    validationRules: limits.production ? [NoSchemaIntrospectionCustomRule] : [],
    context: (request: FastifyRequest, reply: FastifyReply): GraphqlContext => ({
      rc: request.rc ?? new RequestContext(request.id, request.ip, request.headers.authorization ?? null),
      reply,
    }),
    errorFormatter: (
      execution: ExecutionResult & { statusCode?: number },
      context: { reply?: FastifyReply },
    ) => {
      const http = httpError(execution.errors ?? []);
      if (http) return http;
      const log = context.reply?.log;
      const errors = flatten(execution.errors ?? []).map((error) =>
        formatGraphqlError(error, { production: limits.production, log: log ?? silentLog }),
      );
      for (const error of errors) {
        const code = error.extensions?.code;
        graphqlErrors.inc({ code: typeof code === 'string' ? code : 'UNKNOWN' });
      }
      const executed = execution.data !== undefined && execution.data !== null;
      const statusCode = executed
        ? 200
        : (execution.statusCode ?? (errors.every((e) => !e.path) ? 400 : 200));
      return { statusCode, response: { data: execution.data ?? null, errors } };
    },
  } as MercuriusDriverConfig;
}

/** Errors of the HTTP layer (body too large, bad content type) that Mercurius routes through GraphQL errors. */
function httpError(errors: readonly GraphQLError[]) {
  const original = asMercuriusError(errors[0]?.originalError);
  if (errors.length !== 1 || !original?.code?.startsWith('FST_') || typeof original.statusCode !== 'number')
    return null;
  const code = original.statusCode === 413 ? ErrorCode.PAYLOAD_TOO_LARGE : ErrorCode.BAD_REQUEST;
  return {
    statusCode: original.statusCode,
    response: { data: null, errors: [{ message: original.message, extensions: { code } }] },
  };
}

const noop = () => undefined;
const silentLog = {
  error: noop,
  warn: noop,
  info: noop,
  debug: noop,
  trace: noop,
  fatal: noop,
  child: () => silentLog,
  level: 'silent',
  silent: noop,
} as never;
