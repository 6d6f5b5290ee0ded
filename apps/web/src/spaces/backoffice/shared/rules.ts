import type { Rule } from '../../../lib/forms/rules';

/**
 * Client mirrors of API checks that the shared rules do not cover. Each is a linear scan over
 * the value (no regular expression with backtracking on what the user typed).
 */

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}
function isLetterOrDigit(c: string): boolean {
  return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/** ISO date YYYY-MM-DD (the API's foundedOn, issuedOn, expiresOn). */
export const isoDate: Rule = (v) => {
  const value = v.trim();
  if (value === '') return null;
  const ok =
    value.length === 10 &&
    value[4] === '-' &&
    value[7] === '-' &&
    [0, 1, 2, 3, 5, 6, 8, 9].every((i) => isDigit(value[i])) &&
    !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
  return ok ? null : { key: 'form.date' };
};

/** Not after today (the API refuses a foundation date in the future). */
export const notInFuture: Rule = (v) => {
  const value = v.trim();
  if (value === '' || isoDate(value)) return null;
  return value > new Date().toISOString().slice(0, 10) ? { key: 'form.future' } : null;
};

/** SKU / registration-number shape: a letter or digit, then letters, digits and `extra` characters. */
export const code =
  (extra: string, max: number): Rule =>
  (v) => {
    const value = v.trim();
    if (value === '') return null;
    if (value.length > max || !isLetterOrDigit(value[0])) return { key: 'form.code' };
    for (const c of value) if (!isLetterOrDigit(c) && !extra.includes(c)) return { key: 'form.code' };
    return null;
  };

/** #RRGGBB (brand-kit colours). */
export const hexColor: Rule = (v) => {
  const value = v.trim();
  if (value === '') return null;
  const ok =
    value.length === 7 &&
    value[0] === '#' &&
    [...value.slice(1)].every((c) => isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
  return ok ? null : { key: 'form.color' };
};

/** A price in dirhams with at most two decimals, 0.01 to 100 000 (the API takes 1..10 000 000 centimes). */
export const priceMad: Rule = (v) => {
  const value = v.trim().replace(',', '.');
  if (value === '') return null;
  const cents = toCentimes(value);
  if (cents === null) return { key: 'form.price' };
  if (cents < 1 || cents > 10_000_000) return { key: 'form.price' };
  return null;
};

/** "12,50" / "12.5" → 1250; null when not a plain decimal with at most two places. */
export function toCentimes(input: string): number | null {
  const value = input.trim().replace(',', '.');
  const dot = value.indexOf('.');
  const whole = dot < 0 ? value : value.slice(0, dot);
  const frac = dot < 0 ? '' : value.slice(dot + 1);
  if (whole === '' || whole.length > 9 || frac.length > 2) return null;
  if (![...whole].every(isDigit) || ![...frac].every(isDigit)) return null;
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

/** A Moroccan RIB's shape: 24 letters or digits once spaces and dashes are dropped (the API checks the key). */
export const rib: Rule = (v) => {
  const value = compactRib(v);
  if (value === '') return null;
  return value.length === 24 && [...value].every(isLetterOrDigit) ? null : { key: 'form.rib' };
};

/** The RIB without the spaces and dashes people type between its groups. */
export function compactRib(v: string): string {
  let out = '';
  for (const c of v) if (c !== ' ' && c !== '-') out += c;
  return out;
}
