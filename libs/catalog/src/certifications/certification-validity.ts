/** "Today" for certificate validity: the date in Morocco, whatever the server's time zone. */
export const TODAY_SQL = `(now() AT TIME ZONE 'Africa/Casablanca')::date`;

/**
 * Whether a certificate is valid today, the one place this rule is written: verified and not
 * expired. An SQL predicate over the certification row `alias`, used by every read (a
 * certificate's `valid`, the `certified` filter, the certification facet).
 */
export function validCertificationSql(alias: string): string {
  return `(${alias}.verified AND (${alias}.expires_on IS NULL OR ${alias}.expires_on >= ${TODAY_SQL}))`;
}
