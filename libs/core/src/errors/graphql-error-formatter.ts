import { HttpException } from '@nestjs/common';
import { type GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { FastifyBaseLogger } from 'fastify';
import { DomainError } from './domain-error.js';
import { ErrorCode } from './error-codes.js';

const SUGGESTION = / ?Did you mean .*\?$/;

export interface FormatOptions {
  production: boolean;
  log: FastifyBaseLogger;
}

/**
 * Maps one GraphQL error to the contract's shape: a DomainError keeps its message and code;
 * parse and validation errors get their GraphQL codes; anything unexpected becomes an
 * INTERNAL_SERVER_ERROR whose details are logged, never sent.
 */
export function formatGraphqlError(error: GraphQLError, options: FormatOptions): GraphQLFormattedError {
  const original: unknown = error.originalError;
  const base = { locations: error.locations, path: error.path };
  if (original instanceof DomainError) {
    return {
      ...base,
      message: original.message,
      extensions: { ...original.extensions, code: original.code },
    };
  }
  if (original instanceof HttpException) {
    const status = original.getStatus();
    const code =
      status === 401
        ? ErrorCode.UNAUTHENTICATED
        : status === 403
          ? ErrorCode.FORBIDDEN
          : status === 404
            ? ErrorCode.NOT_FOUND
            : status === 429
              ? ErrorCode.TOO_MANY_REQUESTS
              : status < 500
                ? ErrorCode.BAD_USER_INPUT
                : ErrorCode.INTERNAL_SERVER_ERROR;
    if (code !== ErrorCode.INTERNAL_SERVER_ERROR)
      return { ...base, message: original.message, extensions: { code } };
  }
  const existing = error.extensions?.code;
  if (!original || typeof existing === 'string') {
    // Raised by GraphQL itself (syntax, validation, variable coercion) or a limit rule.
    const code =
      typeof existing === 'string'
        ? existing
        : error.message.startsWith('Syntax Error')
          ? ErrorCode.GRAPHQL_PARSE_FAILED
          : ErrorCode.GRAPHQL_VALIDATION_FAILED;
    const message = options.production ? error.message.replace(SUGGESTION, '') : error.message;
    return { ...base, message, extensions: { ...error.extensions, code } };
  }
  options.log.error({ err: original, path: error.path?.join('.') }, 'unexpected error in a resolver');
  return {
    ...base,
    message: 'Internal server error',
    extensions: options.production
      ? { code: ErrorCode.INTERNAL_SERVER_ERROR }
      : {
          code: ErrorCode.INTERNAL_SERVER_ERROR,
          detail: original instanceof Error ? original.message : 'non-Error thrown',
        },
  };
}
