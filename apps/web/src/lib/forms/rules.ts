import type { CommonKey } from '../i18n/common-messages';

/** A rule's complaint: a common message key and its parameters (translated where shown). */
export interface RuleProblem {
  key: CommonKey;
  params?: Record<string, number>;
}
/** A client-side check mirroring one of the API's; null when the value passes. */
export type Rule = (value: string) => RuleProblem | null;

/** Length in characters as the API counts them (code points, not UTF-16 units). */
function length(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

export const required: Rule = (v) => (v.trim() === '' ? { key: 'form.required' } : null);

export const minLength =
  (min: number): Rule =>
  (v) =>
    v !== '' && length(v) < min ? { key: 'form.tooShort', params: { min } } : null;

export const maxLength =
  (max: number): Rule =>
  (v) =>
    length(v) > max ? { key: 'form.tooLong', params: { max } } : null;

/**
 * The API's shape check, loosely: one "@", a non-empty local part, a dotted domain without spaces;
 * at most 254 characters. Checked with indexOf, never a backtracking pattern.
 */
export const email: Rule = (v) => {
  const value = v.trim();
  if (value === '') return null;
  const at = value.indexOf('@');
  const ok =
    length(value) <= 254 &&
    at > 0 &&
    at === value.lastIndexOf('@') &&
    !value.includes(' ') &&
    value.indexOf('.', at + 2) > at + 1 &&
    !value.endsWith('.');
  return ok ? null : { key: 'form.email' };
};

/**
 * A phone number as the API accepts it (checkout's AddressInput): an optional "+", a digit, then 7
 * to 22 digits, spaces, dots, dashes or parentheses ("+212 6 12 34 56 78", "06 12 34 56 78").
 */
export const phone: Rule = (v) => {
  const value = v.trim();
  if (value === '') return null;
  const body = value.startsWith('+') ? value.slice(1) : value;
  if (body.length < 8 || body.length > 23 || !(body[0] >= '0' && body[0] <= '9'))
    return { key: 'form.phone' };
  for (const c of body) if (!((c >= '0' && c <= '9') || ' .()-'.includes(c))) return { key: 'form.phone' };
  return null;
};

/** An ISO 3166-1 alpha-2 shape: two letters (the API checks the code is a real country). */
export const countryCode: Rule = (v) => {
  const value = v.trim();
  if (value === '') return null;
  const ok = value.length === 2 && [...value].every((c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
  return ok ? null : { key: 'form.countryCode' };
};

/** A postal code as the API accepts it: 2 to 12 letters, digits, spaces or dashes. */
export const postalCode: Rule = (v) => {
  const value = v.trim();
  if (value === '') return null;
  const ok =
    value.length >= 2 &&
    value.length <= 12 &&
    [...value].every((c) => /[A-Za-z0-9]/.test(c) || c === ' ' || c === '-');
  return ok ? null : { key: 'form.postalCode' };
};

export const integer =
  (min: number, max: number): Rule =>
  (v): RuleProblem | null => {
    const value = v.trim();
    if (value === '') return null;
    if (!/^-?\d{1,15}$/.test(value)) return { key: 'form.integer' };
    const n = Number(value);
    if (n < min) return { key: 'form.min', params: { min } };
    if (n > max) return { key: 'form.max', params: { max } };
    return null;
  };

/** The first problem among `rules`, in order. */
export function check(value: string, rules: readonly Rule[]): RuleProblem | null {
  for (const rule of rules) {
    const problem = rule(value);
    if (problem) return problem;
  }
  return null;
}
