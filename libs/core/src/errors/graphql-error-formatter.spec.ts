import { GraphQLError } from 'graphql';
import { BadUserInputError, NotFoundError } from './domain-error.js';
import { formatGraphqlError } from './graphql-error-formatter.js';

const logged: unknown[] = [];
const log = { error: (...args: unknown[]) => logged.push(args) } as never;

function fromResolver(original: Error): GraphQLError {
  return new GraphQLError(original.message, { path: ['field'], originalError: original });
}

describe('formatGraphqlError', () => {
  beforeEach(() => logged.splice(0));

  it('maps domain errors to their code and details, without logging them', () => {
    const formatted = formatGraphqlError(
      fromResolver(BadUserInputError.field('input.name', 'must not be empty')),
      {
        production: true,
        log,
      },
    );
    expect(formatted.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'input.name', message: 'must not be empty' }],
    });
    expect(
      formatGraphqlError(fromResolver(new NotFoundError('Product', 'x')), { production: true, log })
        .extensions!.code,
    ).toBe('NOT_FOUND');
    expect(logged).toHaveLength(0);
  });

  it('hides unexpected errors in production: a generic message, no detail, no stack; logged once', () => {
    const formatted = formatGraphqlError(fromResolver(new TypeError('secret internals at db.ts:42')), {
      production: true,
      log,
    });
    expect(formatted.message).toBe('Internal server error');
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(JSON.stringify(formatted)).not.toContain('secret');
    expect(logged).toHaveLength(1);
  });

  it('keeps the message of an unexpected error as detail outside production', () => {
    const formatted = formatGraphqlError(fromResolver(new TypeError('boom')), { production: false, log });
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', detail: 'boom' });
  });
});
