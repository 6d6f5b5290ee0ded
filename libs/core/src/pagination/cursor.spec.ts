import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BadUserInputError } from '../errors/domain-error.js';
import { Cursors, type CursorType } from './cursor.js';
import { cursorKey } from './cursor-key.js';
import { keysetAfter } from './keyset.js';

const UUID = '0b4a3f7e-5d2c-4e8a-9f1b-2c3d4e5f6a7b';
const cursors = new Cursors(new Uint8Array(32).fill(7));

function expectRefused(decode: () => unknown): void {
  try {
    decode();
  } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    expect((error as BadUserInputError).fields[0].field).toBe('after');
    return;
  }
  throw new Error('expected a BadUserInputError');
}

/** A cursor in the current envelope with a MAC made under `key` (HMAC-SHA256, 16 bytes). */
function signedWith(key: Uint8Array, kind: string, values: unknown[]): string {
  const payload = JSON.stringify([2, kind, values]);
  const mac = createHmac('sha256', key).update(payload).digest().subarray(0, 16).toString('base64url');
  return Buffer.from(`${mac}.${payload}`, 'utf8').toString('base64url');
}

describe('cursors', () => {
  it('round-trips sort values and the id', () => {
    const cursor = cursors.encode('products:PRICE_ASC', [1500, UUID]);
    expect(cursors.decode(cursor, 'products:PRICE_ASC', ['int', 'uuid'])).toEqual([1500, UUID]);
    const newest = cursors.encode('products:NEWEST', ['2026-01-31 12:00:00.123456+00', UUID]);
    expect(cursors.decode(newest, 'products:NEWEST', ['timestamp', 'uuid'])).toHaveLength(2);
  });

  it('refuses edited cursors, cursors of another list and garbage, naming the field', () => {
    const cursor = cursors.encode('products:NEWEST', ['2026-01-01 00:00:00+00', UUID]);
    const text = Buffer.from(cursor, 'base64url').toString('utf8').replace('2026', '2027');
    const edited = Buffer.from(text, 'utf8').toString('base64url');
    for (const bad of [edited, 'not a cursor', 'abc', cursors.encode('cooperatives', ['x', UUID])]) {
      expectRefused(() => cursors.decode(bad, 'products:NEWEST', ['timestamp', 'uuid']));
    }
  });

  it('refuses a cursor made without the key: the old unkeyed checksum, or another key', () => {
    const payload = JSON.stringify([2, 'products:PRICE_ASC', [1500, UUID]]);
    const sum = createHash('sha256').update(`taawoun-cursor:${payload}`).digest('base64url').slice(0, 10);
    const unkeyed = Buffer.from(`${sum}.${payload}`, 'utf8').toString('base64url');
    const otherKey = signedWith(new Uint8Array(32).fill(8), 'products:PRICE_ASC', [1500, UUID]);
    for (const bad of [unkeyed, otherKey]) {
      expectRefused(() => cursors.decode(bad, 'products:PRICE_ASC', ['int', 'uuid']));
    }
    // The same cursor signed with the right key is accepted: the MAC alone made the difference.
    const good = signedWith(new Uint8Array(32).fill(7), 'products:PRICE_ASC', [1500, UUID]);
    expect(cursors.decode(good, 'products:PRICE_ASC', ['int', 'uuid'])).toEqual([1500, UUID]);
  });

  it.each<[CursorType, unknown[], unknown[]]>([
    ['int', [0, -5, 2147483647], ['1', 1.5, 2147483648, null, true]],
    ['float', [0.25, -1, 3], ['0.25', null, false]],
    ['decimal', ['0.571429', '1', '-2.5'], [0.5, '1e5', 'NaN', '1.', '', ' 1']],
    ['uuid', [UUID], ['x', 1, `${UUID} `, null]],
    ['string', ['Al Manal', ''], [1, null, 'a\u0000b']],
    [
      'timestamp',
      ['2026-01-31 12:00:00.123456+00', '2024-02-29 23:59:59+01:00', '2026-06-01T00:00:00-05'],
      ['yesterday', '2026-02-30 00:00:00+00', '2026-13-01 00:00:00+00', '2026-01-01 25:00:00+00', 5],
    ],
    ['boolean', [true, false], ['true', 0, null]],
  ])('checks %s values even in a validly signed cursor', (type, good, bad) => {
    for (const value of good) {
      const cursor = cursors.encode('k', [value as never, UUID]);
      expect(cursors.decode(cursor, 'k', [type, 'uuid'])).toEqual([value, UUID]);
    }
    for (const value of bad) {
      const cursor = cursors.encode('k', [value as never, UUID]);
      expectRefused(() => cursors.decode(cursor, 'k', [type, 'uuid']));
    }
  });

  it('refuses a cursor with more or fewer values than the list expects', () => {
    expectRefused(() => cursors.decode(cursors.encode('k', [UUID]), 'k', ['string', 'uuid']));
    expectRefused(() => cursors.decode(cursors.encode('k', ['a', 'b', UUID]), 'k', ['string', 'uuid']));
  });
});

describe('cursorKey', () => {
  const base = { DATA_DIR: '/nonexistent', isProduction: false };

  it('derives the same key from the same secret (replicas agree), a different one otherwise', () => {
    const a = cursorKey({ ...base, JWT_SECRET: 'j'.repeat(40) });
    expect(Buffer.from(cursorKey({ ...base, JWT_SECRET: 'j'.repeat(40) }))).toEqual(Buffer.from(a));
    expect(a).toHaveLength(32);
    // Not the JWT secret itself: the derived key is bound to cursors.
    expect(Buffer.from(a).toString()).not.toContain('jjjj');
    const own = cursorKey({ ...base, JWT_SECRET: 'j'.repeat(40), CURSOR_SECRET: 'c'.repeat(40) });
    expect(Buffer.from(own)).not.toEqual(Buffer.from(a));
    expect(Buffer.from(cursorKey({ ...base, CURSOR_SECRET: 'c'.repeat(40) }))).toEqual(Buffer.from(own));
  });

  it('outside production without secrets, generates one secret into DATA_DIR and keeps it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cursor-key-'));
    const first = cursorKey({ DATA_DIR: dir, isProduction: false });
    expect(readFileSync(path.join(dir, 'cursor-secret'), 'utf8').length).toBeGreaterThanOrEqual(32);
    expect(Buffer.from(cursorKey({ DATA_DIR: dir, isProduction: false }))).toEqual(Buffer.from(first));
  });

  it('refuses to run in production without a secret', () => {
    expect(() => cursorKey({ DATA_DIR: '/nonexistent', isProduction: true })).toThrow(/JWT_SECRET/);
  });
});

describe('keysetAfter', () => {
  it('uses a row comparison when every column has one direction', () => {
    expect(
      keysetAfter(
        [
          { expr: 'p.price', direction: 'ASC' },
          { expr: 'p.id', direction: 'ASC' },
        ],
        3,
      ),
    ).toBe('(p.price, p.id) > ($3, $4)');
  });

  it('expands mixed directions', () => {
    expect(
      keysetAfter(
        [
          { expr: 'rank', direction: 'DESC' },
          { expr: 'id', direction: 'ASC' },
        ],
        1,
      ),
    ).toBe('((rank < $1) OR (rank = $1 AND id > $2))');
  });
});
