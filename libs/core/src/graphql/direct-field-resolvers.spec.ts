import { describe, expect, it } from '@jest/globals';
import { DirectFieldResolvers } from './direct-field-resolvers.js';

describe('DirectFieldResolvers', () => {
  const wrapped = () => 'wrapped by Nest';

  it('replaces the declared field in the map that holds its type, leaving the others', () => {
    const direct = new DirectFieldResolvers();
    direct.add<{ n: string }, unknown>('Product', 'name', (p) => p.n);
    const scalars = { Date: {} };
    const explored = { Product: { name: wrapped, images: wrapped } };
    const out = direct.apply([scalars, explored]) as [typeof scalars, typeof explored];
    const name = out[1].Product.name as (p: { n: string }) => string;
    expect(name({ n: 'Miel' })).toBe('Miel');
    expect(out[1].Product.images).toBe(wrapped);
  });

  it('refuses, at schema build, a field no @ResolveField declares', () => {
    const direct = new DirectFieldResolvers();
    direct.add('Product', 'nmae', () => null);
    expect(() => direct.apply({ Product: { name: wrapped } })).toThrow(
      'Direct resolver Product.nmae has no @ResolveField declaring it',
    );
  });

  it('refuses the same field registered twice', () => {
    const direct = new DirectFieldResolvers();
    direct.add('Product', 'name', () => null);
    expect(() => direct.add('Product', 'name', () => null)).toThrow('registered twice');
  });
});
