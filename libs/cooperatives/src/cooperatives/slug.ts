/** Longest slug base; room is left for a "-NNN" suffix within the 120-character column. */
export const SLUG_BASE_MAX = 100;

/** What a name with no transliterable letter at all (e.g. only emoji) becomes. */
export const SLUG_FALLBACK = 'cooperative';

/** Latin letters that NFD does not decompose into a base letter and a mark. */
const LATIN_SPECIAL: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/**
 * A simple, readable romanisation of Arabic letters (no vowel marks are written in Arabic,
 * so vowels appear only where a long vowel letter stands). Close to the French-influenced
 * spellings used in Morocco for consonants such as ش (ch) and ج (j).
 */
const ARABIC: Record<string, string> = {
  ا: 'a',
  أ: 'a',
  إ: 'i',
  آ: 'a',
  ٱ: 'a',
  ء: '',
  ؤ: 'o',
  ئ: 'i',
  ب: 'b',
  ت: 't',
  ث: 'th',
  ج: 'j',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'ch',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  ع: 'a',
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ڭ: 'g',
  گ: 'g',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  ة: 'a',
  و: 'ou',
  ي: 'i',
  ى: 'a',
  پ: 'p',
  ڤ: 'v',
  '٠': '0',
  '١': '1',
  '٢': '2',
  '٣': '3',
  '٤': '4',
  '٥': '5',
  '٦': '6',
  '٧': '7',
  '٨': '8',
  '٩': '9',
};

/**
 * The URL slug of a cooperative name: accents stripped (Coopérative → cooperative), Arabic
 * romanised (المنال → almnal), anything else a dash; never empty.
 */
export function slugify(name: string): string {
  const romanise = (text: string) =>
    [...text.toLowerCase()].map((ch) => ARABIC[ch] ?? LATIN_SPECIAL[ch] ?? ch).join('');
  // Composed letters first (إ is one letter), then compatibility forms (Arabic ligatures).
  const latin = romanise(romanise(name.normalize('NFC')).normalize('NFKD')).replace(/\p{M}/gu, '');
  const slug = latin
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_BASE_MAX)
    .replace(/-+$/g, '');
  return slug || SLUG_FALLBACK;
}

/**
 * The first free slug for `base` given the slugs already taken that start with it:
 * `base`, then `base-2`, `base-3`, ...
 */
export function nextFreeSlug(base: string, taken: readonly string[]): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}
