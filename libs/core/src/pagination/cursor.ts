import { createHash } from 'node:crypto';
import { BadUserInputError } from '../errors/domain-error.js';

/** A value a keyset cursor may hold: the sort key values and the row id. */
export type CursorValue = string | number | boolean | null;

const VERSION = 1;

function checksum(payload: string): string {
  return createHash('sha256').update(`taawoun-cursor:${payload}`).digest('base64url').slice(0, 10);
}

/**
 * Encodes the sort-key values of a row (ending with its id) into an opaque cursor.
 * `kind` names the ordering (e.g. "products:PRICE_ASC"), so a cursor from one list or sort
 * is refused by another.
 */
export function encodeCursor(kind: string, values: readonly CursorValue[]): string {
  const payload = JSON.stringify([VERSION, kind, values]);
  return Buffer.from(`${checksum(payload)}.${payload}`, 'utf8').toString('base64url');
}

/**
 * Decodes a cursor made by {@link encodeCursor} for the same `kind` and arity; anything else
 * (garbage, an edited cursor, another list's cursor) is a BAD_USER_INPUT on `field`.
 */
export function decodeCursor(cursor: string, kind: string, arity: number, field = 'after'): CursorValue[] {
  const invalid = () => BadUserInputError.field(field, 'is not a valid cursor for this list');
  if (cursor.length > 2048 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const dot = text.indexOf('.');
  if (dot < 0) throw invalid();
  const [sum, payload] = [text.slice(0, dot), text.slice(dot + 1)];
  if (checksum(payload) !== sum) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || parsed[0] !== VERSION || parsed[1] !== kind)
    throw invalid();
  const values: unknown = parsed[2];
  if (!Array.isArray(values) || values.length !== arity) throw invalid();
  for (const v of values) {
    if (v !== null && !['string', 'number', 'boolean'].includes(typeof v)) throw invalid();
  }
  return values as CursorValue[];
}
