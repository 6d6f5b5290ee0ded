import { describe, expect, it } from 'vitest';
import { barsOf, partsOf, TRACK } from './chart-data';

const item = (key: string, count: number, share: number) => ({ key, label: key, count, share });

describe('barsOf', () => {
  it('scales the bars so the largest spans the track, largest first', () => {
    const bars = barsOf([item('b', 5, 0.25), item('a', 10, 0.5), item('c', 5, 0.25)], 10, 'others');
    expect(bars.map((b) => [b.key, b.length])).toEqual([
      ['a', TRACK],
      ['b', TRACK / 2],
      ['c', TRACK / 2],
    ]);
  });

  it('folds what is past the limit into one "others" bar with the summed count and share', () => {
    const bars = barsOf(
      [item('a', 6, 0.6), item('b', 2, 0.2), item('c', 1, 0.1), item('d', 1, 0.1)],
      2,
      'Autres',
    );
    expect(bars.map((b) => [b.label, b.count])).toEqual([
      ['a', 6],
      ['b', 2],
      ['Autres', 2],
    ]);
    expect(bars[2].share).toBeCloseTo(0.2);
    expect(bars[2].length).toBeCloseTo(TRACK / 3);
  });

  it('gives empty bars, not NaN, when every count is zero, and nothing for no items', () => {
    expect(barsOf([item('a', 0, 0)], 5, 'o')[0].length).toBe(0);
    expect(barsOf([], 5, 'o')).toEqual([]);
  });
});

describe('partsOf', () => {
  it('splits a whole into the part and the rest', () => {
    expect(partsOf(3, 12)).toEqual({ part: 0.25, rest: 0.75 });
  });
  it('is 0 and 0 for an empty whole, and clamps a part larger than the whole', () => {
    expect(partsOf(0, 0)).toEqual({ part: 0, rest: 0 });
    expect(partsOf(5, 4)).toEqual({ part: 1, rest: 0 });
  });
});
