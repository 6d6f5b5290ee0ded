import { productSlug } from './product-slug.js';

describe('productSlug', () => {
  it('keeps names readable and ASCII', () => {
    expect(productSlug('Miel de thym — 500 g')).toBe('miel-de-thym-500-g');
    expect(productSlug("Huile d'argan bio pressée à froid")).toBe('huile-d-argan-bio-pressee-a-froid');
    expect(productSlug('Œufs & crème')).toBe('oeufs-creme');
  });

  it('falls back when no Latin letter is left', () => {
    expect(productSlug('عسل الزعتر')).toBe('product');
    expect(productSlug('---')).toBe('product');
  });

  it('is bounded', () => {
    expect(productSlug('a'.repeat(500)).length).toBeLessThanOrEqual(120);
  });
});
