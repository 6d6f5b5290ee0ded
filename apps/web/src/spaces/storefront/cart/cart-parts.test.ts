import { describe, expect, it } from 'vitest';
import { cartParts } from './cart-parts';

const mad = (amount: number) => ({ amount, currency: 'MAD' });
const coop = (id: string, extra: object = {}) => ({ id, slug: id, name: id, ...extra });
const line = (id: string, cooperative: ReturnType<typeof coop>, amount: number) => ({
  id,
  lineTotal: mad(amount),
  variant: { product: { cooperative } },
});

describe('cartParts', () => {
  it('splits the cart per cooperative, in order, each paying the flat shipping fee', () => {
    const a = coop('a');
    const b = coop('b');
    const parts = cartParts([line('1', a, 9000), line('2', b, 12000), line('3', a, 1000)], mad(3000));
    expect(parts.map((p) => [p.cooperative.id, p.lines.map((l) => l.id)])).toEqual([
      ['a', ['1', '3']],
      ['b', ['2']],
    ]);
    expect(parts[0]).toMatchObject({ subtotal: mad(10000), shipping: mad(3000), total: mad(13000) });
    expect(parts[1]).toMatchObject({ subtotal: mad(12000), shipping: mad(3000), total: mad(15000) });
  });

  it('ships free from the cooperative’s threshold (reached exactly included)', () => {
    const generous = coop('g', { freeShippingThreshold: mad(10000) });
    expect(cartParts([line('1', generous, 9999)], mad(3000))[0].shipping).toEqual(mad(3000));
    expect(cartParts([line('1', generous, 10000)], mad(3000))[0].shipping).toEqual(mad(0));
  });

  it('says what is missing to reach the cooperative’s minimum order', () => {
    const strict = coop('s', { minimumOrderAmount: mad(20000) });
    expect(cartParts([line('1', strict, 15000)], mad(3000))[0].missingForMinimum).toEqual(mad(5000));
    expect(cartParts([line('1', strict, 20000)], mad(3000))[0].missingForMinimum).toBeNull();
    expect(cartParts([line('1', coop('n'), 100)], mad(3000))[0].missingForMinimum).toBeNull();
  });
});
