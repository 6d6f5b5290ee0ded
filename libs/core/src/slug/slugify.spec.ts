import fc from 'fast-check';
import {
  insertWithFreeSlug,
  slugSuffix,
  SLUG_SUFFIX_ATTEMPTS,
  SLUG_SUFFIX_LENGTH,
} from './slug-allocation.js';
import { slugify, SLUG_MAX_LENGTH } from './slugify.js';
import { ConflictError } from '../errors/domain-error.js';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = (name: string) => slugify(name, 'item');

/** Text mixing ASCII, accented Latin, Arabic (with tashkeel and tatweel), emoji and punctuation. */
const mixedText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(..."abcXYZ019 -_.,!?/'’—".split('')),
    fc.constantFrom(...'éÈçÇßÆœØłİıĳﬁ²½Ⅻ'.split('')),
    fc.constantFrom(...'عسلالزعترإأآءؤئةىـًٌٍَُِّْ٠١٢٣۴گڭ،؟'.split('')),
    fc.constantFrom('🐝', 'ⵜ', '\u200c', '\u200d', '\u00ad', '\u202e', '\t', '\n'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 300,
});

describe('slugify', () => {
  it('folds accents and the Latin letters NFKD leaves whole', () => {
    expect(slug('Coopérative Al-Manal')).toBe('cooperative-al-manal');
    expect(slug('  Safwat Ibdaa Bladi  ')).toBe('safwat-ibdaa-bladi');
    expect(slug("Huile d'argan bio pressée à froid")).toBe('huile-d-argan-bio-pressee-a-froid');
    expect(slug('Miel de thym — 500 g')).toBe('miel-de-thym-500-g');
    expect(slug('Œuvre Straße Ærø Łódź')).toBe('oeuvre-strasse-aero-lodz');
    expect(slug('ﬁne ½ İstanbul')).toBe('fine-1-2-istanbul');
  });

  it('romanises Arabic, dropping tashkeel and tatweel, and maps Arabic-Indic digits', () => {
    expect(slug('عسل الزعتر')).toBe('asl-alzatr');
    expect(slug('تعاونية المنال')).toBe('taaounia-almnal');
    expect(slug('صفوة إبداع بلادي')).toBe('sfoua-ibdaa-bladi');
    expect(slug('عَسَلُ الزَّعْتَر')).toBe('asl-alzatr');
    expect(slug('عســـل')).toBe('asl');
    expect(slug('تعاونية ٢٠٢٠')).toBe('taaounia-2020');
    expect(slug('ﻻ')).toBe('la');
  });

  it('answers the fallback when nothing is left', () => {
    expect(slugify('🐝🐝', 'product')).toBe('product');
    expect(slugify('ⵜⴰⵎⵓⵏⵜ', 'cooperative')).toBe('cooperative');
    expect(slugify('---', 'product')).toBe('product');
    expect(slugify('', 'product')).toBe('product');
  });

  it('caps the length without a trailing hyphen', () => {
    expect(slug('a'.repeat(500))).toHaveLength(SLUG_MAX_LENGTH);
    expect(slug(`${'a'.repeat(99)} bcd`)).toBe('a'.repeat(99));
    expect(slugify('abc def', 'x', 4)).toBe('abc');
  });

  it('always matches the slug grammar within the length cap', () => {
    fc.assert(
      fc.property(mixedText, fc.integer({ min: 1, max: 120 }), (text, max) => {
        const out = slugify(text, 'item', Math.max(max, 4));
        expect(out).toMatch(SLUG);
        expect(out.length).toBeLessThanOrEqual(Math.max(max, 4));
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(mixedText, (text) => {
        const once = slug(text);
        expect(slug(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('slug allocation', () => {
  it('makes lower-case base32 suffixes', () => {
    for (let i = 0; i < 200; i++)
      expect(slugSuffix()).toMatch(new RegExp(`^[a-z2-7]{${SLUG_SUFFIX_LENGTH}}$`));
  });

  it('tries the base first, then random suffixes', async () => {
    const tried: string[] = [];
    const id = await insertWithFreeSlug(
      'amlou',
      (s) => {
        tried.push(s);
        return Promise.resolve(tried.length === 3 ? 'id-1' : null);
      },
      'input.name',
    );
    expect(id).toBe('id-1');
    expect(tried[0]).toBe('amlou');
    for (const s of tried.slice(1)) expect(s).toMatch(/^amlou-[a-z2-7]{5}$/);
    expect(new Set(tried).size).toBe(3);
  });

  it('gives up after a bounded number of attempts with a CONFLICT naming the field', async () => {
    let attempts = 0;
    const promise = insertWithFreeSlug(
      'amlou',
      () => {
        attempts++;
        return Promise.resolve(null);
      },
      'input.name',
    );
    await expect(promise).rejects.toBeInstanceOf(ConflictError);
    await expect(promise).rejects.toMatchObject({ extensions: { fields: [{ field: 'input.name' }] } });
    expect(attempts).toBe(1 + SLUG_SUFFIX_ATTEMPTS);
  });
});
