/** Longest slug {@link slugify} returns: with a `-` and a 5-character suffix it fits a 120-character column. */
export const SLUG_MAX_LENGTH = 100;

/** Letters that NFKD does not decompose into an ASCII base letter and marks. */
const LATIN_SPECIAL: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŋ: 'ng',
  ĸ: 'q',
  ſ: 's',
};

/**
 * A simple, readable romanisation of Arabic letters (vowel marks are rarely written, so vowels
 * appear only where a long vowel letter stands), close to the French-influenced spellings used
 * in Morocco (ش ch, ج j, و ou). Also the letters Moroccan Arabic and Persian add (ڭ گ ڤ پ چ ژ),
 * and Arabic-Indic and Persian digits.
 */
const ARABIC: Readonly<Record<string, string>> = {
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
  ک: 'k',
  ڭ: 'g',
  گ: 'g',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  ة: 'a',
  و: 'ou',
  ي: 'i',
  ی: 'i',
  ى: 'a',
  پ: 'p',
  چ: 'ch',
  ژ: 'j',
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
  '۰': '0',
  '۱': '1',
  '۲': '2',
  '۳': '3',
  '۴': '4',
  '۵': '5',
  '۶': '6',
  '۷': '7',
  '۸': '8',
  '۹': '9',
};

/** Tatweel (the Arabic stretching stroke): decoration inside a word, dropped. */
const TATWEEL = 'ـ';
const MARK = /^\p{M}$/u;
/** Invisible format characters (ZWNJ, ZWJ, soft hyphen, bidi marks): dropped, they join a word. */
const FORMAT = /^\p{Cf}$/u;

/**
 * One lower-case character as ASCII letters and digits, with a space where it separates words
 * ('' drops it: marks, tatweel, invisible joiners).
 */
function fold(ch: string): string {
  const mapped = ARABIC[ch] ?? LATIN_SPECIAL[ch];
  if (mapped !== undefined) return mapped;
  if (ch === TATWEEL || MARK.test(ch) || FORMAT.test(ch)) return '';
  if (/^[a-z0-9]$/.test(ch)) return ch;
  let out = '';
  // Compatibility decomposition: é → e + ◌́, ﬁ → fi, ² → 2, ½ → 1⁄2, Arabic presentation forms.
  for (const part of ch.normalize('NFKD')) {
    const table = ARABIC[part] ?? LATIN_SPECIAL[part];
    if (table !== undefined) out += table;
    else if (/^[a-z0-9]$/.test(part)) out += part;
    else if (/^[A-Z]$/.test(part)) out += part.toLowerCase();
    else if (!(part === TATWEEL || MARK.test(part) || FORMAT.test(part))) out += ' ';
  }
  return out;
}

/**
 * The URL slug of a name: lower-case ASCII letters and digits in words joined by single hyphens,
 * at most `maxLength` characters. Accents are folded (Coopérative → cooperative, Straße →
 * strasse), Arabic is romanised (عسل الزعتر → asl-alzatr; tashkeel and tatweel dropped), and any
 * other character separates words. `fallback` (itself a slug) when nothing is left (emoji,
 * Tifinagh).
 *
 * One pass over the characters with no regular expression over the text, stopping once the slug
 * is full: linear in the input, and the output bounded by `maxLength`.
 */
export function slugify(name: string, fallback: string, maxLength = SLUG_MAX_LENGTH): string {
  let slug = '';
  let separate = false;
  // NFC first so that a letter and its combining hamza meet the table as one letter (إ).
  for (const ch of name.normalize('NFC')) {
    // toLowerCase may give more than one character (İ → i + combining dot).
    for (const lower of ch.toLowerCase()) {
      for (const c of fold(lower)) {
        if (c === ' ') {
          separate = slug.length > 0;
          continue;
        }
        const piece = separate ? `-${c}` : c;
        if (slug.length + piece.length > maxLength) return slug || fallback;
        slug += piece;
        separate = false;
      }
    }
  }
  return slug || fallback;
}
