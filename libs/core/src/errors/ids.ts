import { NotFoundError } from './domain-error.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** IDs are UUIDs: anything else cannot name an existing row, so it is NOT_FOUND (never a SQL error). */
export function requireUuid(value: string, entity: string): string {
  if (!isUuid(value)) throw new NotFoundError(entity, value);
  return value;
}
