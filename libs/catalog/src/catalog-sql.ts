/** "Today" for certificate validity: the date in Morocco, whatever the server's time zone. */
export const TODAY_SQL = `(now() AT TIME ZONE 'Africa/Casablanca')::date`;

/** SQL for whether certification row `alias` is valid today: verified and not expired. */
export function validCertificationSql(alias: string): string {
  return `(${alias}.verified AND (${alias}.expires_on IS NULL OR ${alias}.expires_on >= ${TODAY_SQL}))`;
}
