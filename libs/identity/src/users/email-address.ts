import { isEmail } from 'class-validator';

/** Longest address SMTP can carry (RFC 5321 path limit less the angle brackets). */
export const EMAIL_MAX_LENGTH = 254;

/**
 * The stored form of an e-mail address: trimmed, Unicode-normalised (NFC) and lower-cased, so
 * "Fatima@Example.MA " and "fatima@example.ma" are one account.
 */
export function normaliseEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}

/** What is wrong with an e-mail address, or null when it is acceptable. */
export function emailProblem(email: string): string | null {
  const normalised = normaliseEmail(email);
  if (normalised.length > EMAIL_MAX_LENGTH) return `email must be at most ${EMAIL_MAX_LENGTH} characters`;
  if (!isEmail(normalised)) return 'email must be a valid e-mail address';
  return null;
}
