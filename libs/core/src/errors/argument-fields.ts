import { BadUserInputError, ConflictError, type FieldProblem } from './domain-error.js';

/**
 * Where a service's domain fields sit among a GraphQL operation's arguments: a prefix for all
 * of them (`'input'`: `certificationIds.0` → `input.certificationIds.0`), or a path per domain
 * field, matching it and its sub-fields (`{ 'variants.0': 'input' }`: `variants.0.sku` →
 * `input.sku`), fields not listed left as they are.
 */
export type ArgumentPaths = string | Readonly<Record<string, string>>;

/** The argument path of one domain field. */
export function argumentPath(field: string, paths: ArgumentPaths): string {
  if (typeof paths === 'string') return `${paths}.${field}`;
  let best: string | null = null;
  for (const key of Object.keys(paths))
    if ((field === key || field.startsWith(`${key}.`)) && (best === null || key.length > best.length))
      best = key;
  return best === null ? field : `${paths[best]}${field.slice(best.length)}`;
}

/**
 * Services raise errors naming domain fields; a resolver says once where they sit among its
 * arguments: `return this.service.create(rc, input).catch(argumentFields('input'))`. Rethrows
 * `error` with its field paths mapped (BAD_USER_INPUT problems, a CONFLICT's field); any other
 * error unchanged.
 */
export function argumentFields(paths: ArgumentPaths): (error: unknown) => never {
  return (error: unknown) => {
    throw withArgumentPaths(error, paths);
  };
}

/** `error` with its field paths mapped by {@link argumentFields}. */
export function withArgumentPaths(error: unknown, paths: ArgumentPaths): unknown {
  if (error instanceof BadUserInputError)
    return new BadUserInputError(error.fields.map((f) => ({ ...f, field: argumentPath(f.field, paths) })));
  if (error instanceof ConflictError) {
    const fields = error.extensions.fields as FieldProblem[] | undefined;
    if (fields?.length) return new ConflictError(error.message, argumentPath(fields[0].field, paths));
  }
  return error;
}
