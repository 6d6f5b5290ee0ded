import { HttpException } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { FastifyBaseLogger } from 'fastify';
import { clip } from './clip.js';
import { statementCancelled } from '../database/pg-error.js';
import { DomainError, QueryTimeoutError } from './domain-error.js';
import { ErrorCode } from './error-codes.js';

/** Longest GraphQL-own message sent back (they may quote client text), and logged. */
const MAX_MESSAGE = 1_000;
const MAX_STACK = 4_000;

/**
 * The message without GraphQL's trailing suggestion (` Did you mean "x"?`), which would reveal
 * schema names. GraphQL appends it last, after any client text it quotes, so the last occurrence
 * is the one; found with two linear scans, never a regular expression over client text.
 */
export function withoutSuggestion(message: string): string {
  if (!message.endsWith('?')) return message;
  const at = message.lastIndexOf('Did you mean ');
  if (at < 0) return message;
  return message.slice(0, at).trimEnd();
}

/** What is logged of an unexpected error: its message and stack clipped (they may quote client input). */
function loggable(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const message = clip(error.message, MAX_MESSAGE);
  const stack = error.stack ?? '';
  const frames = stack.indexOf('\n    at ');
  return {
    type: error.name,
    message,
    stack: clip(`${error.name}: ${message}${frames >= 0 ? stack.slice(frames) : ''}`, MAX_STACK),
  };
}

export interface FormatOptions {
  production: boolean;
  log: FastifyBaseLogger;
}

/**
 * Maps one GraphQL error to the contract's shape: a DomainError keeps its message and code;
 * parse and validation errors get their GraphQL codes; anything unexpected becomes an
 * INTERNAL_SERVER_ERROR whose details are logged, never sent. A statement cancelled by the
 * statement timeout is QUERY_TIMEOUT, mapped here because field resolvers (`@ResolveField`,
 * e.g. `ProductConnection.totalCount`/`facets`) run without Nest's exception filters.
 */
export function formatGraphqlError(error: GraphQLError, options: FormatOptions): GraphQLFormattedError {
  const original: unknown = statementCancelled(error.originalError)
    ? new QueryTimeoutError()
    : error.originalError;
  const base = { locations: error.locations, path: error.path };
  if (original instanceof DomainError) {
    return {
      ...base,
      message: clip(original.message, MAX_MESSAGE),
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
      return { ...base, message: clip(original.message, MAX_MESSAGE), extensions: { code } };
  }
  const existing = error.extensions?.code;
  // An input value GraphQL could not coerce (a variable at execution): its scalar's GraphQLError, no path.
  const coercion = original instanceof GraphQLError && !error.path;
  if (!original || typeof existing === 'string' || coercion) {
    // Raised by GraphQL itself (syntax, validation, variable coercion) or a limit rule.
    const code =
      typeof existing === 'string'
        ? existing
        : coercion
          ? ErrorCode.BAD_USER_INPUT
          : error.message.startsWith('Syntax Error')
            ? ErrorCode.GRAPHQL_PARSE_FAILED
            : ErrorCode.GRAPHQL_VALIDATION_FAILED;
    const message = clip(options.production ? withoutSuggestion(error.message) : error.message, MAX_MESSAGE);
    return { ...base, message, extensions: { ...error.extensions, code } };
  }
  options.log.error(
    { err: loggable(original), path: error.path?.join('.') },
    'unexpected error in a resolver',
  );
  return {
    ...base,
    message: 'Internal server error',
    extensions: options.production
      ? { code: ErrorCode.INTERNAL_SERVER_ERROR }
      : {
          code: ErrorCode.INTERNAL_SERVER_ERROR,
          detail: original instanceof Error ? clip(original.message, MAX_MESSAGE) : 'non-Error thrown',
        },
  };
}
