import { jest } from '@jest/globals';
import { GraphQLError, GraphQLInt, coerceInputValue } from 'graphql';
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

  it('drops suggestions in production without running a regular expression over the message', () => {
    const clientText = ' Did you mean'.repeat(2_000);
    const methods = [
      Symbol.replace,
      Symbol.match,
      Symbol.matchAll,
      Symbol.search,
      Symbol.split,
      'exec',
      'test',
    ];
    const spies: { mock: { calls: unknown[][] }; mockRestore(): void }[] = methods.map((method) =>
      jest.spyOn(
        RegExp.prototype as unknown as Record<string | symbol, (...args: unknown[]) => unknown>,
        method,
      ),
    );
    try {
      const noSuggestion = formatGraphqlError(
        new GraphQLError(`Enum "Sort" cannot represent non-enum value: "${clientText}".`),
        { production: true, log },
      );
      expect(
        noSuggestion.message.startsWith('Enum "Sort" cannot represent non-enum value: " Did you mean'),
      ).toBe(true);
      const suggested = formatGraphqlError(
        new GraphQLError('Cannot query field "region" on type "Query". Did you mean "regions"?'),
        { production: true, log },
      );
      expect(suggested.message).toBe('Cannot query field "region" on type "Query".');
      const sawClientText = spies.some((spy) =>
        spy.mock.calls.some((args) => args.some((a) => typeof a === 'string' && a.includes(clientText))),
      );
      expect(sawClientText).toBe(false);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it('keeps suggestions outside production', () => {
    const formatted = formatGraphqlError(
      new GraphQLError('Cannot query field "region" on type "Query". Did you mean "regions"?'),
      { production: false, log },
    );
    expect(formatted.message).toBe('Cannot query field "region" on type "Query". Did you mean "regions"?');
  });

  it('answers a coercion error of GraphQL itself as BAD_USER_INPUT, shortened, without logging it', () => {
    let coercion: GraphQLError | undefined;
    coerceInputValue('z'.repeat(100_000), GraphQLInt, (path, value, error) => {
      coercion = new GraphQLError(`Variable "$first" got invalid value; ${error.message}`, {
        originalError: error,
      });
    });
    const formatted = formatGraphqlError(coercion!, { production: true, log });
    expect(formatted.extensions!.code).toBe('BAD_USER_INPUT');
    expect(formatted.message.length).toBeLessThan(1_100);
    expect(logged).toHaveLength(0);
  });

  it('logs an unexpected error with its message and stack shortened', () => {
    formatGraphqlError(
      fromResolver(new Error(`invalid input syntax for type uuid: "${'q'.repeat(1_000_000)}"`)),
      {
        production: true,
        log,
      },
    );
    expect(logged).toHaveLength(1);
    const [entry] = logged[0] as [{ err: { message: string; stack?: string } }];
    expect(entry.err.message.length).toBeLessThan(1_100);
    expect((entry.err.stack ?? '').length).toBeLessThan(5_000);
  });
});
