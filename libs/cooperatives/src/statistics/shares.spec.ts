import fc from 'fast-check';
import { sharesOf } from './shares.js';

describe('sharesOf', () => {
  it('gives count / total and sums to exactly 1 in list order', () => {
    expect(sharesOf([1478, 561, 510])).toEqual([1478 / 2549, 561 / 2549, 1 - (1478 / 2549 + 561 / 2549)]);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 12 }),
        (counts) => {
          fc.pre(counts.some((c) => c > 0));
          const shares = sharesOf(counts);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(1);
          shares.forEach((share, i) =>
            expect(share).toBeCloseTo(counts[i] / counts.reduce((a, b) => a + b, 0), 12),
          );
        },
      ),
    );
  });

  it('answers zeros for an empty set', () => {
    expect(sharesOf([0, 0])).toEqual([0, 0]);
  });
});
