import fc from 'fast-check';
import { RIB_MAX_INPUT_LENGTH, checkRib, normalizeRib, ribKey, ribLast4 } from './rib.js';

const digits = (n: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });

/** The RIB key by another road: BigInt arithmetic on the whole number. */
function bigIntKey(first22: string): string {
  return String(97n - ((BigInt(first22) * 100n) % 97n)).padStart(2, '0');
}

describe('Moroccan RIB', () => {
  it('computes the key so that the 24-digit number is divisible by 97 (checked with BigInt)', () => {
    fc.assert(
      fc.property(digits(22), (first22) => {
        const key = ribKey(first22);
        expect(key).toBe(bigIntKey(first22));
        expect(BigInt(first22 + key) % 97n).toBe(0n);
        expect(Number(key)).toBeGreaterThanOrEqual(1);
        expect(Number(key)).toBeLessThanOrEqual(97);
      }),
    );
  });

  it('accepts a RIB with its key, in groups with spaces too', () => {
    fc.assert(
      fc.property(digits(22), (first22) => {
        const rib = first22 + ribKey(first22);
        const spaced = `${rib.slice(0, 3)} ${rib.slice(3, 6)} ${rib.slice(6, 22)} ${rib.slice(22)}`;
        for (const input of [rib, spaced]) {
          const check = checkRib(input);
          expect(check).toEqual({
            valid: true,
            rib,
            bankCode: rib.slice(0, 3),
            cityCode: rib.slice(3, 6),
            accountNumber: rib.slice(6, 22),
            key: rib.slice(22),
          });
        }
      }),
    );
  });

  it('refuses any single changed digit and any swap of two different adjacent digits', () => {
    fc.assert(
      fc.property(
        digits(22),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 1, max: 9 }),
        (first22, at, delta) => {
          const rib = first22 + ribKey(first22);
          const changed = String((Number(rib[at]) + delta) % 10);
          const typo = rib.slice(0, at) + changed + rib.slice(at + 1);
          expect(checkRib(typo)).toEqual({ valid: false, problem: 'KEY' });
          if (at < 23 && rib[at] !== rib[at + 1]) {
            const swapped = rib.slice(0, at) + rib[at + 1] + rib[at] + rib.slice(at + 2);
            expect(checkRib(swapped)).toEqual({ valid: false, problem: 'KEY' });
          }
        },
      ),
    );
  });

  it('converts letters of the account number by the standard table', () => {
    // A→1, J→1, S→2, Z→9: the account "00000000000000AJ" weighs like "0000000000000011".
    const withLetters = '011780' + '00000000000000AJ';
    const withDigits = '011780' + '0000000000000011';
    expect(ribKey(withLetters)).toBe(ribKey(withDigits));
    expect(ribKey('011780' + '0000000000000S0Z')).toBe(ribKey('011780' + '0000000000000209'));
    const rib = withLetters + ribKey(withDigits);
    expect(checkRib(rib.toLowerCase())).toMatchObject({ valid: true, rib });
  });

  it('refuses wrong lengths and characters with the reason', () => {
    const good = '011780' + '0000000000000011';
    const rib = good + ribKey(good);
    expect(checkRib(rib.slice(1))).toEqual({ valid: false, problem: 'LENGTH' });
    expect(checkRib(rib + '0')).toEqual({ valid: false, problem: 'LENGTH' });
    expect(checkRib('')).toEqual({ valid: false, problem: 'LENGTH' });
    expect(checkRib(' '.repeat(RIB_MAX_INPUT_LENGTH + 1) + rib)).toEqual({ valid: false, problem: 'LENGTH' });
    expect(checkRib('A' + rib.slice(1))).toEqual({ valid: false, problem: 'CHARACTERS' });
    expect(checkRib(rib.slice(0, 22) + '9A')).toEqual({ valid: false, problem: 'CHARACTERS' });
    expect(checkRib(rib.slice(0, 10) + '.' + rib.slice(11))).toEqual({ valid: false, problem: 'CHARACTERS' });
  });

  it('never throws and only accepts 24 valid characters, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (input) => {
        const check = checkRib(input);
        if (check.valid) {
          expect(check.rib).toHaveLength(24);
          expect(check.rib).toBe(normalizeRib(input));
        }
      }),
    );
  });

  it('shows only the last four characters', () => {
    expect(ribLast4('011780000000000000001123')).toBe('1123');
  });
});
