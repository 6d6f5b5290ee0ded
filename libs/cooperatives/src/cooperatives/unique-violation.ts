/** The constraint a PostgreSQL unique violation (23505) names, or null for any other error. */
export function uniqueViolation(error: unknown): string | null {
  const driver = (error as { driverError?: { code?: string; constraint?: string } } | null)?.driverError;
  const source = driver ?? (error as { code?: string; constraint?: string } | null);
  return source?.code === '23505' ? (source.constraint ?? '') : null;
}
