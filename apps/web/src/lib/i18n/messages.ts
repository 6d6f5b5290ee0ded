import type { Locale } from './locale';

/**
 * One space's dictionaries: French is the source of the keys, and Arabic and English must
 * give every one of them (a missing translation is a type error).
 */
export type Dictionary<Keys extends string> = Readonly<Record<Keys, string>>;
export type Messages<Keys extends string> = Readonly<Record<Locale, Dictionary<Keys>>>;

/** `defineMessages(fr, { ar, en })`: the keys of `fr` are required in every language. */
export function defineMessages<const Fr extends Record<string, string>>(
  fr: Fr,
  others: { ar: Dictionary<keyof Fr & string>; en: Dictionary<keyof Fr & string> },
): Messages<keyof Fr & string> {
  return { fr, ...others };
}

export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * `{name}` placeholders replaced by `params` (a linear scan; our own texts, but no regular
 * expression anyway). An unknown placeholder is left as written.
 */
export function interpolate(text: string, params?: MessageParams): string {
  if (!params) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    const close = text.indexOf('}', open + 1);
    if (close < 0) break;
    const name = text.slice(open + 1, close);
    out += text.slice(i, open);
    out += Object.hasOwn(params, name) ? String(params[name]) : text.slice(open, close + 1);
    i = close + 1;
  }
  return out + text.slice(i);
}
