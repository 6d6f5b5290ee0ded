import { createHmac, timingSafeEqual } from 'node:crypto';
import { BadUserInputError } from '../errors/domain-error.js';
import { isUuid } from '../errors/ids.js';

/** A value a keyset cursor may hold: the sort key values and the row id. */
export type CursorValue = string | number | boolean | null;

/**
 * What one cursor value must be before it reaches SQL, checked on every decoded cursor:
 * - `string`: any text without NUL (PostgreSQL refuses NUL in text);
 * - `int`: an integer within PostgreSQL's `integer`;
 * - `float`: a finite number;
 * - `decimal`: a decimal number written as text (a `numeric` read back from PostgreSQL);
 * - `uuid`: a UUID;
 * - `timestamp`: PostgreSQL's text form of a `timestamptz`, e.g. `2026-01-31 12:00:00.123456+00`;
 * - `boolean`.
 */
export type CursorType = 'string' | 'int' | 'float' | 'decimal' | 'uuid' | 'timestamp' | 'boolean';

const VERSION = 2;
/** Bytes of HMAC-SHA256 kept in a cursor: 128 bits. */
const MAC_BYTES = 16;
const MAX_CURSOR_LENGTH = 2048;
const INT4_MIN = -2_147_483_648;
const INT4_MAX = 2_147_483_647;

const DECIMAL = /^-?\d{1,30}(?:\.\d{1,30})?$/;
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?([+-])(\d{2})(?::?(\d{2}))?$/;

function isTimestamp(value: string): boolean {
  const m = TIMESTAMP.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second, , offsetHours, offsetMinutes] = [
    m[1],
    m[2],
    m[3],
    m[4],
    m[5],
    m[6],
    m[7],
    m[8],
    m[9] ?? '0',
  ].map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1 &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHours <= 15 &&
    offsetMinutes <= 59
  );
}

function hasType(value: unknown, type: CursorType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string' && !value.includes('\u0000');
    case 'int':
      return Number.isInteger(value) && (value as number) >= INT4_MIN && (value as number) <= INT4_MAX;
    case 'float':
      return typeof value === 'number' && Number.isFinite(value);
    case 'decimal':
      return typeof value === 'string' && DECIMAL.test(value);
    case 'uuid':
      return isUuid(value);
    case 'timestamp':
      return typeof value === 'string' && isTimestamp(value);
    case 'boolean':
      return typeof value === 'boolean';
  }
}

/**
 * Opaque keyset cursors, signed with HMAC-SHA256 under the server's cursor key (see
 * {@link cursorKey}), so a client can neither forge one nor edit one, and every replica sharing
 * the secret reads every other's cursors. A decoded cursor is also checked value by value
 * against the types its list expects, so even a validly signed cursor never reaches SQL with a
 * value of the wrong type. Provided by the CoreModule.
 */
export class Cursors {
  constructor(private readonly key: Uint8Array) {
    if (key.length < 32) throw new Error('The cursor key must be at least 32 bytes');
  }

  private mac(payload: string): Buffer {
    return createHmac('sha256', this.key).update(payload, 'utf8').digest().subarray(0, MAC_BYTES);
  }

  /**
   * Encodes the sort-key values of a row (ending with its id) into a cursor. `kind` names the
   * list and ordering (e.g. "products:PRICE_ASC"), so a cursor from one list or sort is refused
   * by another.
   */
  encode(kind: string, values: readonly CursorValue[]): string {
    const payload = JSON.stringify([VERSION, kind, values]);
    return Buffer.from(`${this.mac(payload).toString('base64url')}.${payload}`, 'utf8').toString('base64url');
  }

  /**
   * Decodes a cursor made by {@link encode} for the same `kind`, whose values have the given
   * `types` (one per value); anything else (garbage, a forged or edited cursor, another list's
   * cursor, a value of the wrong type) is a BAD_USER_INPUT on `field`.
   */
  decode(cursor: string, kind: string, types: readonly CursorType[], field = 'after'): CursorValue[] {
    const invalid = () => BadUserInputError.field(field, 'is not a valid cursor for this list');
    if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
    const text = Buffer.from(cursor, 'base64url').toString('utf8');
    const dot = text.indexOf('.');
    if (dot < 0) throw invalid();
    const given = Buffer.from(text.slice(0, dot), 'base64url');
    const payload = text.slice(dot + 1);
    const expected = this.mac(payload);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload);
    } catch {
      throw invalid();
    }
    if (!Array.isArray(parsed) || parsed.length !== 3 || parsed[0] !== VERSION || parsed[1] !== kind)
      throw invalid();
    const values: unknown = parsed[2];
    if (!Array.isArray(values) || values.length !== types.length) throw invalid();
    if (!values.every((value, i) => hasType(value, types[i]))) throw invalid();
    return values as CursorValue[];
  }
}
