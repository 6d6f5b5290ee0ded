import { type ArgumentMetadata, Injectable, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { BadUserInputError, type FieldProblem } from './domain-error.js';

/** Flattens class-validator errors into dotted field paths (`input.variants.0.sku`). */
export function fieldProblems(errors: readonly ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/**
 * GraphQL parameters that are not client input: the parent object a field resolves on (built by
 * our own code), the context and the resolve info. Nest runs global pipes on every parameter of
 * every field resolver, so validating and copying the parent (class-transformer, class-validator)
 * would cost a page of 100 products hundreds of validations for nothing.
 */
const NOT_CLIENT_INPUT: ReadonlySet<unknown> = new Set([
  // @nestjs/graphql's GqlParamtype (not exported): ROOT = 0, CONTEXT = 1, INFO = 2 (ARGS = 3).
  0, 1, 2,
]);

/**
 * The global pipe: validates every argument and input type with class-validator and answers
 * BAD_USER_INPUT listing each offending field, prefixed with the argument's name. Parameters that
 * are not client input pass through untouched.
 */
@Injectable()
export class InputValidationPipe extends ValidationPipe {
  constructor() {
    super({
      transform: true,
      whitelist: true,
      forbidUnknownValues: false,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => new BadUserInputError(fieldProblems(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (NOT_CLIENT_INPUT.has(metadata.type)) return value;
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      // A named argument (`@Args('input')`) prefixes its fields: `input.translations`.
      if (error instanceof BadUserInputError && metadata.data) {
        throw new BadUserInputError(
          error.fields.map((f) => ({ ...f, field: `${metadata.data}.${f.field}` })),
        );
      }
      throw error;
    }
  }
}
