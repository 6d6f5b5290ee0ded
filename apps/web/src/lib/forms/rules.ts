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

/** A phone number: digits with optional leading "+", spaces, dots and dashes; 6 to 20 digits. */
export const phone: Rule = (v) => {
  const value = v.trim();
  if (value === '') return null;
  let digits = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c >= '0' && c <= '9') digits++;
    else if (!(c === ' ' || c === '.' || c === '-' || (c === '+' && i === 0))) return { key: 'form.phone' };
  }
  return digits >= 6 && digits <= 20 ? null : { key: 'form.phone' };
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
