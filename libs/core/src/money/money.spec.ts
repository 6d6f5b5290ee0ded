import fc from 'fast-check';
import { addMoney, allocate, basisPointsOf, money, multiplyMoney, sumMoney } from './money.js';

const centimes = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 });
const weights = fc
  .array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 20 })
  .filter((w) => w.some((x) => x > 0));

describe('allocate', () => {
  it('never loses or creates a centime', () => {
    fc.assert(
      fc.property(centimes, weights, (total, ws) => {
        const parts = allocate(total, ws);
        expect(parts).toHaveLength(ws.length);
        expect(parts.reduce((s, p) => s + p, 0)).toBe(total);
      }),
    );
  });

  it('gives every part within one centime of its exact share, and nothing to a zero weight', () => {
    fc.assert(
      fc.property(centimes, weights, (total, ws) => {
        const sum = ws.reduce((s, w) => s + w, 0);
        allocate(total, ws).forEach((part, i) => {
          const exact = (total * ws[i]) / sum;
          expect(Math.abs(part - exact)).toBeLessThan(1 + 1e-6);
          if (ws[i] === 0) expect(part).toBe(0);
        });
      }),
    );
  });

  it('splits 100 centimes in three as 34, 33, 33', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
  });

  it('refuses fractional totals and all-zero weights', () => {
    expect(() => allocate(10.5, [1])).toThrow(RangeError);
    expect(() => allocate(10, [0, 0])).toThrow(RangeError);
    expect(() => allocate(10, [])).toThrow(RangeError);
  });
});

describe('basisPointsOf', () => {
  it('computes 5% of 12345 centimes as 617 (rounding half up)', () => {
    expect(basisPointsOf(12345, 500)).toBe(617);
    expect(basisPointsOf(10, 500)).toBe(1); // 0.5 -> 1
    expect(basisPointsOf(0, 500)).toBe(0);
  });

  it('is never more than the amount for at most 100%, and monotonic in the amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (amount, bps) => {
          const share = basisPointsOf(amount, bps);
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(amount);
          expect(basisPointsOf(amount + 1, bps)).toBeGreaterThanOrEqual(share);
        },
      ),
    );
  });
});

describe('money arithmetic', () => {
  it('adds, multiplies and sums integer centimes of one currency', () => {
    expect(addMoney(money(150), money(275))).toEqual({ amount: 425, currency: 'MAD' });
    expect(multiplyMoney(money(1999), 3)).toEqual({ amount: 5997, currency: 'MAD' });
    expect(sumMoney([money(1), money(2), money(3)])).toEqual({ amount: 6, currency: 'MAD' });
  });

  it('refuses floats and mixed currencies', () => {
    expect(() => money(0.1)).toThrow(RangeError);
    expect(() => addMoney(money(1, 'MAD'), money(1, 'EUR'))).toThrow(RangeError);
    expect(() => multiplyMoney(money(1), 1.5)).toThrow(RangeError);
  });
});
