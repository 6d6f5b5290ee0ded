/**
 * Moroccan RIB (relevé d'identité bancaire): 24 characters, `BBB CCC AAAAAAAAAAAAAAAA KK`:
 * a 3-digit bank code, a 3-digit city code, a 16-character account number and a 2-digit key.
 * The key makes the whole 24-character number ≡ 0 (mod 97): key = 97 − ((N × 100) mod 97), N
 * being the first 22 characters read as a number. Account numbers may hold letters; they count
 * as digits by the standard RIB table (A,J→1; B,K,S→2; C,L,T→3; D,M,U→4; E,N,V→5; F,O,W→6;
 * G,P,X→7; H,Q,Y→8; I,R,Z→9).
 */

/** Why a RIB is refused, for the error message. */
export type RibProblem = 'LENGTH' | 'CHARACTERS' | 'KEY';

export type RibCheck =
  | { valid: true; rib: string; bankCode: string; cityCode: string; accountNumber: string; key: string }
  | { valid: false; problem: RibProblem };

/** Input longer than this is refused before any other work (spaces included). */
export const RIB_MAX_INPUT_LENGTH = 64;

const RIB_LENGTH = 24;

const LETTER_DIGITS: Record<string, number> = {};
for (const [digit, letters] of [
  [1, 'AJ'],
  [2, 'BKS'],
  [3, 'CLT'],
  [4, 'DMU'],
  [5, 'ENV'],
  [6, 'FOW'],
  [7, 'GPX'],
  [8, 'HQY'],
  [9, 'IRZ'],
] as const) {
  for (const letter of letters) LETTER_DIGITS[letter] = digit;
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

/** The digit value of one RIB character (a digit, or an account letter by the RIB table). */
function digitValue(c: string): number {
  return isDigit(c) ? c.charCodeAt(0) - 48 : (LETTER_DIGITS[c] ?? Number.NaN);
}

/** `value mod 97` of a string of RIB characters, one digit at a time (no float, no BigInt needed). */
function mod97(chars: string): number {
  let remainder = 0;
  for (const c of chars) remainder = (remainder * 10 + digitValue(c)) % 97;
  return remainder;
}

/** The two-digit key of the first 22 characters (bank, city, account), "01".."97". */
export function ribKey(first22: string): string {
  const key = 97 - ((mod97(first22) * 100) % 97);
  return String(key).padStart(2, '0');
}

/** Removes the spaces and dashes people type between groups, upper-cases the letters. */
export function normalizeRib(input: string): string {
  let out = '';
  for (const c of input) if (c !== ' ' && c !== '-' && c !== '\u00a0') out += c;
  return out.toUpperCase();
}

/** Checks a RIB as typed: length, characters, then the key. */
export function checkRib(input: string): RibCheck {
  if (input.length > RIB_MAX_INPUT_LENGTH) return { valid: false, problem: 'LENGTH' };
  const rib = normalizeRib(input);
  if (rib.length !== RIB_LENGTH) return { valid: false, problem: 'LENGTH' };
  const bankCode = rib.slice(0, 3);
  const cityCode = rib.slice(3, 6);
  const accountNumber = rib.slice(6, 22);
  const key = rib.slice(22);
  const digitsOnly = (s: string) => [...s].every(isDigit);
  if (
    !digitsOnly(bankCode) ||
    !digitsOnly(cityCode) ||
    !digitsOnly(key) ||
    ![...accountNumber].every((c) => isDigit(c) || LETTER_DIGITS[c] !== undefined)
  ) {
    return { valid: false, problem: 'CHARACTERS' };
  }
  if (ribKey(rib.slice(0, 22)) !== key) return { valid: false, problem: 'KEY' };
  return { valid: true, rib, bankCode, cityCode, accountNumber, key };
}

/** What a client may see of a RIB: its last four characters. */
export function ribLast4(rib: string): string {
  return rib.slice(-4);
}

export const RIB_PROBLEM_MESSAGES: Record<RibProblem, string> = {
  LENGTH: 'A RIB has 24 characters: bank (3), city (3), account (16), key (2)',
  CHARACTERS: 'A RIB holds digits only (letters are allowed in the account number)',
  KEY: 'The RIB key does not match: check the number',
};
