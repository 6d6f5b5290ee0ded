import { emailProblem, normaliseEmail } from './email-address.js';

describe('e-mail addresses', () => {
  it('normalise to trimmed lower case', () => {
    expect(normaliseEmail('  Fatima.Zahra@Al-Manal.MA ')).toBe('fatima.zahra@al-manal.ma');
  });

  it('normalise Unicode to NFC so visually equal addresses are equal', () => {
    const decomposed = 'Ele\u0301onore@example.fr'; // "e" + combining acute accent
    const composed = 'el\u00e9onore@example.fr'; // precomposed "é"
    expect(decomposed).not.toBe(composed);
    expect(normaliseEmail(decomposed)).toBe(composed);
  });

  it('accept ordinary addresses and refuse malformed ones', () => {
    expect(emailProblem('buyer@example.ma')).toBeNull();
    expect(emailProblem(' Buyer@Example.MA ')).toBeNull();
    for (const bad of ['', 'buyer', 'buyer@', '@example.ma', 'buyer@@example.ma', 'a b@example.ma'])
      expect(emailProblem(bad)).toMatch(/valid e-mail/);
  });

  it('refuse addresses longer than 254 characters', () => {
    expect(emailProblem(`${'a'.repeat(64)}@${'b'.repeat(190)}.ma`)).toMatch(/at most 254/);
  });
});
