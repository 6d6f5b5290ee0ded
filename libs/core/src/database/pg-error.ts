/** What a PostgreSQL error says: its SQLSTATE, the constraint it names and its detail. */
export interface PgErrorInfo {
  code?: string;
  constraint?: string;
  detail?: string;
}

/**
 * Reads a PostgreSQL error, whether raised by `pg` directly or wrapped by TypeORM
 * (`QueryFailedError.driverError`); empty for anything else.
 */
export function pgError(error: unknown): PgErrorInfo {
  if (!error || typeof error !== 'object') return {};
  const e = error as { driverError?: unknown };
  const source = (e.driverError && typeof e.driverError === 'object' ? e.driverError : error) as Record<
    string,
    unknown
  >;
  const text = (key: string) => (typeof source[key] === 'string' ? source[key] : undefined);
  return { code: text('code'), constraint: text('constraint'), detail: text('detail') };
}

/** The constraint a unique violation (23505) names ('' when unnamed), or null for any other error. */
export function uniqueViolation(error: unknown): string | null {
  const info = pgError(error);
  return info.code === '23505' ? (info.constraint ?? '') : null;
}

/** Whether PostgreSQL cancelled the statement: statement_timeout (57014, query_canceled). */
export function statementCancelled(error: unknown): boolean {
  return pgError(error).code === '57014';
}
