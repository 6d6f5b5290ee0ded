import {
  commonPasswords,
  isCommonPassword,
  PASSWORD_MIN_LENGTH,
  passwordProblem,
} from './password-policy.js';

describe('password policy', () => {
  it('ships only entries long enough to pass the length rule (shorter ones could never match)', () => {
    expect(commonPasswords().size).toBeGreaterThan(200);
    for (const entry of commonPasswords())
      expect([...entry].length).toBeGreaterThanOrEqual(PASSWORD_MIN_LENGTH);
  });

  it('refuses the famous passwords, short ones by length and long ones by the list', () => {
    for (const famous of ['123456', 'password', 'qwerty', 'iloveyou'])
      expect(passwordProblem(famous)).toMatch(/at least/);
    for (const famous of ['1234567890', 'qwertyuiop', 'password123', 'azertyuiop'])
      expect(isCommonPassword(famous)).toBe(true);
  });

  it('compares case-insensitively', () => {
    expect(isCommonPassword('QwertyUIOP')).toBe(true);
    expect(isCommonPassword('PASSWORD123')).toBe(true);
    expect(isCommonPassword('Casablanca')).toBe(true);
  });

  it('accepts a long uncommon password with no composition rule', () => {
    expect(passwordProblem('correct horse battery staple')).toBeNull();
    expect(passwordProblem('tout en minuscules sans chiffres')).toBeNull();
  });

  it('refuses common passwords that are long enough to pass the length rule', () => {
    expect(passwordProblem('1q2w3e4r5t')).toMatch(/most common/);
    expect(passwordProblem('AZERTYUIOP')).toMatch(/most common/);
  });

  it('bounds the length at 10 and 128 characters, counting code points', () => {
    expect(passwordProblem('x7#kQ9!zP')).toMatch(/at least 10/);
    expect(passwordProblem('x7#kQ9!zPw')).toBeNull();
    expect(passwordProblem('a'.repeat(128) + 'b')).toMatch(/at most 128/);
    expect(passwordProblem('ab'.repeat(64))).toBeNull();
    // Nine emoji are 18 UTF-16 units but nine characters.
    expect(passwordProblem('🐝🍯🌿🐝🍯🌿🐝🍯🌿')).toMatch(/at least 10/);
  });

  it('never contains an empty entry', () => {
    expect(commonPasswords().has('')).toBe(false);
  });
});
