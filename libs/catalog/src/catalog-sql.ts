/** "Today" for certificate validity: the date in Morocco, whatever the server's time zone. */
export const TODAY_SQL = `(now() AT TIME ZONE 'Africa/Casablanca')::date`;

/** SQL for whether certification row `alias` is valid today: verified and not expired. */
export function validCertificationSql(alias: string): string {
  return `(${alias}.verified AND (${alias}.expires_on IS NULL OR ${alias}.expires_on >= ${TODAY_SQL}))`;
}

/** Products anyone may see: PUBLISHED, of an APPROVED cooperative (joined as `c`), read live. */
export const PUBLIC_PRODUCT_SQL = `(p.status = 'PUBLISHED' AND c.status = 'APPROVED')`;

/** A PostgreSQL error's SQLSTATE and constraint, when it is one. */
export function pgError(error: unknown): { code?: string; constraint?: string; detail?: string } {
  if (error && typeof error === 'object') {
    const e = error as { code?: unknown; constraint?: unknown; detail?: unknown; driverError?: unknown };
    const source = (e.driverError && typeof e.driverError === 'object' ? e.driverError : e) as {
      code?: unknown;
      constraint?: unknown;
      detail?: unknown;
    };
    return {
      code: typeof source.code === 'string' ? source.code : undefined,
      constraint: typeof source.constraint === 'string' ? source.constraint : undefined,
      detail: typeof source.detail === 'string' ? source.detail : undefined,
    };
  }
  return {};
}
