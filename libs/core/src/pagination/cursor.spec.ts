import { BadUserInputError } from '../errors/domain-error.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { keysetAfter } from './keyset.js';

describe('cursors', () => {
  it('round-trips sort values and the id', () => {
    const cursor = encodeCursor('products:PRICE_ASC', [1500, 'a1b2']);
    expect(decodeCursor(cursor, 'products:PRICE_ASC', 2)).toEqual([1500, 'a1b2']);
  });

  it('refuses edited cursors, cursors of another list and garbage, naming the field', () => {
    const cursor = encodeCursor('products:NEWEST', ['2026-01-01', 'id']);
    const text = Buffer.from(cursor, 'base64url').toString('utf8').replace('2026', '2027');
    const edited = Buffer.from(text, 'utf8').toString('base64url');
    for (const bad of [edited, 'not a cursor', 'abc', encodeCursor('cooperatives', ['x', 'id'])]) {
      try {
        decodeCursor(bad, 'products:NEWEST', 2);
        throw new Error('expected a BadUserInputError');
      } catch (error) {
        expect(error).toBeInstanceOf(BadUserInputError);
        expect((error as BadUserInputError).fields[0].field).toBe('after');
      }
    }
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
