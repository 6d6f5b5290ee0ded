import { ErrorCode } from './error-codes.js';

/** One offending input field: a dotted path (`input.variants.0.sku`) and what is wrong with it. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * The base of every error a service throws on purpose. The GraphQL error formatter maps
 * it once to `extensions.code` (and `extensions.fields` for input problems); anything else
 * that escapes a resolver is an internal error and is logged, never shown.
 */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  readonly extensions: Record<string, unknown> = {};

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = ErrorCode.UNAUTHENTICATED;
  constructor(message = 'You must be signed in') {
    super(message);
  }
}

export class ForbiddenError extends DomainError {
  readonly code = ErrorCode.FORBIDDEN;
  constructor(message = 'You are not allowed to do this') {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  readonly code = ErrorCode.NOT_FOUND;
  constructor(entity: string, id?: string) {
    super(id === undefined ? `${entity} not found` : `${entity} ${id} not found`);
    this.extensions.entity = entity;
  }
}

export class BadUserInputError extends DomainError {
  readonly code = ErrorCode.BAD_USER_INPUT;
  constructor(readonly fields: FieldProblem[]) {
    super(fields.map((f) => `${f.field}: ${f.message}`).join('; ') || 'Invalid input');
    this.extensions.fields = fields;
  }

  static field(field: string, message: string): BadUserInputError {
    return new BadUserInputError([{ field, message }]);
  }
}

export class ConflictError extends DomainError {
  readonly code = ErrorCode.CONFLICT;
  constructor(message: string, field?: string) {
    super(message);
    if (field) this.extensions.fields = [{ field, message }];
  }
}

export class InvalidStateTransitionError extends DomainError {
  readonly code = ErrorCode.INVALID_STATE_TRANSITION;
  constructor(entity: string, from: string, to: string) {
    super(`${entity} cannot go from ${from} to ${to}`);
    Object.assign(this.extensions, { entity, from, to });
  }
}

export class OutOfStockError extends DomainError {
  readonly code = ErrorCode.OUT_OF_STOCK;
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message);
    Object.assign(this.extensions, details);
  }
}

export class TooManyRequestsError extends DomainError {
  readonly code = ErrorCode.TOO_MANY_REQUESTS;
  constructor(message = 'Too many attempts, try again later', retryAfterSeconds?: number) {
    super(message);
    if (retryAfterSeconds !== undefined) this.extensions.retryAfterSeconds = retryAfterSeconds;
  }
}

/** A database statement ran past DATABASE_STATEMENT_TIMEOUT_MS and was cancelled (SQLSTATE 57014). */
export class QueryTimeoutError extends DomainError {
  readonly code = ErrorCode.QUERY_TIMEOUT;
  constructor(message = 'The request took too long and was cancelled; narrow it down or try again later') {
    super(message);
  }
}
