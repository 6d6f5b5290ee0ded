import type { CombinedError } from 'urql';

/** One problem of a BAD_USER_INPUT error: `field` is the argument path, e.g. `input.email`. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** The contract's error code of the first GraphQL error (UNAUTHENTICATED, NOT_FOUND, OUT_OF_STOCK...). */
export function errorCodeOf(error: CombinedError | undefined | null): string | null {
  const code = error?.graphQLErrors[0]?.extensions?.code;
  return typeof code === 'string' ? code : null;
}

/** The field problems of BAD_USER_INPUT (and CONFLICT on a field) errors, as the API sends them. */
export function fieldProblemsOf(error: CombinedError | undefined | null): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const e of error?.graphQLErrors ?? []) {
    const fields = e.extensions?.fields;
    if (!Array.isArray(fields)) continue;
    for (const f of fields as unknown[]) {
      const p = f as Partial<FieldProblem>;
      if (typeof p.field === 'string' && typeof p.message === 'string')
        problems.push({ field: p.field, message: p.message });
    }
  }
  return problems;
}
