import { nextFreeSlug, slugify, SLUG_FALLBACK } from './slug.js';

describe('slugify', () => {
  it('strips accents and punctuation', () => {
    expect(slugify('Coopérative Al-Manal')).toBe('cooperative-al-manal');
    expect(slugify('  Safwat Ibdaa Bladi  ')).toBe('safwat-ibdaa-bladi');
    expect(slugify("Tissage d'Ouarzazate & Fils")).toBe('tissage-d-ouarzazate-fils');
    expect(slugify('Œuvre Straße Ærø')).toBe('oeuvre-strasse-aero');
  });

  it('romanises Arabic names', () => {
    expect(slugify('تعاونية المنال')).toBe('taaounia-almnal');
    expect(slugify('صفوة إبداع بلادي')).toBe('sfoua-ibdaa-bladi');
    expect(slugify('تعاونية ٢٠٢٠')).toBe('taaounia-2020');
  });

  it('falls back when nothing is transliterable, and stays within the column', () => {
    expect(slugify('🐝🐝')).toBe(SLUG_FALLBACK);
    expect(slugify('ⵜⴰⵎⵓⵏⵜ')).toBe(SLUG_FALLBACK);
    const long = slugify('a'.repeat(99) + ' bcd');
    expect(long.length).toBeLessThanOrEqual(100);
    expect(long.endsWith('-')).toBe(false);
  });
});

describe('nextFreeSlug', () => {
  it('suffixes -2, -3 on collisions', () => {
    expect(nextFreeSlug('al-manal', [])).toBe('al-manal');
    expect(nextFreeSlug('al-manal', ['al-manal'])).toBe('al-manal-2');
    expect(nextFreeSlug('al-manal', ['al-manal', 'al-manal-2', 'al-manal-4'])).toBe('al-manal-3');
  });
});
