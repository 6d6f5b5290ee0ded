import { COMMON_PASSWORDS_TEXT } from './common-passwords.js';

/** Length bounds of a password (NIST SP 800-63B: at least 8; we ask 10; no composition rules). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

let common: ReadonlySet<string> | undefined;

/** The shipped list of common passwords, lower-cased, parsed once on first use. */
export function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    COMMON_PASSWORDS_TEXT.split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line.length > 0),
  );
  return common;
}

/** Whether the password is in the shipped list of common passwords, ignoring case. */
export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLowerCase());
}

/**
 * What is wrong with a candidate password, or null when it is acceptable: too short, too long,
 * or one of the most common passwords. Length counts Unicode code points, so "مرحبا" is 5, not 10.
 */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `password must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `password must be at most ${PASSWORD_MAX_LENGTH} characters`;
  if (isCommonPassword(password))
    return 'password is one of the most common passwords; choose a less predictable one';
  return null;
}
